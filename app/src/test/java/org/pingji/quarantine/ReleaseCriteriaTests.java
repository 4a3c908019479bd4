package org.pingji.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The release criteria of a placement, without the database. */
class ReleaseCriteriaTests {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant END = START.plus(7, ChronoUnit.DAYS);

    static List<String> unmet(Instant now, List<Views.TestView> tests) {
        return ReleaseCriteria.unmet(now, START, END, List.of(1, 4, 7, 9), tests, Instant::toString);
    }

    static Views.TestView test(int day, String result) {
        return new Views.TestView(day, result, START.plus(day, ChronoUnit.DAYS));
    }

    @Test
    void aServedPeriodWithNegativeTestsOnEveryTestDayIsReleased() {
        var tests = List.of(test(1, "NEGATIVE"), test(4, "NEGATIVE"), test(7, "NEGATIVE"));
        // day 9 lies after the planned end of a 7-day period and is not asked for
        assertThat(unmet(END, tests)).isEmpty();
    }

    @Test
    void everyUnmetCriterionIsNamedInOrder() {
        var tests = List.of(test(1, "NEGATIVE"), test(4, "POSITIVE"), test(5, "POSITIVE"));
        assertThat(unmet(END.minusSeconds(1), tests))
                .containsExactly("隔离期未满：计划解除时间 2026-12-08T00:00:00Z", "第4天核酸检测结果为阳性", "第7天核酸检测结果未录入", "第5天核酸检测结果为阳性");
    }
}
