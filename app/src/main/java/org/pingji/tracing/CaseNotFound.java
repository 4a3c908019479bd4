package org.pingji.tracing;

/** No case, place or person with the id inside the caller's jurisdiction (HTTP 404). */
public class CaseNotFound extends RuntimeException {
    public CaseNotFound(String message) {
        super(message);
    }
}
