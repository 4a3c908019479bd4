package org.pingji.testing;

import java.time.Instant;
import java.util.List;

/**
 * A round to open over an area (regions inside the caller's jurisdiction), with the pool size
 * (1 = single samples) and the deadline. A drill opens only {@code drillPoints} collection
 * points drawn at random.
 */
public record NewRound(
        String name, List<String> regionCodes, int poolSize, Instant deadline, boolean drill, Integer drillPoints) {}
