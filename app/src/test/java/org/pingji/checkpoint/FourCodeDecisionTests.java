package org.pingji.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.checkpoint.CheckResult.Reason;
import org.pingji.checkpoint.CheckResult.Traveller;
import org.pingji.checkpoint.Checkpoints.CheckRequest;
import org.pingji.checkpoint.FourCodeDecision.Known;
import org.pingji.policy.Exposure;
import org.pingji.status.HealthColor;
import org.pingji.status.ReasonCode;
import org.pingji.status.StatusView;

/** The four-code decision as rules over facts, without a database. */
class FourCodeDecisionTests {

    static final Instant NOW = Instant.parse("2022-04-10T04:00:00Z");

    static StatusView green(long personId) {
        return new StatusView(personId, HealthColor.GREEN, List.of(), "ED9-2022#1", NOW);
    }

    static StatusView red(long personId) {
        var reason = new StatusView.Reason(
                ReasonCode.CLOSE_CONTACT, "密切接触者", HealthColor.RED, "流调 #3", NOW.minusSeconds(3600), null, "");
        return new StatusView(personId, HealthColor.RED, List.of(reason), "ED9-2022#1", NOW);
    }

    static Known known(StatusView status, Exposure exposure, String origin, Instant negative) {
        return new Known(status.personId(), "张三", status, exposure, null, origin, negative);
    }

    static Traveller decide(FourCodeDecision.Facts facts) {
        return FourCodeDecision.decide(1, facts, 48, NOW);
    }

    @Test
    void aGreenTravellerFromTheProvinceWithoutRiskPasses() {
        Traveller t = decide(known(green(7), Exposure.ELSEWHERE, "140105", null));
        assertThat(t.decision()).isEqualTo(Decision.PASS);
        assertThat(t.personId()).isEqualTo(7L);
        assertThat(t.name()).isEqualTo("张三");
        assertThat(t.status()).isEqualTo("GREEN");
        assertThat(t.reasons()).isEmpty();
    }

    @Test
    void aRedStatusIsAClosedLoopTransferWithTheStatusReasons() {
        Traveller t = decide(known(red(7), Exposure.ELSEWHERE, null, null));
        assertThat(t.decision()).isEqualTo(Decision.TRANSFER);
        assertThat(t.reasons()).containsExactly(new Reason("CLOSE_CONTACT", "密切接触者", "流调 #3"));
    }

    @Test
    void highRiskTravelIsATransferMediumRiskTheSpecialLane() {
        assertThat(decide(known(green(7), Exposure.HIGH_RISK_AREA, "140105", null))
                        .decision())
                .isEqualTo(Decision.TRANSFER);
        assertThat(decide(known(green(7), Exposure.MEDIUM_RISK_AREA, "140105", null))
                        .decision())
                .isEqualTo(Decision.SPECIAL_LANE);
        assertThat(decide(known(green(7), Exposure.RISK_COUNTY, "140105", null)).decision())
                .isEqualTo(Decision.PASS);
    }

    @Test
    void outOfProvinceTravellersNeedANegativeTestWithinTheEditionsHours() {
        Traveller none = decide(known(green(7), Exposure.ELSEWHERE, "610102", null));
        assertThat(none.decision()).isEqualTo(Decision.FAST_TEST);
        assertThat(none.reasons()).containsExactly(new Reason("NO_VALID_TEST", "省外来人，无48小时内核酸阴性证明", "无阴性记录"));
        Instant old = NOW.minusSeconds(49 * 3600);
        assertThat(decide(known(green(7), Exposure.ELSEWHERE, "610102", old)).reasons())
                .containsExactly(new Reason("NO_VALID_TEST", "省外来人，无48小时内核酸阴性证明", "最近阴性 " + old));
        assertThat(decide(known(green(7), Exposure.ELSEWHERE, "610102", NOW.minusSeconds(47 * 3600)))
                        .decision())
                .isEqualTo(Decision.PASS);
        assertThat(decide(known(red(7), Exposure.ELSEWHERE, "610102", null)).decision())
                .as("the worst decision wins")
                .isEqualTo(Decision.TRANSFER);
    }

    @Test
    void aTripRecordedAtTheDeskGivesItsReason() {
        Reason trip = FourCodeDecision.tripReason(12, Exposure.MEDIUM_RISK_AREA, "小店区某小区");
        assertThat(trip).isEqualTo(new Reason("TRIP_MEDIUM_RISK_AREA", "来自中风险区", "来返报备 #12：小店区某小区"));
        assertThat(FourCodeDecision.tripReason(12, Exposure.ELSEWHERE, "")).isNull();
        Traveller t = decide(new Known(7, "张三", green(7), Exposure.MEDIUM_RISK_AREA, trip, "140105", null));
        assertThat(t.reasons()).containsExactly(trip);
        assertThat(t.decision()).isEqualTo(Decision.SPECIAL_LANE);
    }

