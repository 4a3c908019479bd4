package org.pingji.platform;

/**
 * A write queue is full, starting or stopping, or a commit did not answer in time: the client
 * should retry after a moment. Answered 503 with {@code Retry-After} and the Chinese message.
 */
public class ServiceBusy extends Refusal {
    public ServiceBusy(String message) {
        this("service.busy", message);
    }

    protected ServiceBusy(String code, String message) {
        super(Kind.BUSY, code, message);
    }
}
