package org.pingji.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.pingji.person.ResidentId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A real companion run: upload over HTTP, the Spark job in a child JVM, results, follow-ups, refusals. */
@PingjiTest
class CompanionRunTests {

    static final String MICRO_GRID = "1410291000010101";
    static final String REQUEST =
            "{\"casePhones\":[\"13911110001\"],\"from\":\"2026-11-01T00:00:00+08:00\",\"to\":\"2026-11-15T00:00:00+08:00\"}";
    // a cell centre near Xiangning (row 5005, col 12481 of the 800 m grid)
    static final String AT_X = "35.9703,110.8315";
    static final String AT_Y = "35.9703,110.9500";
    static final String AT_Z = "35.9703,111.0500";

    @Autowired
    MockMvcTester mvc;

    @LocalServerPort
    int port;

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    long register(String phone) {
        String base = "110101195007%02d%03d".formatted(1 + new Random().nextInt(28), new Random().nextInt(1000));
        var created = post(
                "township1",
                "/api/persons",
                """
                {"name":"伴随测试","residentId":"%s","phone":"%s","microGridCode":"%s","residence":"TEMPORARY"}"""
                        .formatted(base + ResidentId.checkCharacter(base), phone, MICRO_GRID));
        assertThat(created).hasStatus(201);
        return ((Number) JsonPath.read(body(created), "$.id")).longValue();
    }

    static String line(String phone, String time, String at) {
        return phone + "," + time + "," + at + "\n";
    }

    /** Case 13911110001 in X 10:00-12:00 (Beijing time); companions and near misses around it; bad rows. */
    static byte[] pings() {
        List<String> lines = new ArrayList<>();
        for (int m = 0; m < 120; m += 10) {
            lines.add(line("13911110001", "2026-11-10T%02d:%02d:00+08:00".formatted(10 + m / 60, m % 60), AT_X));
        }
        lines.add(line("13911110001", "2026-11-10T12:00:00+08:00", AT_Z));
        // known person: 30 min together
        lines.add(line("13822220001", "2026-11-10T11:00:00+08:00", AT_X));
        lines.add(line("13822220001", "2026-11-10T11:30:00+08:00", AT_Y));
        // unknown phone: 20 min together, written in epoch seconds
        long t = Instant.parse("2026-11-10T03:40:00Z").getEpochSecond();
        lines.add(line("13822220002", Long.toString(t), AT_X));
        lines.add(line("13822220002", Long.toString(t + 1200), AT_Y));
        // known person: exactly 10 min, not a companion
        lines.add(line("13822220003", "2026-11-10T11:50:00+08:00", AT_X));
        lines.add(line("13822220003", "2026-11-10T12:00:00+08:00", AT_Y));
        // bad rows
        lines.add("13822220009,2026-11-10T11:00:00+08:00,35.97\n");
        lines.add("13822220009,2026-11-10T11:00:00+08:00,35.97,110.83,9\n");
        lines.add("13822220009,2026-11-10T11:00:00+08:00,0.0,0.0\n");
        lines.add("13822220009,not-a-time," + AT_X + "\n");
        lines.add(line("13822220009", "2026-12-10T11:00:00+08:00", AT_X));
        java.util.Collections.shuffle(lines, new Random(5));
        return ("phone,timestamp,lat,lon\n" + String.join("", lines)).getBytes(StandardCharsets.UTF_8);
    }

