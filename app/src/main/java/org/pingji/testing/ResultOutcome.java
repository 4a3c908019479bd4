package org.pingji.testing;

/**
 * What became of one reported result: APPLIED (the tube's first result, final), REPEATED (the
 * same result again, nothing changes), CONFLICT (a different later result, kept for review, not
 * applied) or REJECTED (unknown or unsealed tube, bad value).
 */
public record ResultOutcome(String tubeBarcode, Outcome outcome, String message) {

    /** See {@link ResultOutcome}. */
    public enum Outcome {
        APPLIED,
        REPEATED,
        CONFLICT,
        REJECTED
    }
}
