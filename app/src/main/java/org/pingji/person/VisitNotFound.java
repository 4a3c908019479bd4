package org.pingji.person;

/** A campaign, micro-grid, household or person of the visit pages that is unknown or outside the jurisdiction (404). */
public class VisitNotFound extends RuntimeException {
    public VisitNotFound(String message) {
        super(message);
    }
}
