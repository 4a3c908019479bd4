package org.pingji.testing;

import org.pingji.platform.ServiceBusy;

/** The scan queue is full: the client should retry after a moment (HTTP 503 with Retry-After). */
public class ScanQueueFull extends ServiceBusy {
    public ScanQueueFull(String message) {
        super("testing.busy", message);
    }
}
