package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.platform.Refusal;

/** Backtesting on a synthetic series whose outcome is known by hand, without the database. */
class BacktestTests {

    static final LocalDate START = LocalDate.of(2023, 1, 1);

    final Backtest backtest = new Backtest(null, new Detection());

    /** 60 days alternating 4, 6, so C1's reference has mean 5 and sd ≈ 1.07 (bound ≈ 8.3). */
    static DailySeries calm() {
        long[] x = new long[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? 4 : 6;
        }
        return new DailySeries(START, x);
    }

    @Test
    void aLargeOutbreakIsDetectedOnItsFirstDayAndNoQuietDayAlarms() {
        LocalDate from = START.plusDays(10);
        LocalDate to = START.plusDays(59);
        var outbreaks = List.of(
                new Backtest.Outbreak(START.plusDays(30), 4, 10), new Backtest.Outbreak(START.plusDays(50), 2, 1));
        var rows = backtest.evaluate(
                calm(),
                from,
                to,
                outbreaks,
                List.of(
                        DetectionSettings.of(DetectionMethod.C1),
                        DetectionSettings.of(DetectionMethod.THRESHOLD).withThreshold(15)));
        Backtest.Row c1 = rows.getFirst();
        assertThat(c1.days()).isEqualTo(50);
        assertThat(c1.outbreakDays()).isEqualTo(6);
        assertThat(c1.quietDays()).isEqualTo(44);
        // +10 on a 4/6 base with bound ≈ 8.3 alarms at once; the reference then contains the outbreak
        // and the later days fall under it; +1 (5 or 7) never exceeds 8.3
        assertThat(c1.detected()).isEqualTo(1);
        assertThat(c1.sensitivity()).isEqualTo(0.5);
        assertThat(c1.daysToDetection()).containsExactly(0, null);
        assertThat(c1.meanDaysToDetection()).isEqualTo(0.0);
        // after the outbreak the inflated reference hides every quiet day: no false alarm
        assertThat(c1.falseAlarms()).isZero();
        assertThat(c1.falseAlarmRate()).isZero();
        Backtest.Row threshold = rows.get(1);
        // 4 + 10 = 14 < 15 on even days, 6 + 10 = 16 on odd days: days 31 and 33 of the outbreak
        assertThat(threshold.alarmedOutbreakDays()).isEqualTo(2);
        assertThat(threshold.daySensitivity()).isEqualTo(2.0 / 6);
        assertThat(threshold.daysToDetection()).containsExactly(1, null);
        assertThat(threshold.falseAlarms()).isZero();
    }

    @Test
    void falseAlarmsAreCountedOnQuietDaysOnly() {
        var rows = backtest.evaluate(
                calm(),
                START,
                START.plusDays(59),
                List.of(new Backtest.Outbreak(START.plusDays(20), 1, 0)),
                List.of(DetectionSettings.of(DetectionMethod.THRESHOLD).withThreshold(6)));
        Backtest.Row r = rows.getFirst();
        // 30 of the 60 days count 6; day 20 is even (count 4) and is the outbreak day
        assertThat(r.quietDays()).isEqualTo(59);
        assertThat(r.falseAlarms()).isEqualTo(30);
        assertThat(r.falseAlarmRate()).isEqualTo(30.0 / 59);
        assertThat(r.detected()).isZero();
    }

    @Test
    void anOutbreakOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> backtest.evaluate(
                        calm(),
                        START.plusDays(10),
                        START.plusDays(20),
                        List.of(new Backtest.Outbreak(START.plusDays(19), 5, 3)),
                        List.of(DetectionSettings.of(DetectionMethod.C1))))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code())
                .isEqualTo("warning.range_invalid");
    }
}
