package org.pingji.risk;

import org.pingji.platform.Refusal;

/** A risk-area change was refused for a reason the user can act on (HTTP 409). */
public class RiskRefused extends Refusal {
    public RiskRefused(String message) {
        super(Kind.CONFLICT, "risk.refused", message);
    }
}
