package org.pingji.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.person.PersonDirectory;
import org.pingji.status.HealthColor;
import org.pingji.status.HealthStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The screening issue's "done when", on the demo county, through the API as the desk uses it. */
@PingjiTest
class ScreeningScenarioTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PersonDirectory persons;

    @Autowired
    HealthStatus status;

    @Autowired
    GridManagement grid;

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    long person(String microGrid) {
        return persons.firstIn(microGrid).orElseThrow().id();
    }

    static String asOfNow() {
        LocalDateTime t = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.HOURS);
        return "截至%d年%d月%d日%d时".formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
    }

    String arrival(long personId, String origin, Instant departed, Instant arrived) {
        return """
                {"personId":%d,"origin":"%s","departedAt":"%s","arrivedAt":"%s","transport":"自驾"}"""
                .formatted(personId, origin, departed, arrived);
    }

    @Test
    void applyingANoticeThatListsADemoVillageTurnsItsTravellersRedWithTheReason() throws Exception {
        long traveller = person("1410291000010201");
        long stayedHome = person("1410291000010202");
        Instant now = Instant.now();
        var reported = post(
                "village1",
                "/api/arrivals",
                arrival(traveller, "山西省临汾市乡宁县昌宁镇幸福湾社区", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
        assertThat(reported).hasStatus(201);
        assertThat((String) JsonPath.read(body(reported), "$.exposure")).isEqualTo("ELSEWHERE");
        assertThat(status.statusOf(traveller, Instant.now()).status()).isEqualTo(HealthColor.GREEN);

        String notice = asOfNow() + "：\n低风险区调整为高风险区1个：山西省临汾市乡宁县昌宁镇幸福湾社区。";
        var preview = mvc.post()
                .uri("/api/risk/notices")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .content(notice)
                .exchange();
        assertThat(preview).hasStatus(201);
        assertThat((List<?>) JsonPath.read(body(preview), "$.problems")).isEmpty();
        assertThat((String) JsonPath.read(body(preview), "$.adjustments[0].areas[0].resolvedCode"))
                .isEqualTo("141029100002");
        int id = JsonPath.read(body(preview), "$.id");
        assertThat(post("commander", "/api/risk/notices/" + id + "/apply", "")).hasStatusOk();
        assertThat(post("commander", "/api/risk/notices/" + id + "/apply", "")).hasStatus(409);

        awaitColour(traveller, HealthColor.RED);
        assertThat(mvc.get().uri("/api/status/" + traveller).header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("RED");
                    assertThat(json).extractingPath("$.reasons[0].code").isEqualTo("HIGH_RISK_ARRIVAL");
                    assertThat(json)
                            .extractingPath("$.reasons[0].source")
                            .asString()
                            .contains("幸福湾社区");
                });
        assertThat(status.statusOf(stayedHome, Instant.now()).status()).isEqualTo(HealthColor.GREEN);
        // the grid worker now has the high-risk measures as tasks
        assertThat(mvc.get().uri("/api/arrivals/tasks").header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyText()
                .contains("CENTRAL_QUARANTINE");
        // the areas in force answer for any time
        String at = LocalDateTime.now(BEIJING)
                .plusMinutes(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        assertThat(mvc.get()
                        .uri("/api/risk/areas?level=HIGH&at=" + at)
                        .header(HttpHeaders.AUTHORIZATION, basic("duty1")))
                .hasStatusOk()
                .bodyText()
                .contains("141029100002");
        assertThat(mvc.get()
                        .uri("/api/risk/areas?level=HIGH&at=2022-04-12T16:00")
                        .header(HttpHeaders.AUTHORIZATION, basic("duty1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("141029100002");
    }

    void awaitColour(long personId, HealthColor colour) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (status.statusOf(personId, Instant.now()).status() != colour && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(status.statusOf(personId, Instant.now()).status()).isEqualTo(colour);
    }

    long checkpoint() {
        var r = mvc.get()
                .uri("/api/checkpoints")
                .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1"))
                .exchange();
        assertThat(r).hasStatusOk();
        List<Integer> ids = JsonPath.read(body(r), "$[*].id");
        assertThat(ids).isNotEmpty();
        return ids.getFirst();
    }

    String token(long personId) {
        var r = mvc.get()
                .uri("/api/status/" + personId + "/code")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        return JsonPath.read(body(r), "$.token");
    }

    MvcTestResult check(
            long checkpoint, String checkId, List<String> codes, String origin, boolean selfDrive, int passengers) {
        String codesJson =
                String.join(",", codes.stream().map(c -> "\"" + c + "\"").toList());
        String originJson = origin == null ? "null" : "\"" + origin + "\"";
        return post(
                "checkpoint1",
                "/api/checkpoints/" + checkpoint + "/checks",
                """
                {"checkId":"%s","codes":[%s],"plate":"晋L12345","selfDrive":%s,"passengers":%d,"origin":%s}"""
                        .formatted(checkId, codesJson, selfDrive, passengers, originJson));
    }

    @Test
    void theDeskDecidesForTheScriptedTravellersAndARedTransferIsClosedByTwoReceipts() {
        long cp = checkpoint();
        assertThat(post("commander", "/api/risk/areas", "{\"address\":\"北京市朝阳区望京街道阜通东大街\",\"level\":\"MEDIUM\"}"))
                .hasStatus(201);
        assertThat(post("commander", "/api/risk/areas", "{\"address\":\"天津市西青区西营门街东升里\",\"level\":\"HIGH\"}"))
                .hasStatus(201);

        // local, green, no trip: PASS
        long local = person("1410291000010301");
        var pass = check(cp, UUID.randomUUID().toString(), List.of(token(local)), null, false, 1);
        assertThat(pass).hasStatusOk();
        assertThat((String) JsonPath.read(body(pass), "$.decision")).isEqualTo("PASS");

        // from a medium-risk area: special lane
        long medium = person("1410291000010302");
        var special = check(cp, UUID.randomUUID().toString(), List.of(token(medium)), "北京市朝阳区望京街道阜通东大街", true, 1);
        assertThat(special).hasStatusOk();
        assertThat((String) JsonPath.read(body(special), "$.decision")).isEqualTo("SPECIAL_LANE");
        assertThat(body(special)).contains("TRIP_MEDIUM_RISK_AREA", "NO_VALID_TEST");

        // from a high-risk area: point-to-point transfer
        long high = person("1410291000010303");
        var transfer = check(cp, UUID.randomUUID().toString(), List.of(token(high)), "天津市西青区西营门街东升里", true, 1);
        assertThat(transfer).hasStatusOk();
        assertThat((String) JsonPath.read(body(transfer), "$.decision")).isEqualTo("TRANSFER");
        List<Integer> transfers = JsonPath.read(body(transfer), "$.transfers");
        assertThat(transfers).hasSize(1);

        // out of province without a valid test: fast test
        long outside = person("1410291000020101");
        var fast = check(cp, UUID.randomUUID().toString(), List.of(token(outside)), "河北省石家庄市长安区", true, 1);
        assertThat(fast).hasStatusOk();
        assertThat((String) JsonPath.read(body(fast), "$.decision")).isEqualTo("FAST_TEST");

        // self-drive with an unregistered companion: special lane for the vehicle
        var companions = check(cp, UUID.randomUUID().toString(), List.of(token(local)), null, true, 3);
        assertThat((String) JsonPath.read(body(companions), "$.decision")).isEqualTo("SPECIAL_LANE");
        assertThat(body(companions)).contains("COMPANIONS_UNREGISTERED");

        // the red traveller's transfer: open for the command, closed by two receipts
        long transferId = transfers.getFirst();
        assertThat(mvc.get().uri("/api/transfers").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyText()
                .contains("\"id\":" + transferId);
        assertThat(post(
                        "checkpoint1",
                        "/api/transfers/" + transferId + "/receipts",
                        "{\"end\":\"ORIGIN\",\"counterpart\":\"王司机\"}"))
                .hasStatus(409);
        long site = grid.sitesIn("141029", PlaceKind.QUARANTINE_SITE).getFirst().id();
        assertThat(mvc.put()
                        .uri("/api/transfers/" + transferId)
                        .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"destinationKind\":\"QUARANTINE_SITE\",\"destinationId\":%d,\"vehicle\":\"晋L-转运01\",\"escort\":\"李医生\"}"
                                        .formatted(site)))
                .hasStatusOk();
        assertThat(post(
                        "checkpoint1",
                        "/api/transfers/" + transferId + "/receipts",
                        "{\"end\":\"ORIGIN\",\"counterpart\":\"李医生\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("IN_TRANSIT");
        assertThat(post(
                        "quarantine1",
                        "/api/transfers/" + transferId + "/receipts",
                        "{\"end\":\"DESTINATION\",\"counterpart\":\"李医生\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.state").isEqualTo("CLOSED");
                    assertThat(json).extractingPath("$.departure.staff").isEqualTo("checkpoint1");
                    assertThat(json).extractingPath("$.arrival.staff").isEqualTo("quarantine1");
                });
        assertThat(mvc.get().uri("/api/transfers").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("\"id\":" + transferId + ",");

        // every passage is counted for the day
        assertThat(mvc.get()
                        .uri("/api/checkpoints/" + cp + "/counts")
                        .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> assertThat(json)
                        .extractingPath("$.byDecision.TRANSFER")
                        .asNumber()
                        .satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(1)));
    }

    @Test
    void aReplayedCheckAnswersTheSameAndRecordsNothingNew() {
        long cp = checkpoint();
        long local = person("1410291000010102");
        String checkId = UUID.randomUUID().toString();
        String token = token(local);
        var first = check(cp, checkId, List.of(token), null, false, 1);
        var again = check(cp, checkId, List.of(token), null, false, 1);
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(check(cp, checkId, List.of(token), null, true, 2)).hasStatus(409);
        assertThat(post("checkpoint1", "/api/checkpoints/999999999/checks", "{\"checkId\":\"x\",\"codes\":[\"a\"]}"))
                .hasStatus(404);
        assertThat(post("village1", "/api/checkpoints/" + cp + "/checks", "{\"checkId\":\"y\",\"codes\":[\"a\"]}"))
                .hasStatus(403);
        // a tampered code at the desk is refused with the reason
        String tampered = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        var refused = check(cp, UUID.randomUUID().toString(), List.of(tampered), null, false, 1);
        assertThat((String) JsonPath.read(body(refused), "$.decision")).isEqualTo("SPECIAL_LANE");
        assertThat(body(refused)).contains("INVALID_CODE");
    }

    @Test
    void switchingThePolicyEditionChangesTheMeasuresOfNewArrivals() {
        assertThat(post("commander", "/api/risk/areas", "{\"address\":\"山东省淄博市周村区北部镇大埠村\",\"level\":\"HIGH\"}"))
                .hasStatus(201);
        Instant now = Instant.now();
        var ninth = post(
                "village1",
                "/api/arrivals",
                arrival(
                        person("1410291000010203"),
                        "山东省淄博市周村区北部镇大埠村",
                        now.minus(Duration.ofHours(8)),
                        now.minus(Duration.ofHours(1))));
        assertThat(ninth).hasStatus(201);
        assertThat((String) JsonPath.read(body(ninth), "$.policyEdition")).startsWith("ED9-2022#");
        // measures come in order of their due time: after 22:00 Beijing time the day-1 test is
        // due (at midnight) before the quarantine (two hours after arrival), so find it by kind
        List<String> kinds9 = JsonPath.read(body(ninth), "$.measures[*].kind");
        assertThat(kinds9).containsOnlyOnce("CENTRAL_QUARANTINE");
        assertThat(body(ninth)).doesNotContain("MONITORING");

        assertThat(post("admin", "/api/policy/schedule", "{\"code\":\"ED8-2022SPRING\",\"reason\":\"本地疫情，执行加严方案\"}"))
                .hasStatusOk();
        try {
            var eighth = post(
                    "village1",
                    "/api/arrivals",
                    arrival(
                            person("1410291000010301"),
                            "山东省淄博市周村区北部镇大埠村",
                            now.minus(Duration.ofHours(8)),
                            Instant.now().plusMillis(5)));
            assertThat(eighth).hasStatus(201);
            assertThat((String) JsonPath.read(body(eighth), "$.policyEdition")).startsWith("ED8-2022SPRING#");
            assertThat(body(eighth)).contains("MONITORING");
            List<Integer> tests9 = JsonPath.read(body(ninth), "$.measures[?(@.kind=='TEST')].day");
            List<Integer> tests8 = JsonPath.read(body(eighth), "$.measures[?(@.kind=='TEST')].day");
            assertThat(tests9).containsExactly(1, 2, 3, 5, 7);
            assertThat(tests8).containsExactly(1, 4, 7, 14);
        } finally {
            assertThat(post("admin", "/api/policy/schedule", "{\"code\":\"ED9-2022\",\"reason\":\"疫情平稳，恢复第九版\"}"))
                    .hasStatusOk();
        }
    }

    @Test
    void badArrivalsAreRefusedWithTheField() {
        long p = person("1410291000010101");
        Instant now = Instant.now();
        assertThat(post(
                        "village1",
                        "/api/arrivals",
                        arrival(p, "北京市朝阳区", now.minusSeconds(3600), now.plus(Duration.ofDays(1)))))
                .hasStatus(400)
                .bodyText()
                .contains("arrivedAt", "不能晚于现在");
        assertThat(post(
                        "village1",
                        "/api/arrivals",
                        arrival(p, "北京市朝阳区", now.minusSeconds(60), now.minusSeconds(3600))))
                .hasStatus(400)
                .bodyText()
                .contains("不能早于出发时间");
        assertThat(post("village1", "/api/arrivals", arrival(p, "火星省", now.minusSeconds(7200), now.minusSeconds(3600))))
                .hasStatus(400)
                .bodyText()
                .contains("无法识别出发地");
        assertThat(post(
                        "village1",
                        "/api/arrivals",
                        arrival(999_999_999L, "北京市朝阳区", now.minusSeconds(7200), now.minusSeconds(3600))))
                .hasStatus(404);
    }
}
