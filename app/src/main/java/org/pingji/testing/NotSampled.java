package org.pingji.testing;

import java.time.Instant;

/** A person of the round's area not yet sampled, with the reason a grid worker recorded, if any. */
public record NotSampled(
        long personId,
        String name,
        String microGridCode,
        String reason,
        String note,
        String recordedBy,
        Instant recordedAt) {

    /** Why someone was not sampled; BEDRIDDEN means home sampling is needed. */
    public enum Reason {
        AWAY,
        EXEMPT,
        BEDRIDDEN,
        REFUSED,
        OTHER
    }
}
