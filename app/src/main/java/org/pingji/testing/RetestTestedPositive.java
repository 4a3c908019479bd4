package org.pingji.testing;

import java.time.Instant;

/** A single-sample retest of a positive pool's member tested positive: a likely case. */
public record RetestTestedPositive(
        long roundId, long personId, String tubeBarcode, String poolBarcode, Instant reportedAt) {}
