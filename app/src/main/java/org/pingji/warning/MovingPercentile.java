package org.pingji.warning;

import java.time.LocalDate;

/**
 * The moving percentile method (MPM) of China's CIDARS (Yang et al. 2011, "A nationwide web-based
 * automated system for early outbreak detection and rapid response in China", WPSAR 2(1)): the
 * current 7-day sum against a percentile of the same period ±2 weeks in each of the previous 3
 * years.
 *
 * <p>Exactly: for day t the observed figure is the sum of days t−6 … t. The baseline has 15 values
 * ("5 blocks × 3 years"): for each year k = 1, 2, 3 the same calendar day k years earlier ({@link
 * LocalDate#minusYears}, so 29 February maps to 28 February), e_k, and the 7-day sums of the windows
 * ending at e_k − 14, e_k − 7, e_k, e_k + 7 and e_k + 14 days (the same 7-day period, the two
 * before and the two after it; the blocks do not overlap). The bound is the {@code percentile} of
 * these 15 sums with linear interpolation between order statistics (R's {@code quantile(type =
 * 7)}: position {@code 1 + (n − 1)·p}); default P80. Alarm: the 7-day sum exceeds the bound.
 *
 * <p>A day whose 15 windows are not all inside the series (less than about 3 years and 3 weeks of
 * history) has {@code upperBound = null} and no alarm.
 */
final class MovingPercentile implements Detector {

    static final int YEARS = 3;
    static final int BLOCKS_EACH_SIDE = 2;
    static final int WINDOW = 7;

    @Override
    public int historyDays(DetectionSettings s) {
        return YEARS * 366 + BLOCKS_EACH_SIDE * WINDOW + WINDOW - 1;
    }

    @Override
    public DetectionColumns compute(DailySeries series, LocalDate from, LocalDate to, DetectionSettings s) {
        int first = series.indexOf(from);
        int last = series.indexOf(to);
        long[] x = series.counts();
        long[] prefix = new long[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        long[] baseline = new long[YEARS * (2 * BLOCKS_EACH_SIDE + 1)];
        long[] scratch = new long[15];
        int[] same = new int[YEARS];
        DetectionColumns out = DetectionColumns.of(from, Math.max(0, last - first + 1));
        LocalDate day = from;
        for (int t = first; t <= last; t++, day = day.plusDays(1)) {
            int i = t - first;
            sameDays(series, day, i == 0, same);
            long observed = windowSum(prefix, t);
            out.observed()[i] = Math.max(0, observed);
            if (observed < 0 || !fill(prefix, same, baseline)) {
                out.upperBound()[i] = Double.NaN;
                continue;
            }
            double bound = percentile(baseline, scratch, s.percentile());
            out.upperBound()[i] = bound;
            out.alarm()[i] = observed > bound;
        }
        return out;
    }

    /**
     * The indexes of the same calendar day 1, 2, 3 years back: computed with {@link
     * LocalDate#minusYears} at the start, on the first of a month and around 29 February, else the
     * previous day's plus one.
     */
    private static void sameDays(DailySeries series, LocalDate day, boolean first, int[] same) {
        int dom = day.getDayOfMonth();
        boolean recompute = first || dom == 1 || (day.getMonthValue() == 2 && dom >= 28);
        for (int k = 0; k < YEARS; k++) {
            same[k] = recompute ? series.indexOf(day.minusYears(k + 1)) : same[k] + 1;
        }
    }

    /** The 15 baseline sums into {@code into}; false when one lies outside the series. */
    static boolean fill(long[] prefix, int[] same, long[] into) {
        int n = 0;
        for (int k = 0; k < YEARS; k++) {
            for (int j = -BLOCKS_EACH_SIDE; j <= BLOCKS_EACH_SIDE; j++) {
                long sum = windowSum(prefix, same[k] + j * WINDOW);
                if (sum < 0) {
                    return false;
                }
                into[n++] = sum;
            }
        }
        return true;
    }

    /** Sum of the 7 days ending at index {@code end}; −1 when not all inside the series. */
    static long windowSum(long[] prefix, int end) {
        int start = end - WINDOW + 1;
        if (start < 0 || end > prefix.length - 2) {
            return -1;
        }
        return prefix[end + 1] - prefix[start];
    }

    /**
     * R's {@code quantile(values, p, type = 7)} of 15 values: linear interpolation between
     * the order statistics at position {@code (n − 1)·p}; sorted in {@code scratch} (15 longs) by
     * {@link Sort15}.
     */
    static double percentile(long[] values, long[] scratch, double p) {
        int n = values.length;
        if (n != YEARS * (2 * BLOCKS_EACH_SIDE + 1)) {
            throw new IllegalArgumentException("the network sorts 15 values, not " + n);
        }
        System.arraycopy(values, 0, scratch, 0, n);
        Sort15.sort(scratch);
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return scratch[lo] + (h - lo) * (scratch[hi] - scratch[lo]);
    }
}
