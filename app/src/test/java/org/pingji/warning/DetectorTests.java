package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pingji.platform.Refusal;

/** The moving percentile, the fixed threshold and the refused settings, without the database. */
class DetectorTests {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate DAY = LocalDate.of(2024, 6, 15);

    final Detection detection = new Detection();

    /** Zeros from 2021 to 2024 except one count at the end of each of the 15 baseline windows. */
    static long[] baselineMarked() {
        long[] x = new long[(int) ChronoUnit.DAYS.between(START, LocalDate.of(2025, 1, 1))];
        for (int k = 1; k <= 3; k++) {
            for (int j = -2; j <= 2; j++) {
                LocalDate end = DAY.minusYears(k).plusDays(7L * j);
                x[(int) ChronoUnit.DAYS.between(START, end)] = 10L * k + j + 3;
            }
        }
        return x;
    }

    DetectionPoint mpm(long[] x, LocalDate day, double percentile) {
        var settings = DetectionSettings.of(DetectionMethod.MPM).withPercentile(percentile);
        return detection.detect(new DailySeries(START, x), day, day, settings).getFirst();
    }

    @Test
    void theMovingPercentileComparesTheWeekWithFifteenWindowsOfThreePriorYears() {
        long[] x = baselineMarked();
        int today = (int) ChronoUnit.DAYS.between(START, DAY);
        x[today] = 20;
        x[today - 6] = 12; // the current 7-day window is days t-6 .. t
        x[today - 7] = 100; // outside it
        // 15 sums 11..15, 21..25, 31..35; P80 of R's type 7: position 1 + 14 * 0.8 = 12.2 -> 32.2
        DetectionPoint p = mpm(x, DAY, 0.8);
        assertThat(p.observed()).isEqualTo(32);
        assertThat(p.upperBound()).isCloseTo(32.2, within(1e-12));
        assertThat(p.alarm()).isFalse();
        x[today - 3] = 1;
        assertThat(mpm(x, DAY, 0.8).alarm()).isTrue();
        // P50: the 8th of 15 = 23
        assertThat(mpm(x, DAY, 0.5).upperBound()).isEqualTo(23.0);
    }

    @Test
    void withoutThreeYearsAndThreeWeeksOfHistoryTheMovingPercentileHasNoBound() {
        long[] x = baselineMarked();
        DetectionPoint early = mpm(x, LocalDate.of(2024, 1, 5), 0.8);
        assertThat(early.upperBound()).isNull();
        assertThat(early.alarm()).isFalse();
        // the first day with all 15 windows inside the series: 2021-01-01 is day 1 of e3 - 14 - 6
        LocalDate first = LocalDate.of(2024, 1, 21);
        assertThat(mpm(x, first, 0.8).upperBound()).isNotNull();
        assertThat(mpm(x, first.minusDays(1), 0.8).upperBound()).isNull();
    }

    @Test
    void aRangeAcross29FebruaryGivesWhatEachDayAloneGives() {
        var random = new java.util.SplittableRandom(3);
        long[] x = new long[(int) ChronoUnit.DAYS.between(START, LocalDate.of(2025, 12, 31)) + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(20);
        }
        var series = new DailySeries(START, x);
        var settings = DetectionSettings.of(DetectionMethod.MPM);
        LocalDate from = LocalDate.of(2024, 1, 25);
        var range = detection.detect(series, from, LocalDate.of(2025, 12, 31), settings);
        for (int i = 0; i < range.size(); i++) {
            LocalDate day = from.plusDays(i);
            assertThat(range.get(i)).as("%s", day).isEqualTo(mpm(x, day, 0.8));
        }
    }

    @Test
    void theSortingNetworkSortsEveryInputAndThePercentileIsRsType7() {
        // the 0-1 principle: a network that sorts every 0/1 input sorts every input
        for (int bits = 0; bits < 1 << 15; bits++) {
            long[] v = new long[15];
            for (int i = 0; i < 15; i++) {
                v[i] = bits >> i & 1;
            }
            Sort15.sort(v);
            for (int i = 1; i < 15; i++) {
                assertThat(v[i - 1]).isLessThanOrEqualTo(v[i]);
            }
        }
        var random = new java.util.SplittableRandom(5);
        long[] scratch = new long[16];
        for (int r = 0; r < 2000; r++) {
            long[] v = random.longs(15, 0, r % 2 == 0 ? 4 : 1000).toArray();
            long[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double p = random.nextDouble();
            double h = 14 * p;
            int lo = (int) Math.floor(h);
            double expected = sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, 14)] - sorted[lo]);
            assertThat(MovingPercentile.percentile(v, scratch, p)).isEqualTo(expected);
        }
        // R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9), 0.8) = 8.2
        long[] pi = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};
        assertThat(MovingPercentile.percentile(pi, scratch, 0.8)).isCloseTo(8.2, within(1e-12));
    }

    @Test
    void aFixedThresholdOfOneAlertsOnEverySingleCase() {
        var settings = DetectionSettings.of(DetectionMethod.THRESHOLD);
        var points =
                detection.detect(new DailySeries(START, new long[] {0, 1, 0, 3}), START, START.plusDays(4), settings);
        assertThat(points).extracting(DetectionPoint::alarm).containsExactly(false, true, false, true, false);
        assertThat(points).extracting(DetectionPoint::upperBound).containsOnly(1.0);
        var three = detection.detect(
                new DailySeries(START, new long[] {2, 3, 4}), START, START.plusDays(2), settings.withThreshold(3));
        assertThat(three).extracting(DetectionPoint::alarm).containsExactly(false, true, true);
    }

    @Test
    void settingsTheMethodsCannotUseAreRefusedWithAStableCode() {
        var c1 = DetectionSettings.of(DetectionMethod.C1);
        assertThat(c1.alpha()).isEqualTo(0.001);
        assertThat(c1.baseline()).isEqualTo(7);
        assertThat(DetectionSettings.of(DetectionMethod.MPM).percentile()).isEqualTo(0.8);
        for (double alpha : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> c1.withAlpha(alpha))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("alpha 必须在 0 与 1 之间")
                    .extracting(e -> ((Refusal) e).code())
                    .isEqualTo("warning.alpha_invalid");
        }
        assertThatThrownBy(() -> c1.withBaseline(2))
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("warning.baseline_invalid");
        assertThatThrownBy(() -> DetectionSettings.of(DetectionMethod.THRESHOLD).withThreshold(0))
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("warning.threshold_invalid");
        assertThatThrownBy(() -> Detection.method("C4"))
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("warning.method_invalid");
        assertThatThrownBy(() -> detection.detect(new DailySeries(START, new long[3]), START.plusDays(1), START, c1))
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("warning.range_invalid");
    }
}
