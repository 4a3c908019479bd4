package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Exposure matching of one case with 20 itinerary entries over {@code pingji.bench.checkins}
 * (default 100,000,000) venue check-ins generated in PostgreSQL: 99% spread over 50,000
 * synthetic places, 1% at the 20 venues of the itinerary, all within the last 30 days. Times
 * {@code GET /api/tracing/cases/{id}/exposures} (in-process HTTP stack, JSON included), cold and
 * warm, and prints the plan.
 *
 * <p>Run: {@code ./mvnw -pl app test -Dtest=ExposureMatchingBenchmark -Dpingji.bench=true
 * -Dspotless.check.skip=true} (≈ 15 GB of disk for 100 M rows with the index).
 */
@PingjiTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class ExposureMatchingBenchmark {

    final long total = Long.getLong("pingji.bench.checkins", 100_000_000L);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.pingji.tracing.CheckIns checkIns;

    MvcTestResult post(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, basic("epi1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @Test
    void matchOneCaseAgainstAHundredMillionCheckIns() {
        List<Long> venues = jdbc.sql("select id from grid.places where kind = 'VENUE' order by id limit 20")
                .query(Long.class)
                .list();
        assertThat(venues).hasSize(20);
        long[] persons = jdbc.sql("select min(id), max(id) from person.persons")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long caseId = ((Number) JsonPath.read(
                        body(post(
                                "/api/tracing/cases",
                                """
                        {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                        .formatted(persons[0], Instant.now().minusSeconds(60)))),
                        "$.id"))
                .longValue();
        Instant day = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(25, ChronoUnit.DAYS);
        for (int i = 0; i < 20; i++) {
            Instant from = day.plus(i, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
            assertThat(post(
                            "/api/tracing/cases/%d/itinerary".formatted(caseId),
                            """
                    {"placeId":%d,"from":"%s","to":"%s"}"""
                                    .formatted(venues.get(i), from, from.plus(2, ChronoUnit.HOURS))))
                    .hasStatus(201);
        }

        long started = System.nanoTime();
        jdbc.sql("drop index tracing.checkins_place_at").update();
        String venueArray =
                "'{" + String.join(",", venues.stream().map(String::valueOf).toList()) + "}'::bigint[]";
        long chunk = 10_000_000L;
        for (long done = 0; done < total; done += chunk) {
            long n = Math.min(chunk, total - done);
            jdbc.sql("insert into tracing.checkins (place_id, at, person_id, by_staff)"
                            + " select case when g % 100 = 0 then (" + venueArray + ")[1 + (g / 100) % 20]"
                            + " else 1000000000 + (random() * 49999)::bigint end,"
                            + " now() - random() * interval '30 days',"
                            + " ? + (random() * ?)::bigint, false from generate_series(1, ?) g")
                    .params(persons[0], persons[1] - persons[0], n)
                    .update();
            System.out.printf(
                    "BENCH exposure: %,d check-ins generated (%.0f s)%n",
                    done + n, (System.nanoTime() - started) / 1e9);
        }
        jdbc.sql("set maintenance_work_mem = '1GB'").update();
        jdbc.sql("create index checkins_place_at on tracing.checkins (place_id, at) include (person_id)")
                .update();
        jdbc.sql("vacuum analyze tracing.checkins").update();
        System.out.printf(
                "BENCH exposure: %,d check-ins with index in %.0f s; table %s, index %s%n",
                total,
                (System.nanoTime() - started) / 1e9,
                jdbc.sql("select pg_size_pretty(pg_relation_size('tracing.checkins'))")
                        .query(String.class)
                        .single(),
                jdbc.sql("select pg_size_pretty(pg_relation_size('tracing.checkins_place_at'))")
                        .query(String.class)
                        .single());

        String uri = "/api/tracing/cases/%d/exposures".formatted(caseId);
        // An API token: HTTP Basic would add a password hash (~100 ms) to every call.
        String bearer = "Bearer " + JsonPath.read(body(post("/api/tokens", "{\"name\":\"bench\"}")), "$.token");
        long cold = System.nanoTime();
        var first = mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
        double coldMs = (System.nanoTime() - cold) / 1e6;
        assertThat(first).hasStatusOk();
        List<Object> candidates = JsonPath.read(body(first), "$[*].personId");
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            assertThat(mvc.get()
                            .uri(uri)
                            .header(HttpHeaders.AUTHORIZATION, bearer)
                            .exchange())
                    .hasStatusOk();
            warm.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted =
                warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "BENCH exposure: %d candidates; first call %.0f ms; warm median %.0f ms, min %.0f ms, max %.0f ms (%s)%n",
                candidates.size(),
                coldMs,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                Arrays.toString(sorted));
        var caller = new org.pingji.access.Caller(
                0, "epi1", "流调人员", org.pingji.access.Role.EPIDEMIOLOGIST, "141029", "/141029/");
        List<Double> facade = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            assertThat(checkIns.exposures(caller, caseId)).hasSize(candidates.size());
            facade.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
                "BENCH exposure: facade CheckIns.exposures %s ms%n",
                facade.stream().sorted().toList());
        jdbc.sql("explain (analyze, buffers) select ci.person_id, min(ci.at), count(*) from tracing.itinerary e"
                        + " join lateral (select person_id, at from tracing.checkins x where x.place_id = e.place_id"
                        + " and x.at between e.from_at - interval '30 minutes' and e.to_at + interval '30 minutes') ci on true"
                        + " where e.case_id = ? group by ci.person_id")
                .param(caseId)
                .query(String.class)
                .list()
                .forEach(line -> System.out.println("BENCH plan " + line));
        assertThat(sorted[sorted.length / 2]).as("warm median ms").isLessThan(1000);
    }
}
