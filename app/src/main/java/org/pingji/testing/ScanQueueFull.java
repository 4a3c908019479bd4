package org.pingji.testing;

/** The scan queue is full: the client should retry after a moment (HTTP 503 with Retry-After). */
public class ScanQueueFull extends RuntimeException {
    public ScanQueueFull(String message) {
        super(message);
    }
}
