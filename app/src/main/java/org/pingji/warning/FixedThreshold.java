package org.pingji.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    public List<DetectionPoint> detect(DailySeries series, LocalDate from, LocalDate to, DetectionSettings s) {
        int threshold = s.threshold();
        List<DetectionPoint> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long observed = series.count(day);
            out.add(new DetectionPoint(day, observed, (double) threshold, observed >= threshold));
        }
        return out;
    }
}
