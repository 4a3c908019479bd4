package org.pingji.command;

import java.time.Instant;

/**
 * A non-testing drill (演练: flood, gas leak, transfer of a red-code person...) with its timings,
 * participants and findings; {@code minutes} is the run time once started and ended.
 */
public record DrillView(
        long id,
        String name,
        String scenario,
        String regionCode,
        String regionName,
        Instant plannedAt,
        Instant startedAt,
        Instant endedAt,
        int participants,
        String findings,
        String createdBy,
        Long minutes) {}
