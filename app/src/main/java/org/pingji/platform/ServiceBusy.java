package org.pingji.platform;

/**
 * A write queue is full, starting or stopping, or a commit did not answer in time: the client
 * should retry after a moment. Answered 503 with {@code Retry-After} and the Chinese message.
 */
public class ServiceBusy extends RuntimeException {
    public ServiceBusy(String message) {
        super(message);
    }
}
