package org.pingji.access;

/** The caller's role or jurisdiction does not allow the request (HTTP 403). */
public class AccessRefused extends RuntimeException {
    public AccessRefused(String message) {
        super(message);
    }
}
