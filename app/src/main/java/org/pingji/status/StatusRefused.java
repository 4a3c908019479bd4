package org.pingji.status;

import org.pingji.platform.Refusal;

/** A status operation refused for a reason the user can act on (HTTP 409). */
public class StatusRefused extends Refusal {
    public StatusRefused(String message) {
        super(Kind.CONFLICT, "status.refused", message);
    }
}
