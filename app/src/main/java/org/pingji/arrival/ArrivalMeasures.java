package org.pingji.arrival;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.NewArrival;
import org.pingji.policy.Measures;
import org.pingji.policy.QuarantineKind;

/**
 * The rules of an arrival that need no database: what a report must hold, when its measures start
 * and which measures (with due times in the county's zone) an exposure's policy requires.
 */
final class ArrivalMeasures {

    /** Arrivals older than this are neither reported nor judged. */
    static final Duration LOOKBACK = Duration.ofDays(60);

    private ArrivalMeasures() {}

    /** Refuses a report that cannot be judged, with the field and a Chinese reason. */
    static void validate(NewArrival a, Instant now) {
        if (a.departedAt() == null || a.arrivedAt() == null) {
            throw new IllegalArgumentException("departedAt, arrivedAt: 出发和到达时间都必须填写");
        }
        if (a.arrivedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new IllegalArgumentException("arrivedAt: 到达时间不能晚于现在");
        }
        if (a.arrivedAt().isBefore(a.departedAt())) {
            throw new IllegalArgumentException("arrivedAt: 到达时间不能早于出发时间");
        }
        if (a.arrivedAt().isBefore(now.minus(LOOKBACK))) {
            throw new IllegalArgumentException("arrivedAt: 到达已超过60天，无需报备");
        }
        if (Duration.between(a.departedAt(), a.arrivedAt()).toDays() > 30) {
            throw new IllegalArgumentException("departedAt: 行程超过30天，请分段报备");
        }
        if (a.transport() == null || a.transport().isBlank()) {
            throw new IllegalArgumentException("transport: 交通方式必须填写");
        }
    }

    /** Measures start at arrival, or when the area was listed if that came later. */
    static Instant start(Instant arrived, RiskMatcher.Match match) {
        return match.window() != null && match.window().from().isAfter(arrived)
                ? match.window().from()
                : arrived;
    }

    /** The measures of an exposure from a start: quarantine, tests on their days, monitoring. */
    static List<Measure> measures(Measures m, Instant start) {
        List<Measure> out = new ArrayList<>();
        LocalDate day1 = start.atZone(Arrivals.BEIJING).toLocalDate();
        if (m.quarantine() != QuarantineKind.NONE) {
            out.add(new Measure(
                    m.quarantine() == QuarantineKind.CENTRAL ? "CENTRAL_QUARANTINE" : "HOME_QUARANTINE",
                    0,
                    start.plus(Duration.ofHours(2)),
                    start.plus(Duration.ofDays(m.quarantineDays()))));
        }
        for (int d : m.testDays()) {
            Instant due =
                    day1.plusDays(d).atStartOfDay(Arrivals.BEIJING).toInstant().minusSeconds(1);
            out.add(new Measure("TEST", d, due, null));
        }
        if (m.monitoringDays() > 0) {
            Instant from = start.plus(Duration.ofDays(m.quarantineDays()));
            out.add(new Measure(
                    "MONITORING", m.quarantineDays() + 1, from, from.plus(Duration.ofDays(m.monitoringDays()))));
        }
        return out;
    }
}
