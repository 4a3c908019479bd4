package org.pingji.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A fixed threshold: alarm on a day whose count is at least {@code threshold} (1 = a single-case
 * alert for a listed disease); the bound reported is the threshold itself. Needs no history.
 */
final class FixedThreshold implements Detector {

    @Override
    public int historyDays(DetectionSettings s) {
        return 0;
    }

    @Override
    public DetectionColumns compute(DailySeries series, LocalDate from, LocalDate to, DetectionSettings s) {
        int threshold = s.threshold();
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        DetectionColumns out = DetectionColumns.of(from, Math.max(0, days));
        int first = series.indexOf(from);
        long[] x = series.counts();
        for (int i = 0; i < out.days(); i++) {
            int t = first + i;
            long observed = t >= 0 && t < x.length ? x[t] : 0;
            out.observed()[i] = observed;
            out.upperBound()[i] = threshold;
            out.alarm()[i] = observed >= threshold;
        }
        return out;
    }
}
