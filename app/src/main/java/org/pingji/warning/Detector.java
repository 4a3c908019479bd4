package org.pingji.warning;

import java.time.LocalDate;
import java.util.List;

/** One aberration detection method over a daily series. */
interface Detector {

    /**
     * One point per day from {@code from} to {@code to} (inclusive), in order. History before
     * {@code from} is read from the series; a day before the series start counts 0 and has no
     * history.
     */
    default List<DetectionPoint> detect(DailySeries series, LocalDate from, LocalDate to, DetectionSettings settings) {
        return compute(series, from, to, settings).points();
    }

    /** The same as {@link #detect}, as columns. */
    DetectionColumns compute(DailySeries series, LocalDate from, LocalDate to, DetectionSettings settings);

    /** Days of history before a day that the method reads (for the caller loading the series). */
    int historyDays(DetectionSettings settings);
}
