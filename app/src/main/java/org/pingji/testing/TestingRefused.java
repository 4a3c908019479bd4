package org.pingji.testing;

/** A testing operation was refused for a reason the user can act on (HTTP 400/409). */
public class TestingRefused extends RuntimeException {
    public TestingRefused(String message) {
        super(message);
    }
}
