package org.pingji.checkpoint;

import org.pingji.platform.Refusal;

/** A checkpoint or transfer operation refused for a reason the user can act on (HTTP 409). */
public class CheckRefused extends Refusal {
    public CheckRefused(String message) {
        super(Kind.CONFLICT, "checkpoint.refused", message);
    }
}
