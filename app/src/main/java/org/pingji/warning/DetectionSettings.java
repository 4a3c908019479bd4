package org.pingji.warning;

import java.util.Objects;

/**
 * Parameters of one detection method; the canonical constructor refuses values the methods cannot
 * use ({@link DetectionRefused}, HTTP 400).
 *
 * @param alpha EARS: the upper bound is the {@code 1 - alpha} normal quantile (default 0.001; R's
 *     {@code earsC} default is 0.001 for C1/C2 but 0.025 for C3 when alpha is not given, we always
 *     pass it)
 * @param baseline EARS: days in the reference window (default 7, at least 3 as in R)
 * @param minSigma EARS: the standard deviation used is at least this (default 0 as in R)
 * @param threshold THRESHOLD: alarm when the day's count is at least this (1 = single-case alert);
 *     ignored by the other methods
 * @param percentile MPM: the percentile of the 15 historical 7-day sums used as bound (default
 *     0.8, the nationally optimal P80 of CIDARS for influenza, mumps and others)
 */
record DetectionSettings(
        DetectionMethod method, double alpha, int baseline, double minSigma, Integer threshold, double percentile) {

    static final double DEFAULT_ALPHA = 0.001;
    static final int DEFAULT_BASELINE = 7;
    static final double DEFAULT_PERCENTILE = 0.8;

    DetectionSettings {
        Objects.requireNonNull(method, "method");
        if (!(alpha > 0 && alpha < 1)) {
            throw DetectionRefused.alpha(alpha);
        }
        if (baseline < 3 || baseline > 365) {
            throw DetectionRefused.baseline(baseline);
        }
        if (!(minSigma >= 0) || Double.isInfinite(minSigma)) {
            throw DetectionRefused.minSigma(minSigma);
        }
        if (!(percentile > 0 && percentile < 1)) {
            throw DetectionRefused.percentile(percentile);
        }
        if (method == DetectionMethod.THRESHOLD && (threshold == null || threshold < 1)) {
            throw DetectionRefused.threshold(threshold);
        }
    }

    /** The defaults of a method (THRESHOLD: a single-case alert, threshold 1). */
    static DetectionSettings of(DetectionMethod method) {
        return new DetectionSettings(
                method,
                DEFAULT_ALPHA,
                DEFAULT_BASELINE,
                0,
                method == DetectionMethod.THRESHOLD ? 1 : null,
                DEFAULT_PERCENTILE);
    }

    DetectionSettings withAlpha(double value) {
        return new DetectionSettings(method, value, baseline, minSigma, threshold, percentile);
    }

    DetectionSettings withThreshold(Integer value) {
        return new DetectionSettings(method, alpha, baseline, minSigma, value, percentile);
    }

    DetectionSettings withPercentile(double value) {
        return new DetectionSettings(method, alpha, baseline, minSigma, threshold, value);
    }

    DetectionSettings withBaseline(int value) {
        return new DetectionSettings(method, alpha, value, minSigma, threshold, percentile);
    }

    DetectionSettings withMinSigma(double value) {
        return new DetectionSettings(method, alpha, baseline, value, threshold, percentile);
    }
}
