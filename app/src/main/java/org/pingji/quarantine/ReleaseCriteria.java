package org.pingji.quarantine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The release criteria of a placement, without the database: the planned end has passed, every
 * test day inside the period has a negative result, and no other test was positive.
 */
final class ReleaseCriteria {

    private ReleaseCriteria() {}

    /** The unmet criteria in Chinese, in order; empty when the placement may be released. */
    static List<String> unmet(
            Instant now,
            Instant start,
            Instant plannedEnd,
            List<Integer> testDays,
            List<Views.TestView> tests,
            Function<Instant, String> local) {
        List<String> unmet = new ArrayList<>();
        if (now.isBefore(plannedEnd)) {
            unmet.add("隔离期未满：计划解除时间 %s".formatted(local.apply(plannedEnd)));
        }
        int days = (int) ChronoUnit.DAYS.between(start, plannedEnd);
        for (int day : testDays) {
            if (day > days) {
                continue;
            }
            var test = tests.stream().filter(t -> t.day() == day).findFirst();
            if (test.isEmpty()) {
                unmet.add("第%d天核酸检测结果未录入".formatted(day));
            } else if (!test.get().result().equals("NEGATIVE")) {
                unmet.add("第%d天核酸检测结果为阳性".formatted(day));
            }
        }
        tests.stream()
                .filter(t -> t.result().equals("POSITIVE") && !testDays.contains(t.day()))
                .forEach(t -> unmet.add("第%d天核酸检测结果为阳性".formatted(t.day())));
        return unmet;
    }
}
