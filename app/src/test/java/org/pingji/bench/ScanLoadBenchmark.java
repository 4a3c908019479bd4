package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Surge load on the scan API of a running Pingji: every sampling table of the county (274 in the
 * demo) is a client sending its scans in batches of 50, ten persons to a tube, the next batch as
 * soon as the last is answered. Reports durable scans/s and request latency, then coverage
 * latency and the upload of every tube's result. Modes ({@code -Dpingji.bench.mode}):
 * {@code load} (default), {@code crash} (record sent and acknowledged scans to files, run until
 * the server dies), {@code verify} (replay every sent scan and count what is present).
 *
 * <p>Run through {@code bench/scan-benchmark.sh} and {@code bench/crash-test.sh}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class ScanLoadBenchmark {

    final BenchClient client = new BenchClient(System.getProperty("pingji.bench.url", "http://127.0.0.1:18080"));
    final String mode = System.getProperty("pingji.bench.mode", "load");
    final int limit = Integer.getInteger("pingji.bench.persons", Integer.MAX_VALUE);
    final int batch = Integer.getInteger("pingji.bench.batch", 50);
    final Path dir = Path.of(System.getProperty("pingji.bench.dir", "target/bench"));
    /** Offered load in scans/s spread evenly over the tables (open loop); 0 = as fast as answers come. */
    final double rate = Double.parseDouble(System.getProperty("pingji.bench.rate", "0"));

    @Test
    void scanSurge() throws Exception {
        Files.createDirectories(dir);
        if (mode.equals("verify")) {
            verify();
            return;
        }
        String commander = client.token("commander", "demo");
        String admin = client.token("admin", "demo");
        client.send(
                "POST",
                "/api/users",
                admin,
                """
                {"username":"benchsampler","displayName":"压测采样员","password":"bench-sampler","role":"SAMPLER","jurisdictionCode":"141029"}""");
        String sampler = client.token("benchsampler", "bench-sampler");
        var opened = client.send(
                "POST",
                "/api/testing/rounds",
                commander,
                """
                {"name":"压测轮次","regionCodes":["141029"],"poolSize":10,"deadline":"%s"}"""
                        .formatted(Instant.now().plus(1, ChronoUnit.DAYS)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long round = ((Number) JsonPath.read(opened.body(), "$.id")).longValue();
        List<Number> tables = JsonPath.read(
                client.send("GET", "/api/testing/tables?round=" + round, commander, null)
                        .body(),
                "$[*].id");
        for (Number t : tables) {
            client.send("POST", "/api/testing/tables/" + t + "/samplers", commander, "{\"username\":\"benchsampler\"}");
        }
        List<Long> persons = persons(commander);
        System.out.printf(
                "BENCH round %d: %d tables, %d persons, batches of %d%n", round, tables.size(), persons.size(), batch);

        // Each table gets every n-th person and fills tubes of ten.
        List<List<String>> work = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            work.add(new ArrayList<>());
        }
        for (int i = 0; i < persons.size(); i++) {
            int t = i % tables.size();
            List<String> scans = work.get(t);
            String tube = "B%dT%dN%d".formatted(round, tables.get(t).longValue(), scans.size() / 10);
            scans.add(
                    "{\"scanId\":\"%s\",\"roundId\":%d,\"tableId\":%d,\"tubeBarcode\":\"%s\",\"person\":{\"personId\":%d},\"scannedAt\":\"%s\"}"
                            .formatted(
                                    UUID.randomUUID(),
                                    round,
                                    tables.get(t).longValue(),
                                    tube,
                                    persons.get(i),
                                    Instant.now().minusSeconds(5)));
        }
        PrintWriter sent =
                mode.equals("crash") ? new PrintWriter(Files.newBufferedWriter(dir.resolve("sent.jsonl"))) : null;
        PrintWriter acked =
                mode.equals("crash") ? new PrintWriter(Files.newBufferedWriter(dir.resolve("acked.txt"))) : null;
        if (sent != null) {
            Files.writeString(dir.resolve("round.txt"), Long.toString(round));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        // Open loop: table t sends batch b at start + phase(t) + b * interval, whatever happened before,
        // and latency is counted from that planned time (no coordinated omission).
        long intervalNanos = rate > 0 ? (long) (1e9 * batch * tables.size() / rate) : 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < work.size(); w++) {
                List<String> scans = work.get(w);
                long phase = intervalNanos * w / Math.max(1, work.size());
                pool.submit(() -> {
                    for (int from = 0; from < scans.size(); from += batch) {
                        long planned = start + phase + (from / batch) * intervalNanos;
                        if (intervalNanos > 0) {
                            long wait = planned - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        List<String> chunk = scans.subList(from, Math.min(scans.size(), from + batch));
                        String body = "[" + String.join(",", chunk) + "]";
                        if (sent != null) {
                            synchronized (sent) {
                                chunk.forEach(sent::println);
                                sent.flush();
                            }
                        }
                        long t0 = intervalNanos > 0 ? planned : System.nanoTime();
                        try {
                            var r = client.send("POST", "/api/testing/scans", sampler, body);
                            latencies.add((System.nanoTime() - t0) / 1_000);
                            if (r.status() != 200) {
                                failures.incrementAndGet();
                                if (r.status() == 503) {
                                    from -= batch; // retry the same batch after Retry-After
                                    Thread.sleep(200);
                                    continue;
                                }
                                return null;
                            }
                            // Counting by substring keeps the load generator's share of the shared
                            // CPU small; crash mode parses the answer to record acknowledged ids.
                            int ok = occurrences(r.body(), "\"outcome\":\"ACCEPTED\"");
                            accepted.addAndGet(ok);
                            other.addAndGet(chunk.size() - ok);
                            if (acked != null) {
                                List<String> outcomes = JsonPath.read(r.body(), "$[*].outcome");
                                List<String> ids = JsonPath.read(r.body(), "$[*].scanId");
                                synchronized (acked) {
                                    for (int i = 0; i < ids.size(); i++) {
                                        if (outcomes.get(i).equals("ACCEPTED")) {
                                            acked.println(ids.get(i));
                                        }
                                    }
                                    acked.flush();
                                }
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            if (mode.equals("crash")) {
                                return null; // the server is gone
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] micros = latencies.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(
                "BENCH scans (%s): accepted=%d other=%d failed-requests=%d in %.1f s = %.0f durable scans/s; requests %s%n",
                rate > 0 ? "offered %.0f scans/s".formatted(rate) : "closed loop",
                accepted.get(),
                other.get(),
                failures.get(),
                seconds,
                accepted.get() / seconds,
                BenchClient.percentiles(micros));
        if (sent != null) {
            sent.close();
            acked.close();
            System.out.printf(
                    "BENCH crash mode: acknowledged=%d written to %s%n", accepted.get(), dir.resolve("acked.txt"));
            return;
        }
        coverageAndResults(round, commander, tables, work);
    }

    private void coverageAndResults(long round, String commander, List<Number> tables, List<List<String>> work)
            throws Exception {
        long[] coverage = new long[200];
        for (int i = 0; i < coverage.length; i++) {
            long t0 = System.nanoTime();
            var r = client.send("GET", "/api/testing/rounds/" + round + "/coverage?region=141029", commander, null);
            coverage[i] = (System.nanoTime() - t0) / 1_000;
            if (i == 0) {
                System.out.println("BENCH coverage: " + r.body());
            }
        }
        System.out.println("BENCH coverage county " + BenchClient.percentiles(coverage));
        // Seal the partly filled last tube of each table, then upload one result per tube.
        String sampler = client.token("benchsampler", "bench-sampler");
        StringBuilder csv = new StringBuilder("试管条码,结果,Ct值\n");
        int tubes = 0;
        for (int t = 0; t < tables.size(); t++) {
            int tubesAtTable = (work.get(t).size() + 9) / 10;
            for (int n = 0; n < tubesAtTable; n++) {
                String tube = "B%dT%dN%d".formatted(round, tables.get(t).longValue(), n);
                if (n == tubesAtTable - 1 && work.get(t).size() % 10 != 0) {
                    // Full tubes sealed themselves; only the last one may still be open.
                    client.send("POST", "/api/testing/tubes/" + tube + "/seal", sampler, null);
                }
                csv.append(tube).append(tubes % 1000 == 7 ? ",阳性,30.1\n" : ",阴性,\n");
                tubes++;
            }
        }
        Path file = dir.resolve("results.csv");
        Files.writeString(file, csv);
        String lab = client.token("lab1", "demo");
        long t0 = System.nanoTime();
        var upload = client.http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base + "/api/testing/results/upload"))
                        .header("Authorization", lab)
                        .header("Content-Type", "multipart/form-data; boundary=BENCH")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart(Files.readAllBytes(file))))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "BENCH results upload: %d tubes (%d positive) in %.2f s: HTTP %d %s%n",
                tubes,
                tubes / 1000,
                seconds,
                upload.statusCode(),
                upload.body().length() > 200 ? upload.body().substring(0, 200) : upload.body());
    }

    static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private static byte[] multipart(byte[] content) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--BENCH\r\nContent-Disposition: form-data; name=\"file\"; filename=\"results.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--BENCH--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Everyone in the county, walked with the keyset cursor (constant cost per page). */
    private List<Long> persons(String commander) throws Exception {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            String body = client.send(
                            "GET",
                            "/api/persons?region=141029&size=500" + (cursor == null ? "" : "&cursor=" + cursor),
                            commander,
                            null)
                    .body();
            List<Number> batchIds = JsonPath.read(body, "$.content[*].id");
            batchIds.forEach(n -> ids.add(n.longValue()));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null && ids.size() < limit);
        return ids.size() > limit ? ids.subList(0, limit) : ids;
    }

    /** After a crash and restart: replay every sent scan; every acknowledged one must come back DUPLICATE. */
    private void verify() throws Exception {
        List<String> sent = Files.readAllLines(dir.resolve("sent.jsonl"));
        java.util.Set<String> acked = new java.util.HashSet<>(Files.readAllLines(dir.resolve("acked.txt")));
        String sampler = client.token("benchsampler", "bench-sampler");
        long present = 0;
        long lost = 0;
        long newlyAccepted = 0;
        long rejected = 0;
        for (int from = 0; from < sent.size(); from += 200) {
            List<String> chunk = sent.subList(from, Math.min(sent.size(), from + 200));
            var r = client.send("POST", "/api/testing/scans", sampler, "[" + String.join(",", chunk) + "]");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<String> outcomes = JsonPath.read(r.body(), "$[*].outcome");
            List<String> ids = JsonPath.read(r.body(), "$[*].scanId");
            for (int i = 0; i < ids.size(); i++) {
                boolean wasAcked = acked.contains(ids.get(i));
                switch (outcomes.get(i)) {
                    case "DUPLICATE" -> present += wasAcked ? 1 : 0;
                    case "ACCEPTED" -> {
                        newlyAccepted++;
                        lost += wasAcked ? 1 : 0;
                    }
                    default -> rejected++;
                }
            }
        }
        // Replaying a second time must change nothing at all.
        long secondAccepted = 0;
        for (int from = 0; from < sent.size(); from += 200) {
            var r = client.send(
                    "POST",
                    "/api/testing/scans",
                    sampler,
                    "[" + String.join(",", sent.subList(from, Math.min(sent.size(), from + 200))) + "]");
            List<String> outcomes = JsonPath.read(r.body(), "$[*].outcome");
            secondAccepted += outcomes.stream().filter("ACCEPTED"::equals).count();
        }
        String round = Files.readString(dir.resolve("round.txt")).trim();
        String commander = client.token("commander", "demo");
        Number sampled = JsonPath.read(
                client.send("GET", "/api/testing/rounds/" + round + "/coverage?region=141029", commander, null)
                        .body(),
                "$.sampled");
        System.out.printf(
                "BENCH crash verify: sent=%d acknowledged=%d present=%d lost=%d accepted-on-replay=%d rejected=%d "
                        + "second-replay-accepted=%d sampled-in-coverage=%d duplicated=%d%n",
                sent.size(),
                acked.size(),
                present,
                lost,
                newlyAccepted,
                rejected,
                secondAccepted,
                sampled.longValue(),
                sampled.longValue() - (present + newlyAccepted));
        assertThat(lost).isZero();
        assertThat(present).isEqualTo(acked.size());
        assertThat(secondAccepted).isZero();
    }
}
