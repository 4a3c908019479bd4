package org.pingji.person;

import org.pingji.platform.Refusal;

/**
 * A visit or duplicate request that contradicts the current state, such as a visit in a closed
 * campaign (HTTP 409), or a campaign closed from below its level (HTTP 403).
 */
public class VisitConflict extends Refusal {
    public VisitConflict(String message) {
        super(Kind.CONFLICT, "visit.conflict", message);
    }

    private VisitConflict(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    /** A campaign opened above the caller's area: only its own level may close it (HTTP 403). */
    static VisitConflict openedAbove(String name) {
        return new VisitConflict(Kind.FORBIDDEN, "visit.close_forbidden", "走访任务「%s」由上级发起，只能由上级结束".formatted(name));
    }
}
