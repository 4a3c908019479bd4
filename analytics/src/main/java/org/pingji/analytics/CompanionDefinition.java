package org.pingji.analytics;

/**
 * The spatiotemporal-companion (时空伴随) definition a run applies.
 *
 * <p>A phone is a companion of a case phone when, inside the look-back window, both phones are present in the
 * same square cell of {@code cellMeters} for strictly more than {@code minOverlapSeconds} in total. When
 * {@code accumulatedSeconds > 0} the optional clause also applies: either of the two phones must have been
 * present in that cell for strictly more than {@code accumulatedSeconds} within the window.
 *
 * <p>Presence comes from discrete pings: a ping at time t covers {@code [t, min(next ping of the same phone,
 * t + maxPingGapSeconds, window end))}; see {@link Presence}.
 *
 * @param cellMeters edge of a cell in metres (800)
 * @param minOverlapSeconds co-presence must exceed this (600 = 10 minutes)
 * @param lookBackDays only pings in the last N days before the period end count (14)
 * @param accumulatedSeconds the optional "accumulated in the cell" clause, 0 = off (default), 108000 = 30 h
 * @param maxPingGapSeconds a ping covers at most this long (3600 = 60 minutes)
 */
public record CompanionDefinition(
        int cellMeters, long minOverlapSeconds, int lookBackDays, long accumulatedSeconds, long maxPingGapSeconds) {

    public CompanionDefinition {
        if (cellMeters < 10 || minOverlapSeconds < 0 || lookBackDays < 1 || accumulatedSeconds < 0) {
            throw new IllegalArgumentException(
                    "Bad companion definition: cell %d m, overlap %d s, look-back %d d, accumulated %d s"
                            .formatted(cellMeters, minOverlapSeconds, lookBackDays, accumulatedSeconds));
        }
        if (maxPingGapSeconds < 1) {
            throw new IllegalArgumentException("Bad maximum ping gap %d s".formatted(maxPingGapSeconds));
        }
    }

    /** 800 m cells, more than 10 minutes together, last 14 days, no accumulated clause, pings cover at most 60 min. */
    public static CompanionDefinition defaults() {
        return new CompanionDefinition(800, 600, 14, 0, 3600);
    }
}
