package org.pingji.warning;

import java.time.LocalDate;

/**
 * CDC EARS C1, C2 and C3, computed as R {@code surveillance::earsC} 1.20.3 does (its source, read
 * with {@code print(earsC)}), day by day; the differential test {@code EarsReferenceTests} holds
 * it against R's output ({@code bench/ears-reference.sh} regenerates the fixture).
 *
 * <ul>
 *   <li>C1: reference = the {@code baseline} days before day t; {@code upperbound = mean + z ·
 *       max(sd, minSigma)}, with {@code z = qnorm(1 - alpha)} and the sample standard deviation
 *       (divisor n − 1).
 *   <li>C2: the same with a 2-day guard band: reference = days t−baseline−2 … t−3.
 *   <li>C3: the C2 statistic {@code C2(s) = (x_s − mean_s) / max(sd_s, minSigma)} of the two
 *       previous days; {@code upperbound = max(0, x_t + max(sd_t, minSigma) · (z − max(0, C2(t−2)
 *       − 1) − max(0, C2(t−1) − 1)))}, where sd_t is the C2 reference of day t. The day's own C2
 *       statistic is not part of the bound (so the alarm is "the lagged parts exceed z", or the
 *       bound clipped at 0 below a positive count), exactly as in R.
 *   <li>alarm: {@code observed > upperbound}.
 * </ul>
 *
 * <p>Where R gives NA we answer {@code upperBound = null, alarm = false}: with {@code minSigma = 0}
 * a constant reference has sd 0; C1/C2 then give {@code upperbound = mean} (a finite bound, alarm
 * when the count exceeds the constant), and C3 divides by 0: a lagged C2 of {@code 0/0} (count
 * equal to the constant) is NaN and so is the bound; {@code +Inf} with {@code sd_t = 0} gives
 * {@code 0 · −Inf = NaN}; {@code +Inf} with {@code sd_t > 0} gives a bound of −Inf clipped to 0.
 *
 * <p>Days without enough history (C1: fewer than {@code baseline} days before, C2: {@code
 * baseline + 2}, C3: {@code baseline + 4}): R refuses the whole call ({@code "The vector of
 * observed is too short!"}) and by default starts its range at the first day with enough history;
 * we answer such days with {@code upperBound = null, alarm = false} and compute the rest. One more
 * R quirk not copied: R's C3 with a range of a single day yields NA (its {@code apply} over a
 * 1-row matrix), we compute that day like any other.
 */
final class Ears implements Detector {

    @Override
    public int historyDays(DetectionSettings s) {
        return switch (s.method()) {
            case C1 -> s.baseline();
            case C2 -> s.baseline() + 2;
            case C3 -> s.baseline() + 4;
            default -> throw new IllegalArgumentException("not an EARS method: " + s.method());
        };
    }

    @Override
    public DetectionColumns compute(DailySeries series, LocalDate from, LocalDate to, DetectionSettings s) {
        double z = NormalQuantile.upper(s.alpha());
        int first = series.indexOf(from);
        int last = series.indexOf(to);
        long[] x = series.counts();
        DetectionColumns out = DetectionColumns.of(from, Math.max(0, last - first + 1));
        int need = historyDays(s);
        if (s.method() == DetectionMethod.C3) {
            return c3(x, first, last, need, s, z, out);
        }
        double[] stat = new double[2];
        for (int t = first; t <= last; t++) {
            int i = t - first;
            long observed = t >= 0 && t < x.length ? x[t] : 0;
            out.observed()[i] = observed;
            double bound = t < need || t >= x.length ? Double.NaN : bound(x, t, s, z, stat);
            out.upperBound()[i] = bound;
            out.alarm()[i] = observed > bound; // false for NaN
        }
        return out;
    }

    /** C3 over the range, each day's C2 reference (mean, sd) computed once, not three times. */
    private static DetectionColumns c3(
            long[] x, int first, int last, int need, DetectionSettings s, double z, DetectionColumns out) {
        int b = s.baseline();
        double minSigma = s.minSigma();
        int from = Math.max(first, need) - 2;
        int to = Math.min(last, x.length - 1);
        int n = Math.max(0, to - from + 1);
        double[] c2 = new double[n];
        double[] sigma = new double[n];
        double[] stat = new double[2];
        for (int t = from; t <= to; t++) {
            meanSd(x, t - b - 2, b, stat);
            sigma[t - from] = Math.max(stat[1], minSigma);
            c2[t - from] = (x[t] - stat[0]) / sigma[t - from];
        }
        for (int t = first; t <= last; t++) {
            int i = t - first;
            long observed = t >= 0 && t < x.length ? x[t] : 0;
            out.observed()[i] = observed;
            double bound = Double.NaN;
            if (t >= need && t < x.length) {
                int k = t - from;
                double lag2 = Math.max(0, c2[k - 2] - 1);
                double lag1 = Math.max(0, c2[k - 1] - 1);
                double upper = x[t] + sigma[k] * (z - (lag2 + lag1));
                bound = Double.isNaN(upper) ? upper : Math.max(0, upper);
            }
            out.upperBound()[i] = bound;
            out.alarm()[i] = observed > bound;
        }
        return out;
    }

    /** The upper bound of day t (NaN where R answers NA); {@code t} has enough history. */
    static double bound(long[] x, int t, DetectionSettings s, double z, double[] stat) {
        int b = s.baseline();
        double minSigma = s.minSigma();
        switch (s.method()) {
            case C1 -> {
                meanSd(x, t - b, b, stat);
                return stat[0] + z * Math.max(stat[1], minSigma);
            }
            case C2 -> {
                meanSd(x, t - b - 2, b, stat);
                return stat[0] + z * Math.max(stat[1], minSigma);
            }
            case C3 -> {
                double lag2 = Math.max(0, c2(x, t - 2, b, minSigma, stat) - 1);
                double lag1 = Math.max(0, c2(x, t - 1, b, minSigma, stat) - 1);
                meanSd(x, t - b - 2, b, stat);
                double upper = x[t] + Math.max(stat[1], minSigma) * (z - (lag2 + lag1));
                return Double.isNaN(upper) ? upper : Math.max(0, upper);
            }
            default -> throw new IllegalArgumentException("not an EARS method: " + s.method());
        }
    }

    /** The C2 statistic of day t (reference t−b−2 … t−3). */
    private static double c2(long[] x, int t, int b, double minSigma, double[] stat) {
        meanSd(x, t - b - 2, b, stat);
        return (x[t] - stat[0]) / Math.max(stat[1], minSigma);
    }

    /** Mean and sample standard deviation of {@code x[from .. from+n-1]}, two-pass as R. */
    static void meanSd(long[] x, int from, int n, double[] out) {
        long sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += x[i];
        }
        double mean = (double) sum / n;
        double squares = 0;
        for (int i = from; i < from + n; i++) {
            double d = x[i] - mean;
            squares += d * d;
        }
        out[0] = mean;
        out[1] = Math.sqrt(squares / (n - 1));
    }
}
