package org.pingji.analytics;

/**
 * A candidate companion with its evidence: the cell where it was together with a case phone the longest.
 *
 * @param phone the companion's phone
 * @param cell the cell label ({@code row:col}, see {@link Cells})
 * @param casePhone the case phone it overlapped with there
 * @param overlapSeconds co-presence in that cell with that case phone, summed over the window
 * @param firstSeen epoch second the co-presence began
 * @param lastSeen epoch second it ended
 */
public record Companion(
        String phone, String cell, String casePhone, long overlapSeconds, long firstSeen, long lastSeen) {

    /** Overlap in minutes, rounded down to a tenth. */
    public double overlapMinutes() {
        return Math.floor(overlapSeconds / 6.0) / 10.0;
    }

    /** Of two qualifying (case, cell) pairs of one phone the one shown: longest overlap, then smallest cell, then case. */
    static Companion better(Companion a, Companion b) {
        if (a.overlapSeconds != b.overlapSeconds) {
            return a.overlapSeconds > b.overlapSeconds ? a : b;
        }
        int c = a.cell.compareTo(b.cell);
        if (c != 0) {
            return c < 0 ? a : b;
        }
        return a.casePhone.compareTo(b.casePhone) <= 0 ? a : b;
    }
}
