package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Health-check recording against a running Pingji (durable PostgreSQL): HOME placements for
 * {@code pingji.bench.placements} persons of a township, then checks recorded (a) in batches of
 * {@code pingji.bench.batch} through {@code POST /api/quarantine/checks} by {@code
 * pingji.bench.threads} clients, (b) one per request through {@code POST
 * /api/quarantine/placements/{id}/checks}. 1% of the checks are fevers (alert, referral, event).
 *
 * <p>Run: {@code ./mvnw -pl app test -Dtest=HealthCheckBenchmark -Dpingji.bench=true
 * -Dpingji.bench.url=http://127.0.0.1:18080 -Dspotless.check.skip=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class HealthCheckBenchmark {

    final BenchClient client = new BenchClient(System.getProperty("pingji.bench.url", "http://127.0.0.1:18080"));
    final int placements = Integer.getInteger("pingji.bench.placements", 2000);
    final int batch = Integer.getInteger("pingji.bench.batch", 200);
    final int threads = Integer.getInteger("pingji.bench.threads", 4);
    final int checks = Integer.getInteger("pingji.bench.checks", 200_000);
    final int singles = Integer.getInteger("pingji.bench.singles", 20_000);
    final String region = System.getProperty("pingji.bench.region", "141029102");

    @Test
    void recordChecks() throws Exception {
        String token = client.token("quarantine1", "demo");
        String commander = client.token("commander", "demo");
        List<Long> placed = new ArrayList<>();
        String cursor = null;
        while (placed.size() < placements) {
            var page = client.send(
                    "GET",
                    "/api/persons?region=" + region + "&size=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    commander,
                    null);
            List<Number> ids = JsonPath.read(page.body(), "$.content[*].id");
            for (Number id : ids) {
                if (placed.size() == placements) {
                    break;
                }
                var r = client.send(
                        "POST",
                        "/api/quarantine/placements",
                        token,
                        "{\"personId\":%d,\"type\":\"HOME\",\"exposure\":\"MEDIUM_RISK_AREA\",\"start\":\"%s\"}"
                                .formatted(id.longValue(), Instant.now().minusSeconds(86_400)));
                if (r.status() == 201) {
                    placed.add(((Number) JsonPath.read(r.body(), "$.id")).longValue());
                }
            }
            cursor = JsonPath.read(page.body(), "$.nextCursor");
            assertThat(cursor).as("persons left in " + region).isNotNull();
        }
        System.out.printf("BENCH health-check placements=%d batch=%d threads=%d%n", placed.size(), batch, threads);

        // Warm-up.
        run(token, placed, 20_000, batch);
        long started = System.nanoTime();
        long[] latencies = run(token, placed, checks, batch);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "BENCH health-check batched: %d checks in %.2f s = %.0f checks/s; request %s%n",
                checks, seconds, checks / seconds, BenchClient.percentiles(latencies));

        run(token, placed, 2_000, 1);
        started = System.nanoTime();
        latencies = run(token, placed, singles, 1);
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "BENCH health-check single: %d checks in %.2f s = %.0f checks/s; request %s%n",
                singles, seconds, singles / seconds, BenchClient.percentiles(latencies));
    }

    /** Sends {@code total} checks in requests of {@code size} from {@code threads} clients; returns request latencies (µs). */
    long[] run(String token, List<Long> placed, int total, int size) throws Exception {
        int requests = total / size;
        long[] micros = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        StringBuilder json = new StringBuilder(size * 60);
                        String at = Instant.now().minusSeconds(60).toString();
                        if (size > 1) {
                            json.append('[');
                        }
                        for (int k = 0; k < size; k++) {
                            int n = i * size + k;
                            long placement = placed.get(n % placed.size());
                            double temperature = n % 100 == 7 ? 38.2 : 36.0 + (n % 9) / 10.0;
                            if (k > 0) {
                                json.append(',');
                            }
                            json.append(size > 1 ? "{\"placementId\":" + placement + "," : "{")
                                    .append("\"temperature\":")
                                    .append(temperature)
                                    .append(",\"symptoms\":[],\"at\":\"")
                                    .append(at)
                                    .append("\"}");
                        }
                        if (size > 1) {
                            json.append(']');
                        }
                        String path = size > 1
                                ? "/api/quarantine/checks"
                                : "/api/quarantine/placements/%d/checks".formatted(placed.get(i % placed.size()));
                        long start = System.nanoTime();
                        var r = client.send("POST", path, token, json.toString());
                        micros[i] = (System.nanoTime() - start) / 1_000;
                        if (r.status() != 200) {
                            failed.incrementAndGet();
                            System.out.println("BENCH failed " + r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(failed.get()).isZero();
        return micros;
    }
}
