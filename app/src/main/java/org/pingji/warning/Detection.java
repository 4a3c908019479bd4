package org.pingji.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The detectors behind one entry point: {@link #detect} runs the method of the settings over a
 * daily series. Stateless and thread-safe; the series' history before {@code from} should reach
 * {@link #historyDays} days back (days with less history get no bound and no alarm).
 */
@Component
class Detection {

    private final Detector ears = new Ears();
    private final Detector mpm = new MovingPercentile();
    private final Detector threshold = new FixedThreshold();

    Detector detector(DetectionMethod method) {
        return switch (method) {
            case C1, C2, C3 -> ears;
            case MPM -> mpm;
            case THRESHOLD -> threshold;
        };
    }

    /** One point per day from {@code from} to {@code to}; refuses {@code from > to}. */
    List<DetectionPoint> detect(DailySeries series, LocalDate from, LocalDate to, DetectionSettings settings) {
        if (from.isAfter(to)) {
            throw DetectionRefused.range("开始日期 " + from + " 晚于结束日期 " + to);
        }
        return detector(settings.method()).detect(series, from, to, settings);
    }

    /** The same as {@link #detect}, as columns (no object per day: for bulk runs). */
    DetectionColumns compute(DailySeries series, LocalDate from, LocalDate to, DetectionSettings settings) {
        if (from.isAfter(to)) {
            throw DetectionRefused.range("开始日期 " + from + " 晚于结束日期 " + to);
        }
        return detector(settings.method()).compute(series, from, to, settings);
    }

    /** Days of history before {@code from} the method reads. */
    int historyDays(DetectionSettings settings) {
        return detector(settings.method()).historyDays(settings);
    }

    /** The method named in a request ({@code C1}, …), refused when unknown. */
    static DetectionMethod method(String name) {
        try {
            return DetectionMethod.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DetectionRefused.method(name);
        }
    }
}
