package org.pingji.warning;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A detector's answer for consecutive days from {@code from}, column by column (no object per day,
 * which is what makes 3,000 series × 4 methods cheap): {@code upperBound[i]} is NaN where the day has
 * no bound, and then {@code alarm[i]} is false.
 */
record DetectionColumns(LocalDate from, long[] observed, double[] upperBound, boolean[] alarm) {

    static DetectionColumns of(LocalDate from, int days) {
        return new DetectionColumns(from, new long[days], new double[days], new boolean[days]);
    }

    int days() {
        return observed.length;
    }

    /** Alarms in the range. */
    int alarms() {
        int n = 0;
        for (boolean a : alarm) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** The days as {@link DetectionPoint}s, made when read. */
    List<DetectionPoint> points() {
        return new Points();
    }

    private final class Points extends AbstractList<DetectionPoint> implements RandomAccess {
        @Override
        public DetectionPoint get(int i) {
            double bound = upperBound[i];
            return new DetectionPoint(from.plusDays(i), observed[i], Double.isNaN(bound) ? null : bound, alarm[i]);
        }

        @Override
        public int size() {
            return observed.length;
        }
    }
}
