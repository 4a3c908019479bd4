package org.pingji.testing;

import org.pingji.platform.Refusal;

/** A testing operation was refused for a reason the user can act on (HTTP 400/409). */
public class TestingRefused extends Refusal {
    public TestingRefused(String message) {
        super(Kind.INVALID, "testing.refused", message);
    }
}
