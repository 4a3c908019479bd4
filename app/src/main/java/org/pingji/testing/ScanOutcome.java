package org.pingji.testing;

import java.util.UUID;

/** What became of one scan, with a message for the sampler (Chinese). */
public record ScanOutcome(UUID scanId, Outcome outcome, String message) {

    /** ACCEPTED: written now; DUPLICATE: written before (a replay); REJECTED: not written. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED
    }

    static ScanOutcome accepted(UUID id, String message) {
        return new ScanOutcome(id, Outcome.ACCEPTED, message);
    }

    static ScanOutcome duplicate(UUID id) {
        return new ScanOutcome(id, Outcome.DUPLICATE, "重复提交：该扫码已记录");
    }

    static ScanOutcome rejected(UUID id, String message) {
        return new ScanOutcome(id, Outcome.REJECTED, message);
    }
}
