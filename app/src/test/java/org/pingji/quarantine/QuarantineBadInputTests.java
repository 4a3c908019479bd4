package org.pingji.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The bad input for quarantine and tracing: a clear 4xx answer and nothing written. */
@PingjiTest
class QuarantineBadInputTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void badChecksPlacementsAndReleasesAreRefusedAndWriteNothing() {
        var http = new TracingFixtures(mvc);
        List<Long> people = http.persons("141029101", 60);
        long placement = http.id(
                http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                        {"personId":%d,"type":"HOME","start":"%s"}"""
                                .formatted(people.get(0), Instant.now().minusSeconds(3600))),
                "$.id");
        long checks = count("quarantine.checks");
        for (String temperature : List.of("29.9", "45.1", "null")) {
            assertThat(http.post(
                            "quarantine1",
                            "/api/quarantine/placements/%d/checks".formatted(placement),
                            "{\"temperature\":%s,\"symptoms\":[]}".formatted(temperature)))
                    .hasStatus(400)
                    .bodyText()
                    .contains("体温须在30到45°C之间");
        }
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/checks".formatted(placement),
                        "{\"temperature\":36.5,\"symptoms\":[\"头疼得厉害\"]}"))
                .hasStatus(400)
                .bodyText()
                .contains("未知症状");
        // A batch with one bad entry writes none of it.
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/checks",
                        """
                [{"placementId":%d,"temperature":36.5},{"placementId":%d,"temperature":50}]"""
                                .formatted(placement, placement)))
                .hasStatus(400)
                .bodyText()
                .contains("第2条");
        assertThat(count("quarantine.checks")).isEqualTo(checks);
        // A listed symptom alone is an alert with a referral.
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/checks".formatted(placement),
                        "{\"temperature\":36.5,\"symptoms\":[\"干咳\"]}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.alert")
                .isEqualTo(true);
        // A door opening at home raises an alert; a bad event is refused.
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/door-events".formatted(placement),
                        "{\"sensorId\":\"MC-0001\",\"event\":\"OPEN\"}"))
                .hasStatus(201);
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/door-events".formatted(placement),
                        "{\"sensorId\":\"MC-0001\",\"event\":\"AJAR\"}"))
                .hasStatus(400);
        assertThat(body(http.get("quarantine1", "/api/quarantine/placements/" + placement)))
                .contains("\"kind\":\"DOOR\"", "\"kind\":\"FEVER\"");
        // Release before the criteria: 409 with the reasons; the placement stays active.
        var early = http.post("quarantine1", "/api/quarantine/placements/%d/release".formatted(placement), "");
        assertThat(early).hasStatus(409);
        assertThat((List<String>) JsonPath.read(body(early), "$.reasons"))
                .first()
                .asString()
                .contains("隔离期未满");
        assertThat(body(http.get("quarantine1", "/api/quarantine/placements/" + placement)))
                .contains("\"status\":\"ACTIVE\"");
        // A second placement of the same person; a placement of an unknown person; a grid worker may not place.
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                {"personId":%d,"type":"HOME"}""".formatted(people.get(0))))
                .hasStatus(409);
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                {"personId":999999999,"type":"HOME"}"""))
                .hasStatus(404);
        assertThat(http.post(
                        "gridworker1",
                        "/api/quarantine/placements",
                        """
                {"personId":%d,"type":"HOME"}""".formatted(people.get(1))))
                .hasStatus(403);
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                {"personId":%d,"type":"ELSEWHERE"}""".formatted(people.get(1))))
                .hasStatus(400);

        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        "{\"personId\":%d,\"type\":\"HOME\",\"exposure\":\"RISK_COUNTY\"}".formatted(people.get(1))))
                .hasStatus(400)
                .bodyText()
                .contains("无需隔离");

        // Fill the smallest site, then one more is refused; the room of a placement is unique.
        long site =
                ((Number) JsonPath.read(body(http.get("quarantine1", "/api/quarantine/sites")), "$[3].id")).longValue();
        int free = ((Number) JsonPath.read(body(http.get("quarantine1", "/api/quarantine/sites")), "$[3].capacity"))
                        .intValue()
                - ((Number) JsonPath.read(body(http.get("quarantine1", "/api/quarantine/sites")), "$[3].occupied"))
                        .intValue();
        assertThat(free).isLessThan(people.size() - 2);
        for (int i = 0; i < free; i++) {
            assertThat(http.post(
                            "quarantine1",
                            "/api/quarantine/placements",
                            """
                    {"personId":%d,"type":"CENTRAL","siteId":%d}"""
                                    .formatted(people.get(2 + i), site)))
                    .hasStatus(201);
        }
        long placements = count("quarantine.placements");
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                {"personId":%d,"type":"CENTRAL","siteId":%d}"""
                                .formatted(people.get(2 + free), site)))
                .hasStatus(409)
                .bodyText()
                .contains("已满员");
        assertThat(count("quarantine.placements")).isEqualTo(placements);
        String rooms = body(http.get("quarantine1", "/api/quarantine/sites/%d/rooms".formatted(site)));
        assertThat((List<Object>) JsonPath.read(rooms, "$[?(@.placementId == null)]"))
                .isEmpty();
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        """
                {"personId":%d,"type":"CENTRAL","siteId":424242}"""
                                .formatted(people.get(2 + free))))
                .hasStatus(404);
    }

    @Test
    void badCasesContactsAndCheckInsAreRefused() {
        var http = new TracingFixtures(mvc);
        List<Long> people = http.persons("141029102", 6);
        Instant now = Instant.now();
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                {"personId":999999999,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                .formatted(now)))
                .hasStatus(404);
        assertThat(http.post(
                        "sampler1",
                        "/api/tracing/cases",
                        """
                {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                .formatted(people.get(0), now)))
                .hasStatus(403);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                {"personId":%d,"confirmedAt":"%s","classification":"MAYBE"}"""
                                .formatted(people.get(0), now)))
                .hasStatus(400);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                .formatted(people.get(0), now.plus(1, ChronoUnit.DAYS))))
                .hasStatus(400);
        long caseId = http.id(
                http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED","onsetAt":"%s"}"""
                                .formatted(people.get(0), now.minusSeconds(7200), now.minusSeconds(86400))),
                "$.id");
        String contact = """
                {"personId":%d,"kind":"SECONDARY","exposedAt":"%s","setting":"同一办公室"}"""
                .formatted(people.get(1), now.minusSeconds(3600));
        assertThat(http.post("epi1", "/api/tracing/cases/%d/contacts".formatted(caseId), contact))
                .hasStatus(201);
        long contacts = count("tracing.contacts");
        long placements = count("quarantine.placements");
        assertThat(http.post("epi1", "/api/tracing/cases/%d/contacts".formatted(caseId), contact))
                .hasStatus(409)
                .bodyText()
                .contains("已列为病例");
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/contacts".formatted(caseId),
                        """
                {"personId":%d,"kind":"NEIGHBOUR","exposedAt":"%s","setting":"x"}"""
                                .formatted(people.get(2), now)))
                .hasStatus(400);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/contacts".formatted(caseId),
                        """
                {"personId":%d,"kind":"CLOSE","exposedAt":"%s","setting":"x"}"""
                                .formatted(people.get(0), now)))
                .hasStatus(400);
        assertThat(http.post("epi1", "/api/tracing/cases/99999999/contacts", contact))
                .hasStatus(404);
        assertThat(count("tracing.contacts")).isEqualTo(contacts);
        assertThat(count("quarantine.placements")).isEqualTo(placements);
        // The case's deadlines: the 2 h initial report is already overdue.
        assertThat(body(http.get("epi1", "/api/tracing/cases/" + caseId)))
                .contains("\"name\":\"INITIAL_REPORT\"", "\"overdue\":true");
        // Check-ins: malformed and unknown place codes, unknown persons.
        String code = JsonPath.read(
                body(http.get("epi1", "/api/places?region=141029102&kind=VENUE&size=1")), "$[0].placeCode");
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/checkins",
                        """
                {"placeCode":"%s","personId":%d}""".formatted(code + "X", people.get(3))))
                .hasStatus(400);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/checkins",
                        """
                {"placeCode":"%s","personId":%d}"""
                                .formatted(org.pingji.grid.PlaceCode.of(987654321L), people.get(3))))
                .hasStatus(404);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/checkins",
                        """
                {"placeCode":"%s","personId":999999999}""".formatted(code)))
                .hasStatus(404);
        assertThat(http.post(
                        "lab1",
                        "/api/tracing/checkins",
                        """
                {"placeCode":"%s","personId":%d}""".formatted(code, people.get(3))))
                .hasStatus(403);
        assertThat(http.post(
                        "epi1",
                        "/api/tracing/cases/%d/itinerary".formatted(caseId),
                        """
                {"placeId":1,"from":"%s","to":"%s"}"""
                                .formatted(now.minusSeconds(60), now.minusSeconds(3600))))
                .hasStatus(400);
    }
}