    String awaitDone(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            String json = body(get("epi1", "/api/tracing/companion-runs/" + id));
            if (!"RUNNING".equals(JsonPath.read(json, "$.state"))) {
                return json;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run %d still RUNNING after 180 s".formatted(id));
    }

    @Test
    void runFindsThePlantedCompanionsCountsBadRowsAndHandsKnownPersonsToTheirGridWorker() throws Exception {
        long known = register("13822220001");
        register("13822220003");
        HttpResponse<String> started = new CompanionHttp(port)
                .multipart("epi1", "/api/tracing/companion-runs", CompanionHttp.parts(pings(), REQUEST));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long id = ((Number) JsonPath.read(started.body(), "$.id")).longValue();

        String run = awaitDone(id);
        assertThat((String) JsonPath.read(run, "$.state")).as(run).isEqualTo("DONE");
        assertThat((Double) JsonPath.read(run, "$.progress")).isEqualTo(1.0);
        assertThat((List<String>) JsonPath.read(run, "$.companions[*].phone"))
                .containsExactly("13822220001", "13822220002");
        assertThat((List<Object>) JsonPath.read(run, "$.companions[*].personId"))
                .containsExactly((int) known, null);
        assertThat((List<Double>) JsonPath.read(run, "$.companions[*].overlapMinutes"))
                .containsExactly(30.0, 20.0);
        assertThat((String) JsonPath.read(run, "$.companions[0].firstSeen")).isEqualTo("2026-11-10T03:00:00Z");
        assertThat((String) JsonPath.read(run, "$.companions[0].lastSeen")).isEqualTo("2026-11-10T03:30:00Z");
        assertThat((String) JsonPath.read(run, "$.companions[0].cell")).matches("\\d+:\\d+");
        assertThat((Map<String, Integer>) JsonPath.read(run, "$.badRows"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("WRONG_COLUMN_COUNT", 2, "OUTSIDE_CHINA", 1, "BAD_TIMESTAMP", 1, "OUTSIDE_PERIOD", 1));

        String followUps = body(get("epi1", "/api/tracing/companion-runs/" + id + "/follow-ups"));
        assertThat((List<Integer>) JsonPath.read(followUps, "$[*].personId")).containsExactly((int) known);
        String worker = JsonPath.read(followUps, "$[0].assignedTo");
        assertThat(worker).startsWith("gridworker");
        long followUp = ((Number) JsonPath.read(followUps, "$[0].id")).longValue();

        String mine = body(get(worker, "/api/tracing/companion-follow-ups"));
        assertThat((List<Integer>) JsonPath.read(mine, "$[?(@.runId == " + id + ")].personId"))
                .containsExactly((int) known);
        assertThat((List<String>) JsonPath.read(mine, "$[?(@.runId == " + id + ")].phoneMasked"))
                .containsExactly("138****0001");
        String steps = "/api/tracing/companion-follow-ups/" + followUp + "/steps";
        assertThat(post(worker, steps, "{\"step\":\"FIRST_TEST\",\"result\":\"NEGATIVE\"}"))
                .hasStatus(409);
        assertThat(post(worker, steps, "{\"step\":\"LOCATE\",\"note\":\"电话联系上\"}"))
                .hasStatusOk();
        assertThat(post(worker, steps, "{\"step\":\"FIRST_TEST\",\"result\":\"NEGATIVE\"}"))
                .hasStatusOk();
        assertThat(post(worker, steps, "{\"step\":\"CLEAR\"}")).hasStatus(409);
        assertThat(post(worker, steps, "{\"step\":\"SECOND_TEST\",\"result\":\"maybe\"}"))
                .hasStatus(400);
        assertThat(post(worker, steps, "{\"step\":\"SECOND_TEST\",\"result\":\"NEGATIVE\"}"))
                .hasStatusOk();
        assertThat(post("gridworker2".equals(worker) ? "gridworker3" : "gridworker2", steps, "{\"step\":\"CLEAR\"}"))
                .hasStatus(404);
        assertThat(post(worker, steps, "{\"step\":\"CLEAR\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CLEARED");
        assertThat(body(get("admin", "/api/audit?user=" + worker))).contains("COMPANION_FOLLOW_UP");
        assertThat(body(get("admin", "/api/audit?user=epi1"))).contains("COMPANION_RUN_READ");

        // everyone else: 403
        for (String user : List.of("commander", "quarantine1", "resident1", worker)) {
            assertThat(get(user, "/api/tracing/companion-runs/" + id)).as(user).hasStatus(403);
        }
        assertThat(get("epi1", "/api/tracing/companion-follow-ups")).hasStatus(403);
    }

    @Test
    void badRequestsAre400Json() throws Exception {
        CompanionHttp http = new CompanionHttp(port);
        String path = "/api/tracing/companion-runs";
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("missing pings", http.multipart("epi1", path, CompanionHttp.parts(null, REQUEST)));
        answers.put("missing request", http.multipart("epi1", path, CompanionHttp.parts(pings(), null)));
        answers.put("bad json", http.multipart("epi1", path, CompanionHttp.parts(pings(), "{\"casePhones\":[")));
        answers.put(
                "from after to",
                http.multipart(
                        "epi1",
                        path,
                        CompanionHttp.parts(
                                pings(),
                                "{\"casePhones\":[\"13911110001\"],\"from\":\"2026-11-15T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}")));
        answers.put(
                "empty cases",
                http.multipart(
                        "epi1",
                        path,
                        CompanionHttp.parts(
                                pings(),
                                "{\"casePhones\":[],\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-15T00:00:00Z\"}")));
        answers.put(
                "bad case phone",
                http.multipart(
                        "epi1",
                        path,
                        CompanionHttp.parts(
                                pings(),
                                "{\"casePhones\":[\"12\"],\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-15T00:00:00Z\"}")));
        answers.put(
                "bad time",
                http.multipart(
                        "epi1",
                        path,
                        CompanionHttp.parts(
                                pings(),
                                "{\"casePhones\":[\"13911110001\"],\"from\":\"yesterday\",\"to\":\"2026-11-15T00:00:00Z\"}")));
        answers.put("empty file", http.multipart("epi1", path, CompanionHttp.parts(new byte[0], REQUEST)));
        answers.forEach((what, r) -> {
            assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(v -> assertThat(v)
                    .contains("json"));
            assertThat((String) JsonPath.read(r.body(), "$.message")).as(what).isNotBlank();
        });
        assertThat(answers.get("missing pings").body()).contains("pings");
        assertThat(answers.get("from after to").body()).contains("不早于");
        assertThat(answers.get("empty cases").body()).contains("casePhones");
        assertThat(http.multipart("quarantine1", path, CompanionHttp.parts(pings(), REQUEST))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("epi1", "/api/tracing/companion-runs/999999")).hasStatus(404);
    }
}