    @Test
    void recentArrivalsGiveTheWorstExposureAndTheNewestOrigin() {
        var travel = FourCodeDecision.travel(
                List.of(Exposure.ELSEWHERE, Exposure.MEDIUM_RISK_AREA, Exposure.RISK_COUNTY),
                List.of("610102", "140105", "140106"));
        assertThat(travel).isEqualTo(new FourCodeDecision.Travel(Exposure.MEDIUM_RISK_AREA, "610102"));
        assertThat(FourCodeDecision.travel(List.of(), List.of()))
                .isEqualTo(new FourCodeDecision.Travel(Exposure.ELSEWHERE, null));
    }

    @Test
    void entriesThatNameNoKnownPersonGoToTheSpecialLaneOrByTheirCodesColour() {
        assertThat(decide(new FourCodeDecision.InvalidCode("签名无效")))
                .isEqualTo(new Traveller(
                        1,
                        null,
                        "",
                        null,
                        Decision.SPECIAL_LANE,
                        List.of(new Reason("INVALID_CODE", "健康码无效", "签名无效"))));
        assertThat(decide(new FourCodeDecision.UnknownHolder(HealthColor.RED, "ps1"))
                        .decision())
                .isEqualTo(Decision.TRANSFER);
        assertThat(decide(new FourCodeDecision.UnknownHolder(HealthColor.YELLOW, "ps1"))
                        .decision())
                .isEqualTo(Decision.SPECIAL_LANE);
        Traveller unknownGreen = decide(new FourCodeDecision.UnknownHolder(HealthColor.GREEN, "ps1"));
        assertThat(unknownGreen.decision()).isEqualTo(Decision.PASS);
        assertThat(unknownGreen.status()).isEqualTo("GREEN");
        assertThat(unknownGreen.reasons()).containsExactly(new Reason("UNKNOWN_PERSON", "健康码有效但无对应人员", "ps1"));
        assertThat(decide(new FourCodeDecision.Unreadable("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                        .reasons())
                .containsExactly(new Reason("UNREADABLE", "无法识别的码或证件号", "ABCDEFGHIJKLMNOPQRSTUVWX…"));
        assertThat(decide(new FourCodeDecision.Unregistered()).reasons())
                .containsExactly(new Reason("UNREGISTERED", "未在本县登记", "请引导来返报备并登记"));
    }

    @Test
    void theVehicleTakesItsWorstTravellerAndFlagsUnregisteredSelfDriveCompanions() {
        Traveller pass = decide(known(green(1), Exposure.ELSEWHERE, null, null));
        Traveller test = decide(known(green(2), Exposure.ELSEWHERE, "610102", null));
        var vehicle = FourCodeDecision.vehicle(List.of(pass, test), true, 2);
        assertThat(vehicle.decision()).isEqualTo(Decision.FAST_TEST);
        assertThat(vehicle.reasons()).isEmpty();
        var missing = FourCodeDecision.vehicle(List.of(pass), true, 3);
        assertThat(missing.decision()).isEqualTo(Decision.SPECIAL_LANE);
        assertThat(missing.reasons())
                .containsExactly(new Reason("COMPANIONS_UNREGISTERED", "自驾同行人员未全部登记", "车上3人，登记1人"));
        assertThat(FourCodeDecision.vehicle(List.of(pass), false, 3).decision())
                .as("a bus's passengers are not companions to register")
                .isEqualTo(Decision.PASS);
    }

    @Test
    void aRequestNeedsACheckIdAndOneToSixtyEntries() {
        CheckRequest ok = new CheckRequest("c-1", List.of(" 1410 ", "", "PJ1.x"), "晋A12345", true, 2, null, null);
        assertThat(CheckRequests.entries(ok)).containsExactly("1410", "PJ1.x");
        assertThatThrownBy(
                        () -> CheckRequests.entries(new CheckRequest(" ", List.of("a"), null, false, null, null, null)))
                .hasMessage("checkId: 须为1到64个字符的唯一编号");
        assertThatThrownBy(
                        () -> CheckRequests.entries(new CheckRequest("c", List.of(" "), null, false, null, null, null)))
                .hasMessage("codes: 至少扫描一名人员的健康码或证件号");
        List<String> many =
                java.util.stream.IntStream.range(0, 61).mapToObj(i -> "e" + i).toList();
        assertThatThrownBy(() -> CheckRequests.entries(new CheckRequest("c", many, null, false, null, null, null)))
                .hasMessage("codes: 一辆车最多60人");
        assertThatThrownBy(() -> CheckRequests.entries(new CheckRequest("c", List.of("a"), null, false, 0, null, null)))
                .hasMessage("passengers: 须在1到60之间");
        assertThat(CheckRequests.transport(ok)).isEqualTo("自驾 晋A12345");
        assertThat(CheckRequests.hash(1, List.of("a"), ok))
                .isEqualTo(CheckRequests.hash(1, List.of("a"), ok))
                .isNotEqualTo(CheckRequests.hash(2, List.of("a"), ok));
    }
}
