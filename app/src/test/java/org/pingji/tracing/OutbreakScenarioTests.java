package org.pingji.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.quarantine.QuarantineManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The scripted scenario on the demo county: positive pool → positive single retest →
 * case → contacts listed by hand and from venue check-ins → placements with rooms → twice-daily
 * checks with one missed (escalated to the grid worker after 2 h and the township after 6 h)
 * and one fever → release refused, then granted once the criteria are met; an early release by
 * a two-person override.
 */
@PingjiTest
class OutbreakScenarioTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuarantineManagement quarantine;

    @Test
    void fromAPositiveRetestToReleasedContacts() throws Exception {
        var http = new TracingFixtures(mvc);

        // 1. Positive pool, positive single retest (testing API).
        String village = "141029100003";
        long round = http.id(
                http.post(
                        "commander",
                        "/api/testing/rounds",
                        """
                        {"name":"流调场景","regionCodes":["%s"],"poolSize":10,"deadline":"%s","drill":false}"""
                                .formatted(village, Instant.now().plus(1, ChronoUnit.DAYS))),
                "$.id");
        List<Number> tables =
                JsonPath.read(body(http.get("sampler1", "/api/testing/tables?round=" + round)), "$[*].id");
        long table = tables.getFirst().longValue();
        List<Long> pool = http.persons(village, 10);
        String tube = "R%dTR001".formatted(round);
        Instant sampled = Instant.now().minusSeconds(600);
        StringBuilder scans = new StringBuilder("[");
        for (long p : pool) {
            scans.append(scans.length() > 1 ? "," : "").append(scan(round, table, tube, p, sampled));
        }
        assertThat(body(http.post("sampler1", "/api/testing/scans", scans + "]")))
                .doesNotContain("REJECTED");
        http.post("sampler1", "/api/testing/tubes/" + tube + "/seal", "");
        assertThat(body(http.post(
                        "lab1",
                        "/api/testing/results",
                        "[{\"tubeBarcode\":\"%s\",\"result\":\"POSITIVE\"}]".formatted(tube))))
                .contains("APPLIED");
        long index = pool.get(3);
        String single = "R%dTS001".formatted(round);
        assertThat(body(http.post(
                        "sampler1", "/api/testing/scans", "[" + scan(round, table, single, index, sampled) + "]")))
                .contains("ACCEPTED");
        assertThat(body(http.post(
                        "lab1",
                        "/api/testing/results",
                        "[{\"tubeBarcode\":\"%s\",\"result\":\"POSITIVE\",\"ctValue\":27.1}]".formatted(single))))
                .contains("APPLIED");

        // 2. The retest became a case (asynchronously, once).
        long caseId = -1;
        for (int i = 0; i < 100 && caseId < 0; i++) {
            List<Number> found = JsonPath.read(
                    body(http.get("epi1", "/api/tracing/cases")), "$[?(@.personId == %d)].id".formatted(index));
            if (found.isEmpty()) {
                Thread.sleep(100);
            } else {
                assertThat(found).hasSize(1);
                caseId = found.getFirst().longValue();
            }
        }
        assertThat(caseId).as("case of the positive retest").isPositive();
        String caseJson = body(http.get("epi1", "/api/tracing/cases/" + caseId));
        assertThat((String) JsonPath.read(caseJson, "$.source")).isEqualTo("RETEST");
        assertThat((List<String>) JsonPath.read(caseJson, "$.milestones[*].name"))
                .containsExactly("INITIAL_REPORT", "TRAJECTORY", "PRELIMINARY_REPORT");
        assertThat((List<Boolean>) JsonPath.read(caseJson, "$.milestones[*].overdue"))
                .containsOnly(false);
        assertThat(body(http.post("epi1", "/api/tracing/cases/%d/milestones/INITIAL_REPORT".formatted(caseId), "")))
                .contains("\"doneAt\":\"");
        // The same person cannot become a second case.
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                .formatted(index, Instant.now())))
                .hasStatus(409);

        // 3. Close contacts listed by hand, exposed 8 days ago at 07:00 local: central placements in rooms.
        List<Long> family = http.persons("141029100004", 3);
        Instant exposed = ZonedDateTime.of(LocalDate.now(ZONE).minusDays(8), LocalTime.of(7, 0), ZONE)
                .toInstant();
        String listed = body(http.post(
                "epi1",
                "/api/tracing/cases/%d/contacts".formatted(caseId),
                """
                {"personId":%d,"kind":"CLOSE","exposedAt":"%s","setting":"同住家属"}"""
                        .formatted(family.get(0), exposed)));
        assertThat((String) JsonPath.read(listed, "$.placementKind")).isEqualTo("CENTRAL");
        assertThat((String) JsonPath.read(listed, "$.room")).isNotBlank();
        long placement = ((Number) JsonPath.read(listed, "$.placementId")).longValue();
        String secondary = body(http.post(
                "epi1",
                "/api/tracing/cases/%d/contacts".formatted(caseId),
                """
                {"personId":%d,"kind":"SECONDARY","exposedAt":"%s","setting":"同事"}"""
                        .formatted(family.get(1), exposed)));
        assertThat((String) JsonPath.read(secondary, "$.placementKind")).isEqualTo("HOME");
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/contacts".formatted(caseId),
                        """
                {"personId":%d,"kind":"CLOSE","exposedAt":"%s","setting":"再次登记"}"""
                                .formatted(family.get(0), exposed)))
                .hasStatus(409)
                .bodyText()
                .contains("已列为病例");

        String detail = body(http.get("quarantine1", "/api/quarantine/placements/" + placement));
        assertThat((String) JsonPath.read(detail, "$.placement.edition")).isEqualTo("ED9-2022#1");
        assertThat((List<Integer>) JsonPath.read(detail, "$.placement.testDays"))
                .containsExactly(1, 2, 3, 5, 7);
        assertThat(Instant.parse(JsonPath.read(detail, "$.placement.plannedEnd")))
                .isEqualTo(exposed.plus(7, ChronoUnit.DAYS));

        // 4. Twice-daily checks for days 1-7: day 4 morning has fever, day 6 afternoon is missed.
        LocalDate day1 = LocalDate.ofInstant(exposed, ZONE);
        for (int d = 0; d < 7; d++) {
            for (int slot = 0; slot < 2; slot++) {
                if (d == 5 && slot == 1) {
                    continue;
                }
                Instant at = ZonedDateTime.of(day1.plusDays(d), LocalTime.of(slot == 0 ? 8 : 18, 10), ZONE)
                        .toInstant();
                double temperature = d == 3 && slot == 0 ? 37.8 : 36.5;
                var answer = http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/checks".formatted(placement),
                        """
                        {"temperature":%s,"symptoms":[],"at":"%s"}"""
                                .formatted(temperature, at));
                assertThat(answer).hasStatusOk();
                assertThat((Boolean) JsonPath.read(body(answer), "$.alert")).isEqualTo(temperature >= 37.3);
                if (temperature >= 37.3) {
                    assertThat(body(answer)).contains("发热门诊");
                }
            }
        }
        Instant due =
                ZonedDateTime.of(day1.plusDays(5), LocalTime.of(18, 0), ZONE).toInstant();
        String key = day1.plusDays(5) + "/PM";
        quarantine.checks().escalateMissedChecks(due.plus(Duration.ofMinutes(119)));
        assertThat(missed(http, placement, key)).isEmpty();
        quarantine.checks().escalateMissedChecks(due.plus(Duration.ofHours(2)));
        assertThat(missed(http, placement, key)).containsExactly("GRID_WORKER");
        quarantine.checks().escalateMissedChecks(due.plus(Duration.ofHours(6)));
        quarantine.checks().escalateMissedChecks(due.plus(Duration.ofHours(7)));
        assertThat(missed(http, placement, key)).containsExactlyInAnyOrder("GRID_WORKER", "TOWNSHIP");
        // The township officer sees the escalation in their township's list.
        List<String> township = JsonPath.read(
                body(http.get("township1", "/api/quarantine/alerts?level=TOWNSHIP")),
                "$[?(@.placementId == %d)].detail".formatted(placement));
        assertThat(township).singleElement().asString().contains(key, "已上报乡镇");
        String alerts = body(http.get("quarantine1", "/api/quarantine/alerts"));
        assertThat((List<String>) JsonPath.read(
                        alerts, "$[?(@.placementId == %d && @.kind == 'FEVER')].detail".formatted(placement)))
                .singleElement()
                .asString()
                .contains("37.8", "发热门诊");
        // The person's grid worker sees the missed check in their own jurisdiction.
        String gridWorkerAlerts = body(http.get("gridworker1", "/api/quarantine/alerts"));
        assertThat(gridWorkerAlerts).doesNotContain("\"placementId\":%d,".formatted(placement));

        // 5. Release: refused until every test day has a negative result, then granted.
        var refused = http.post("quarantine1", "/api/quarantine/placements/%d/release".formatted(placement), "");
        assertThat(refused).hasStatus(409);
        assertThat((List<String>) JsonPath.read(body(refused), "$.reasons"))
                .containsExactly("第1天核酸检测结果未录入", "第2天核酸检测结果未录入", "第3天核酸检测结果未录入", "第5天核酸检测结果未录入", "第7天核酸检测结果未录入");
        for (int d : List.of(1, 2, 3, 5, 7)) {
            Instant at = ZonedDateTime.of(day1.plusDays(d - 1), LocalTime.of(9, 0), ZONE)
                    .toInstant();
            assertThat(body(http.post(
                            "quarantine1",
                            "/api/quarantine/placements/%d/tests".formatted(placement),
                            """
                    {"result":"NEGATIVE","at":"%s"}""".formatted(at))))
                    .contains("\"day\":" + d);
        }
        assertThat(http.post("quarantine1", "/api/quarantine/placements/%d/release".formatted(placement), ""))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.released")
                .isEqualTo(true);
        // A check on a released placement is refused.
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/checks".formatted(placement),
                        """
                {"temperature":36.6,"symptoms":[]}"""))
                .hasStatus(409)
                .bodyText()
                .contains("已解除");

        // 6. Contacts from venue check-ins: the case stayed 3 days ago 10:00-12:00 at a venue.
        List<String> codes = JsonPath.read(
                body(http.get("epi1", "/api/places?region=141029100&kind=VENUE&size=5")), "$[*].placeCode");
        List<Number> venueIds =
                JsonPath.read(body(http.get("epi1", "/api/places?region=141029100&kind=VENUE&size=5")), "$[*].id");
        String code = codes.getFirst();
        Instant stay = ZonedDateTime.of(LocalDate.now(ZONE).minusDays(3), LocalTime.of(10, 0), ZONE)
                .toInstant();
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/itinerary".formatted(caseId),
                        """
                {"placeId":%d,"from":"%s","to":"%s"}"""
                                .formatted(venueIds.getFirst().longValue(), stay, stay.plus(2, ChronoUnit.HOURS))))
                .hasStatus(201);
        List<Long> visitors = http.persons("141029100005", 3);
        Instant[] times = {
            stay.plus(1, ChronoUnit.HOURS), stay.plus(140, ChronoUnit.MINUTES), stay.plus(4, ChronoUnit.HOURS)
        };
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(
                            "epi1",
                            "/api/tracing/checkins",
                            """
                    {"placeCode":"%s","personId":%d,"at":"%s"}"""
                                    .formatted(code, visitors.get(i), times[i])))
                    .hasStatus(201);
        }
        String exposures = body(http.get("epi1", "/api/tracing/cases/%d/exposures".formatted(caseId)));
        assertThat((List<Number>) JsonPath.read(exposures, "$[*].personId"))
                .extracting(Number::longValue)
                .containsExactly(visitors.get(0), visitors.get(1));
        String confirmed = body(http.post(
                "epi1",
                "/api/tracing/cases/%d/exposures/%d".formatted(caseId, visitors.get(0)),
                """
                {"decision":"CONFIRMED"}"""));
        assertThat((String) JsonPath.read(confirmed, "$.contact.placementKind")).isEqualTo("CENTRAL");
        long fromCheckIn = ((Number) JsonPath.read(confirmed, "$.contact.placementId")).longValue();
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/exposures/%d".formatted(caseId, visitors.get(1)),
                        """
                {"decision":"DISMISSED","note":"仅在门口停留"}"""))
                .hasStatusOk();
        exposures = body(http.get("epi1", "/api/tracing/cases/%d/exposures".formatted(caseId)));
        assertThat((List<String>) JsonPath.read(exposures, "$[*].decision")).containsExactly("CONFIRMED", "DISMISSED");
        assertThat((List<Boolean>) JsonPath.read(exposures, "$[*].listed")).containsExactly(true, false);
        assertThat((List<String>) JsonPath.read(
                        body(http.get("epi1", "/api/tracing/cases/%d/contacts".formatted(caseId))), "$[*].source"))
                .containsExactly("MANUAL", "MANUAL", "CHECKIN");

        // 7. The placement from the check-in is days from its end: an early release needs two people.
        assertThat(http.post("quarantine1", "/api/quarantine/placements/%d/release".formatted(fromCheckIn), ""))
                .hasStatus(409)
                .bodyText()
                .contains("隔离期未满");
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/release-override".formatted(fromCheckIn),
                        """
                {"reason":"经复核为误判：扫码时未进入场所"}"""))
                .hasStatusOk();
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/release-override/approve".formatted(fromCheckIn),
                        ""))
                .hasStatus(409)
                .bodyText()
                .contains("另一名管理员");
        assertThat(http.post(
                        "admin", "/api/quarantine/placements/%d/release-override/approve".formatted(fromCheckIn), ""))
                .hasStatusOk();
        String overridden = body(http.get("quarantine1", "/api/quarantine/placements/" + fromCheckIn));
        assertThat((String) JsonPath.read(overridden, "$.placement.status")).isEqualTo("RELEASED");
        assertThat((String) JsonPath.read(overridden, "$.placement.approvedBy")).isEqualTo("admin");
        assertThat((String) JsonPath.read(overridden, "$.placement.overrideBy")).isEqualTo("quarantine1");
        assertThat(body(http.get("admin", "/api/audit?size=50"))).contains("RELEASE_OVERRIDE_APPROVED");

        // 8. The chain of the cluster: the case and its three contacts.
        long cluster = ((Number) JsonPath.read(caseJson, "$.clusterId")).longValue();
        String chain = body(http.get("epi1", "/api/tracing/clusters/%d/chain".formatted(cluster)));
        assertThat((List<String>) JsonPath.read(chain, "$.nodes[*].type"))
                .containsExactly("CASE", "CONTACT", "CONTACT", "CONTACT");
        assertThat((List<String>) JsonPath.read(chain, "$.edges[*].kind"))
                .containsExactly("CLOSE", "SECONDARY", "CLOSE");
    }

    static List<String> missed(TracingFixtures http, long placement, String key) {
        List<java.util.Map<String, Object>> alerts = JsonPath.read(
                body(http.get("quarantine1", "/api/quarantine/alerts")),
                "$[?(@.placementId == %d && @.kind == 'MISSED_CHECK')]".formatted(placement));
        return alerts.stream()
                .filter(a -> ((String) a.get("detail")).contains(key))
                .map(a -> (String) a.get("level"))
                .toList();
    }

    static String scan(long round, long table, String tube, long person, Instant at) {
        return """
                {"scanId":"%s","roundId":%d,"tableId":%d,"tubeBarcode":"%s","person":{"personId":%d},"scannedAt":"%s"}"""
                .formatted(UUID.randomUUID(), round, table, tube, person, at);
    }
}
