package org.pingji.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One daily count series: {@code counts[i]} is the count of day {@code start + i}, consecutive
 * days without gaps (the caller supplies 0 for a day without a count). Detectors read history
 * only from this array: a day before {@code start} is history that does not exist.
 */
record DailySeries(LocalDate start, long[] counts) {

    DailySeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(counts, "counts");
    }

    /** The last day of the series ({@code start - 1} when empty). */
    LocalDate end() {
        return start.plusDays(counts.length - 1L);
    }

    /** Index of a day in {@link #counts()}; negative or {@code >= length} when outside. */
    int indexOf(LocalDate day) {
        long index = ChronoUnit.DAYS.between(start, day);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, index));
    }

    /** The count of a day, 0 outside the series. */
    long count(LocalDate day) {
        int i = indexOf(day);
        return i >= 0 && i < counts.length ? counts[i] : 0;
    }

    int length() {
        return counts.length;
    }
}
