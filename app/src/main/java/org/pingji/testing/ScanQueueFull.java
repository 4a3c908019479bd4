package org.pingji.testing;

import org.pingji.platform.Refusal;

/** The scan queue is full: the client should retry after a moment (HTTP 503 with Retry-After). */
public class ScanQueueFull extends Refusal {
    public ScanQueueFull(String message) {
        super(Kind.BUSY, "testing.busy", message);
    }
}
