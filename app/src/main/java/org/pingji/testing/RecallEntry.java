package org.pingji.testing;

import java.time.Instant;

/**
 * A person called back in a round: a member of a positive pool (single retest) or of an invalid
 * tube (resample), with the retest's state.
 */
public record RecallEntry(
        long personId,
        String name,
        String microGridCode,
        String tubeBarcode,
        String reason,
        String retestStatus,
        String retestBarcode,
        Instant since) {}
