package org.pingji.companion;

/** What a grid worker records on a follow-up, in this order; ESCALATE ends it at any point. */
public enum FollowUpStep {
    /** The person was found (by phone or at home). */
    LOCATE,
    /** First test taken, with its result. */
    FIRST_TEST,
    /** Second test taken, with its result. */
    SECOND_TEST,
    /** Both tests negative: no further action. */
    CLEAR,
    /** Handed to the epidemiologists (positive test, not reachable, refuses...). */
    ESCALATE
}
