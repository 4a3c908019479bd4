package org.pingji.tracing;

import org.pingji.platform.Refusal;

/** A tracing operation conflicts with what is recorded (HTTP 409), e.g. a contact listed twice. */
public class TracingRefused extends Refusal {
    public TracingRefused(String message) {
        super(Kind.CONFLICT, "tracing.refused", message);
    }
}
