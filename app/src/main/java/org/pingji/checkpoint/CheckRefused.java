package org.pingji.checkpoint;

/** A checkpoint or transfer operation refused for a reason the user can act on (HTTP 409). */
public class CheckRefused extends RuntimeException {
    public CheckRefused(String message) {
        super(message);
    }
}
