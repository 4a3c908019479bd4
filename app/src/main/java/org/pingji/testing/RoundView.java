package org.pingji.testing;

import java.time.Instant;
import java.util.List;

/** A testing round as listed. */
public record RoundView(
        long id,
        String name,
        int poolSize,
        Instant deadline,
        boolean drill,
        String status,
        List<String> regionCodes,
        int tables,
        String createdBy,
        Instant createdAt,
        Instant closedAt) {}
