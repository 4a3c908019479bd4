package org.pingji.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Single checks ({@code POST /api/quarantine/placements/{id}/checks}) are group-committed: many
 * sent at once over real HTTP are all recorded (as the placement's API counts them), fevers
 * still raise their alert and referral, and a bad check among them is refused alone with its
 * own 4xx while the others are written.
 */
@PingjiTest
class SingleCheckGroupCommitTests {

    @Autowired
    MockMvcTester mvc;

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    record Sent(long placement, String json, int status, String body) {}

    Callable<Sent> check(long placement, String json) {
        return () -> {
            var request = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:%d/api/quarantine/placements/%d/checks".formatted(port, placement)))
                    .header("Authorization", basic("quarantine1"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(placement, json, response.statusCode(), response.body());
        };
    }

    @Test
    void concurrentSingleChecksAreAllRecordedAndABadOneFailsAlone() throws Exception {
        var http = new TracingFixtures(mvc);
        List<Long> people = http.persons("141029203", 2);
        Instant start = Instant.now().minusSeconds(3600);
        List<Long> placements = new ArrayList<>();
        for (long person : people) {
            placements.add(http.id(
                    http.post(
                            "quarantine1",
                            "/api/quarantine/placements",
                            "{\"personId\":%d,\"type\":\"HOME\",\"start\":\"%s\"}".formatted(person, start)),
                    "$.id"));
        }
        long first = placements.getFirst();
        long second = placements.getLast();
        int perPlacement = 120;
        List<Callable<Sent>> good = new ArrayList<>();
        for (int i = 0; i < perPlacement; i++) {
            // Every 40th check is a fever (3 per placement): an alert and a referral each.
            String json = i % 40 == 7
                    ? "{\"temperature\":38.6,\"symptoms\":[]}"
                    : "{\"temperature\":36.%d,\"symptoms\":[]}".formatted(i % 10);
            good.add(check(first, json));
            good.add(check(second, json));
        }
        // Valid on its own but refused in the batch (measured before the placement began), one
        // refused before queueing (50 °C), one of a placement that does not exist.
        Callable<Sent> early = check(first, "{\"temperature\":36.5,\"at\":\"%s\"}".formatted(start.minusSeconds(7200)));
        Callable<Sent> hot = check(second, "{\"temperature\":50}");
        Callable<Sent> unknown = check(999_999_999L, "{\"temperature\":36.5}");
        List<Callable<Sent>> all = new ArrayList<>(good);
        all.add(good.size() / 2, early);
        all.add(good.size() / 2, hot);
        all.add(good.size() / 2, unknown);

        List<Sent> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<Sent> f : pool.invokeAll(all)) {
                answers.add(f.get());
            }
        }

        int bad = good.size() / 2;
        Sent unknownAnswer = answers.get(bad);
        Sent hotAnswer = answers.get(bad + 1);
        Sent earlyAnswer = answers.get(bad + 2);
        assertThat(unknownAnswer.status()).as(unknownAnswer.body()).isEqualTo(404);
        assertThat(hotAnswer.status()).isEqualTo(400);
        assertThat(hotAnswer.body()).contains("体温须在30到45°C之间");
        assertThat(earlyAnswer.status()).isEqualTo(400);
        assertThat(earlyAnswer.body()).contains("监测时间须在隔离开始之后");
        List<Sent> goodAnswers = new ArrayList<>(answers);
        goodAnswers.removeAll(List.of(unknownAnswer, hotAnswer, earlyAnswer));
        assertThat(goodAnswers).hasSize(2 * perPlacement).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.body()).contains("\"accepted\":true");
        });
        assertThat(goodAnswers.stream().filter(a -> a.json().contains("38.6")))
                .hasSize(6)
                .allSatisfy(a -> assertThat(a.body()).contains("\"alert\":true", "发热门诊"));

        for (long placement : placements) {
            String page = body(http.get("quarantine1", "/api/quarantine/placements/" + placement));
            List<Object> checks = JsonPath.read(page, "$.checks");
            assertThat(checks).as("checks of placement %d", placement).hasSize(perPlacement);
            List<Object> fevers = JsonPath.read(page, "$.alerts[?(@.kind == 'FEVER')]");
            assertThat(fevers).hasSize(3);
            assertThat((String) JsonPath.read(page, "$.placement.referredAt")).isNotNull();
        }
    }
}
