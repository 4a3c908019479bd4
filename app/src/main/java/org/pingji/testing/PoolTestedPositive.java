package org.pingji.testing;

import java.time.Instant;
import java.util.List;

/**
 * A pooled tube tested positive: its members are under temporary control and must be retested
 * singly (单采单检).
 */
public record PoolTestedPositive(long roundId, String tubeBarcode, List<Long> memberPersonIds, Instant reportedAt) {}
