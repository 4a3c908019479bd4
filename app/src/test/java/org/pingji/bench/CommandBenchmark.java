package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of the one-map dashboard against a running Pingji (for example the 1,000,000-person
 * county after {@code ScanLoadBenchmark} left its round open with every tube resulted): the
 * dashboard JSON and the map (population, coverage, positives, missing reports) for the county
 * and for a township, then the roll-up of 1,189 micro-grid daily reports to the county. Measured
 * at the client on loopback with an API token, so figures include HTTP, JSON and authentication.
 *
 * <p>Run: {@code ./mvnw -pl app test -Dtest=CommandBenchmark -Dpingji.bench=true
 * -Dpingji.bench.url=http://127.0.0.1:18081 -Dspotless.check.skip=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class CommandBenchmark {

    final BenchClient client = new BenchClient(System.getProperty("pingji.bench.url", "http://127.0.0.1:18080"));
    final int rounds = Integer.getInteger("pingji.bench.rounds", 200);

    interface Call {
        void run() throws Exception;
    }

    long[] measure(int n, Call call) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        return micros;
    }

    void get(String token, String path) throws Exception {
        var r = client.send("GET", path, token, null);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    }

    @Test
    void dashboardMapAndRollup() throws Exception {
        String token = client.token("commander", "demo");
        var rounds0 = client.send("GET", "/api/testing/rounds", token, null);
        List<String> open = JsonPath.read(rounds0.body(), "$[?(@.status=='OPEN')].name");
        System.out.println("BENCH open rounds: " + open);
        var dash = client.send("GET", "/api/command/dashboard?region=141029", token, null);
        System.out.println(
                "BENCH county KPIs: " + JsonPath.read(dash.body(), "$.kpis").toString());
        String township = "141029100";
        List<String[]> calls = new ArrayList<>();
        for (String region : List.of("141029", township)) {
            calls.add(new String[] {"dashboard " + region, "/api/command/dashboard?region=" + region});
            for (String metric : List.of("population", "coverage", "positives", "missing_reports")) {
                calls.add(new String[] {
                    "map " + region + " " + metric, "/api/command/map?region=" + region + "&metric=" + metric
                });
            }
        }
        for (int i = 0; i < Integer.getInteger("pingji.bench.warmup", 30); i++) { // warm-up
            for (String[] c : calls) {
                get(token, c[1]);
            }
        }
        for (String[] c : calls) {
            System.out.printf(
                    "BENCH %-40s %s%n", c[0], BenchClient.percentiles(measure(rounds, () -> get(token, c[1]))));
        }

        // every micro-grid reports (for a past day, so no other run's reports interfere)
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
        List<String> grids = new ArrayList<>();
        for (String t : JsonPath.<List<String>>read(
                client.send("GET", "/api/regions/141029/children", token, null).body(), "$[*].code")) {
            for (String v : JsonPath.<List<String>>read(
                    client.send("GET", "/api/regions/" + t + "/children", token, null)
                            .body(),
                    "$[*].code")) {
                for (String g : JsonPath.<List<String>>read(
                        client.send("GET", "/api/regions/" + v + "/children", token, null)
                                .body(),
                        "$[*].code")) {
                    grids.addAll(JsonPath.read(
                            client.send("GET", "/api/regions/" + g + "/children", token, null)
                                    .body(),
                            "$[*].code"));
                }
            }
        }
        assertThat(grids).hasSize(1189);
        for (int i = 0; i < grids.size(); i++) {
            var r = client.send(
                    "PUT",
                    "/api/command/reports/" + day + "/" + grids.get(i),
                    token,
                    """
                    {"fields":{"arrivalsScreened":%d,"inQuarantine":%d,"testsDone":%d,"inspections":1,"problemsFound":0,"problems":"无"}}"""
                            .formatted(i % 7, i % 3, 100 + i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        var summary = client.send("GET", "/api/command/reports/" + day + "?region=141029", token, null);
        System.out.println("BENCH roll-up totals: "
                + JsonPath.read(summary.body(), "$.totals").toString() + " reported "
                + JsonPath.read(summary.body(), "$.reported"));
        for (int i = 0; i < 30; i++) {
            get(token, "/api/command/reports/" + day + "?region=141029");
        }
        System.out.printf(
                "BENCH %-40s %s%n",
                "roll-up 1,189 micro-grid reports, county",
                BenchClient.percentiles(
                        measure(rounds, () -> get(token, "/api/command/reports/" + day + "?region=141029"))));
        System.out.printf(
                "BENCH %-40s %s%n",
                "roll-up, township " + township,
                BenchClient.percentiles(
                        measure(rounds, () -> get(token, "/api/command/reports/" + day + "?region=" + township))));
    }
}
