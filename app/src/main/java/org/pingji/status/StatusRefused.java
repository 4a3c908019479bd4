package org.pingji.status;

/** A status operation refused for a reason the user can act on (HTTP 409). */
public class StatusRefused extends RuntimeException {
    public StatusRefused(String message) {
        super(message);
    }
}
