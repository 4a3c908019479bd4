package org.pingji.analytics;

/**
 * How presence comes from discrete pings.
 *
 * <p>Per phone, the used pings are ordered by time (then by cell key, so ties are deterministic; the input order
 * does not matter). A ping at time t in cell c puts the phone in c for {@code [t, end)} where {@code end =
 * min(t', t + maxPingGap, windowEnd)} and t' is the phone's next ping (any cell). A phone that stops reporting
 * is thus not assumed to stay for more than the gap; two pings at the same second give the first a zero-length
 * interval. The overlap of two phones in a cell is the summed length of the pairwise intersections of their
 * intervals in that cell (a phone's own intervals never overlap).
 */
public final class Presence {

    private Presence() {}

    /** End of the interval of a ping at {@code t}; {@code next} is the next ping's time or {@code Long.MAX_VALUE}. */
    public static long end(long t, long next, long maxPingGap, long windowEnd) {
        return Math.min(Math.min(next, t + maxPingGap), windowEnd);
    }
}
