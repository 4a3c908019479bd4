package org.pingji.person;

import org.pingji.platform.Refusal;

/** A campaign, micro-grid, household or person of the visit pages that is unknown or outside the jurisdiction (404). */
public class VisitNotFound extends Refusal {
    public VisitNotFound(String message) {
        super(Kind.NOT_FOUND, "visit.not_found", message);
    }
}
