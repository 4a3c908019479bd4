package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of the two ledger reads the issue sets targets for, against a running Pingji (for
 * example one started with {@code PINGJI_DEMO_PERSONS=1000000}): region summaries and scoped
 * person-list pages, at random regions of every level and random pages. Measured at the client
 * on loopback with an API token, so the figures include HTTP, JSON and authentication.
 *
 * <p>Run: {@code ./mvnw test -Dtest=LedgerReadBenchmark -Dpingji.bench=true
 * -Dpingji.bench.url=http://127.0.0.1:18080 -Dspotless.check.skip=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class LedgerReadBenchmark {

    final String base = System.getProperty("pingji.bench.url", "http://127.0.0.1:8080");
    final int rounds = Integer.getInteger("pingji.bench.rounds", 2000);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void regionSummaryAndPersonPages() throws Exception {
        String token = token();
        List<String> regions = regionsOfEveryLevel(token);
        SplittableRandom random = new SplittableRandom(7);
        // Warm-up: JIT, connection, PostgreSQL buffers.
        for (int i = 0; i < 300; i++) {
            get(token, "/api/regions/" + regions.get(random.nextInt(regions.size())));
            get(token, "/api/persons?region=" + regions.get(random.nextInt(regions.size())) + "&page=0&size=50");
        }
        report("region summary, random region of any level", measure(() -> {
            get(token, "/api/regions/" + regions.get(random.nextInt(regions.size())));
        }));
        report("region summary, the county", measure(() -> get(token, "/api/regions/141029")));
        report("person page 0 (50 rows), random region", measure(() -> {
            get(token, "/api/persons?region=" + regions.get(random.nextInt(regions.size())) + "&page=0&size=50");
        }));
        report("person page 1-20 (50 rows), random region", measure(() -> {
            get(
                    token,
                    "/api/persons?region=" + regions.get(random.nextInt(regions.size())) + "&page="
                            + (1 + random.nextInt(20)) + "&size=50");
        }));
        report("person page 0, the county", measure(() -> get(token, "/api/persons?region=141029&page=0&size=50")));
        report("person page 2000 (offset 100,000), the county", measureFew(() -> {
            get(token, "/api/persons?region=141029&page=2000&size=50");
        }));
    }

    interface Call {
        void run() throws Exception;
    }

    long[] measure(Call call) throws Exception {
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        return micros;
    }

    long[] measureFew(Call call) throws Exception {
        long[] micros = new long[50];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        return micros;
    }

    static void report(String what, long[] micros) {
        Arrays.sort(micros);
        System.out.printf(
                "BENCH %-50s n=%5d p50=%7.2f ms p95=%7.2f ms p99=%7.2f ms max=%7.2f ms%n",
                what,
                micros.length,
                micros[micros.length / 2] / 1000.0,
                micros[(int) (micros.length * 0.95)] / 1000.0,
                micros[(int) (micros.length * 0.99)] / 1000.0,
                micros[micros.length - 1] / 1000.0);
    }

    String get(String token, String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString("commander:demo".getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.token");
    }

    /** The county, its townships, villages, and the grids and micro-grids of three villages. */
    List<String> regionsOfEveryLevel(String token) throws Exception {
        List<String> codes = new ArrayList<>(List.of("141029"));
        List<String> townships = JsonPath.read(get(token, "/api/regions/141029/children"), "$[*].code");
        codes.addAll(townships);
        for (String township : townships) {
            List<String> villages = JsonPath.read(get(token, "/api/regions/" + township + "/children"), "$[*].code");
            codes.addAll(villages);
            List<String> grids =
                    JsonPath.read(get(token, "/api/regions/" + villages.getFirst() + "/children"), "$[*].code");
            codes.addAll(grids);
            codes.addAll(JsonPath.<List<String>>read(
                    get(token, "/api/regions/" + grids.getFirst() + "/children"), "$[*].code"));
        }
        return codes;
    }
}
