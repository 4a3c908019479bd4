package org.pingji.tracing;

/** A tracing operation conflicts with what is recorded (HTTP 409), e.g. a contact listed twice. */
public class TracingRefused extends RuntimeException {
    public TracingRefused(String message) {
        super(message);
    }
}
