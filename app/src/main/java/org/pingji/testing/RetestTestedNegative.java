package org.pingji.testing;

import java.time.Instant;

/** A positive pool's member tested negative on the single retest: no longer awaiting it. */
public record RetestTestedNegative(
        long roundId, long personId, String tubeBarcode, String poolBarcode, Instant reportedAt) {}
