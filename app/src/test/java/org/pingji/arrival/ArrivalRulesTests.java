package org.pingji.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.NewArrival;
import org.pingji.policy.Exposure;
import org.pingji.policy.Measures;
import org.pingji.policy.QuarantineKind;
import org.pingji.risk.RiskAreas.Window;
import org.pingji.risk.RiskLevel;

/** The arrival rules without a database: validation, risk matching and measures. */
class ArrivalRulesTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    final Instant now = beijing("2022-04-10T12:00");

    NewArrival trip(Instant departed, Instant arrived, String transport) {
        return new NewArrival(1, "太原市小店区", "", departed, arrived, transport);
    }

    @Test
    void aReportNeedsBothTimesInOrderWithinSixtyDaysAndATransport() {
        Instant arrived = now.minusSeconds(3600);
        ArrivalMeasures.validate(trip(arrived.minusSeconds(7200), arrived, "自驾"), now);
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(null, arrived, "自驾"), now))
                .hasMessage("departedAt, arrivedAt: 出发和到达时间都必须填写");
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(now, now.plusSeconds(3600), "自驾"), now))
                .hasMessage("arrivedAt: 到达时间不能晚于现在");
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(arrived, arrived.minusSeconds(60), "自驾"), now))
                .hasMessage("arrivedAt: 到达时间不能早于出发时间");
        Instant old = beijing("2022-02-01T12:00");
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(old.minusSeconds(60), old, "自驾"), now))
                .hasMessage("arrivedAt: 到达已超过60天，无需报备");
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(beijing("2022-03-01T12:00"), arrived, "自驾"), now))
                .hasMessage("departedAt: 行程超过30天，请分段报备");
        assertThatThrownBy(() -> ArrivalMeasures.validate(trip(arrived.minusSeconds(60), arrived, " "), now))
                .hasMessage("transport: 交通方式必须填写");
    }

    @Test
    void quarantineTestsAndMonitoringFollowTheEditionFromTheStartDay() {
        Instant start = beijing("2022-04-10T15:30");
        List<Measure> m = ArrivalMeasures.measures(
                new Measures(Exposure.HIGH_RISK_AREA, QuarantineKind.CENTRAL, 7, List.of(1, 3, 7), 7), start);
        assertThat(m)
                .extracting(Measure::kind, Measure::day)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CENTRAL_QUARANTINE", 0),
                        org.assertj.core.groups.Tuple.tuple("TEST", 1),
                        org.assertj.core.groups.Tuple.tuple("TEST", 3),
                        org.assertj.core.groups.Tuple.tuple("TEST", 7),
                        org.assertj.core.groups.Tuple.tuple("MONITORING", 8));
        assertThat(m.get(0).due()).isEqualTo(beijing("2022-04-10T17:30"));
        assertThat(m.get(0).until()).isEqualTo(beijing("2022-04-17T15:30"));
        // day 1 is the start day: its test is due before midnight Beijing time
        assertThat(m.get(1).due()).isEqualTo(beijing("2022-04-10T23:59:59"));
        assertThat(m.get(3).due()).isEqualTo(beijing("2022-04-16T23:59:59"));
        assertThat(m.get(4).due()).isEqualTo(beijing("2022-04-17T15:30"));
        assertThat(m.get(4).until()).isEqualTo(beijing("2022-04-24T15:30"));
        assertThat(ArrivalMeasures.measures(
                        new Measures(Exposure.ELSEWHERE, QuarantineKind.NONE, 0, List.of(), 0), start))
                .isEmpty();
    }

    @Test
    void anAreaListedAfterTheTripCountsAndMeasuresStartWhenItWasListed() {
        Instant departed = beijing("2022-04-05T08:00");
        Instant arrived = beijing("2022-04-05T12:00");
        Instant listed = beijing("2022-04-07T00:00");
        Window high = new Window("140105", RiskLevel.HIGH, listed, null, "小店区某小区");
        Window medium = new Window("1401", RiskLevel.MEDIUM, beijing("2022-04-01T00:00"), null, "太原市");
        RiskMatcher matcher = new RiskMatcher(List.of(high, medium));

        RiskMatcher.Match match = matcher.classify("140105001", departed, arrived, 7);
        assertThat(match.exposure()).isEqualTo(Exposure.HIGH_RISK_AREA);
        assertThat(match.window()).isEqualTo(high);
        assertThat(ArrivalMeasures.start(arrived, match)).isEqualTo(listed);

        assertThat(matcher.classify("140105001", departed, arrived, 1).exposure())
                .as("listed more than the travel-history days after leaving: only the medium area counts")
                .isEqualTo(Exposure.MEDIUM_RISK_AREA);
        assertThat(matcher.classify("1402", departed, arrived, 7).exposure()).isEqualTo(Exposure.ELSEWHERE);
    }

    @Test
    void aCountyWithARiskAreaElsewhereMakesARiskCountyArrival() {
        Instant arrived = beijing("2022-04-05T12:00");
        Window area = new Window("140105001", RiskLevel.MEDIUM, beijing("2022-04-01T00:00"), null, "某街道");
        RiskMatcher.Match match =
                new RiskMatcher(List.of(area)).classify("140105002", arrived.minusSeconds(3600), arrived, 7);
        assertThat(match.exposure()).isEqualTo(Exposure.RISK_COUNTY);
        assertThat(match.window()).isNull();
        assertThat(ArrivalMeasures.start(arrived, match)).isEqualTo(arrived);
    }
}
