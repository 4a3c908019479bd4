package org.pingji.tracing;

import org.pingji.platform.Refusal;

/** No case, place or person with the id inside the caller's jurisdiction (HTTP 404). */
public class CaseNotFound extends Refusal {
    public CaseNotFound(String message) {
        super(Kind.NOT_FOUND, "tracing.not_found", message);
    }
}
