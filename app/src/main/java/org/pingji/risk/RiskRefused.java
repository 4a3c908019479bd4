package org.pingji.risk;

/** A risk-area change was refused for a reason the user can act on (HTTP 409). */
public class RiskRefused extends RuntimeException {
    public RiskRefused(String message) {
        super(message);
    }
}
