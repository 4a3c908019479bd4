package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What final results do to people, in the results' transaction: coverage counters, recalls
 * (single retest for positive pools, resampling for invalid tubes), settled retests and the
 * events other modules react to. Changes to the in-memory recall lists run after the commit.
 */
final class ResultEffects {

    /** A sample in a tube: whose, which attempt, where they live. */
    record Member(long roundId, long personId, int attempt, String microGridCode, String path) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ScanState state;
    private final Instant now;

    ResultEffects(JdbcClient jdbc, ApplicationEventPublisher events, ScanState state, Instant now) {
        this.jdbc = jdbc;
        this.events = events;
        this.state = state;
        this.now = now;
    }

    void apply(
            List<ResultReport> applied,
            Map<String, String> retestOf,
            Map<String, List<Member>> members,
            List<Runnable> afterCommit) {
        Map<String, long[]> coverage = new HashMap<>(); // key round:grid -> {resulted, positive}
        Map<String, String> coveragePath = new HashMap<>();
        List<Object[]> recalls = new ArrayList<>();
        List<Object[]> settled = new ArrayList<>();
        for (ResultReport r : applied) {
            List<Member> inTube = members.getOrDefault(r.tubeBarcode(), List.of());
            boolean pool = !retestOf.containsKey(r.tubeBarcode());
            for (Member m : inTube) {
                if (m.attempt() > 1) {
                    settled.add(new Object[] {
                        m.roundId(), m.personId(), r.tubeBarcode(), r.result().name()
                    });
                }
                if (pool && r.result() != ResultReport.Result.INVALID) {
                    String key = m.roundId() + ":" + m.microGridCode();
                    long[] counts = coverage.computeIfAbsent(key, k -> new long[2]);
                    counts[0]++;
                    if (r.result() == ResultReport.Result.POSITIVE) {
                        counts[1]++;
                    }
                    coveragePath.put(key, m.path());
                }
                if (pool && r.result() != ResultReport.Result.NEGATIVE) {
                    boolean positive = r.result() == ResultReport.Result.POSITIVE;
                    recalls.add(new Object[] {
                        m.roundId(),
                        m.personId(),
                        r.tubeBarcode(),
                        positive ? "POSITIVE_POOL" : "INVALID_TUBE",
                        m.path()
                    });
                    afterCommit.add(() -> recall(m.roundId(), m.personId(), r.tubeBarcode(), positive));
                }
            }
            if (pool && r.result() == ResultReport.Result.POSITIVE && !inTube.isEmpty()) {
                events.publishEvent(new PoolTestedPositive(
                        inTube.getFirst().roundId(),
                        r.tubeBarcode(),
                        inTube.stream().map(Member::personId).toList(),
                        reportedAt(r)));
            }
            if (!pool && r.result() == ResultReport.Result.POSITIVE) {
                inTube.forEach(m -> events.publishEvent(new RetestTestedPositive(
                        m.roundId(), m.personId(), r.tubeBarcode(), retestOf.get(r.tubeBarcode()), reportedAt(r))));
            }
            if (!pool && r.result() == ResultReport.Result.NEGATIVE) {
                inTube.forEach(m -> events.publishEvent(new RetestTestedNegative(
                        m.roundId(), m.personId(), r.tubeBarcode(), retestOf.get(r.tubeBarcode()), reportedAt(r))));
            }
            if (r.result() == ResultReport.Result.INVALID) {
                // The retest or resample itself failed: the person is called back once more.
                inTube.stream()
                        .filter(m -> m.attempt() > 1)
                        .forEach(m -> afterCommit.add(() -> {
                            recall(
                                    m.roundId(),
                                    m.personId(),
                                    pool ? r.tubeBarcode() : retestOf.get(r.tubeBarcode()),
                                    !pool);
                        }));
            }
        }
        writeCoverage(coverage, coveragePath);
        writeRecalls(recalls);
        writeSettled(settled);
    }

    private Instant reportedAt(ResultReport r) {
        return r.reportedAt() == null ? now : r.reportedAt();
    }

    private void recall(long roundId, long personId, String poolBarcode, boolean single) {
        ScanState.Round round = state.rounds.get(roundId);
        if (round != null) {
            round.recalled.put(personId, new ScanState.Recall(poolBarcode, single));
        }
    }

    private void writeCoverage(Map<String, long[]> coverage, Map<String, String> paths) {
        if (coverage.isEmpty()) {
            return;
        }
        String[] keys = coverage.keySet().toArray(String[]::new);
        jdbc.sql(
                        """
                        insert into testing.coverage (round_id, micro_grid_code, path, resulted, positive)
                        select r, g, p, n, x from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                          as u(r, g, p, n, x)
                        on conflict (round_id, micro_grid_code) do update
                          set resulted = testing.coverage.resulted + excluded.resulted,
                              positive = testing.coverage.positive + excluded.positive""")
                .params(
                        java.util.Arrays.stream(keys)
                                .map(k -> Long.parseLong(k.substring(0, k.indexOf(':'))))
                                .toArray(Long[]::new),
                        java.util.Arrays.stream(keys)
                                .map(k -> k.substring(k.indexOf(':') + 1))
                                .toArray(String[]::new),
                        java.util.Arrays.stream(keys).map(paths::get).toArray(String[]::new),
                        java.util.Arrays.stream(keys)
                                .map(k -> coverage.get(k)[0])
                                .toArray(Long[]::new),
                        java.util.Arrays.stream(keys)
                                .map(k -> coverage.get(k)[1])
                                .toArray(Long[]::new))
                .update();
    }

    private void writeRecalls(List<Object[]> recalls) {
        if (recalls.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into testing.recalls (round_id, person_id, pool_barcode, reason, path, created_at)
                        select r, p, b, x, pa, ? from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                          as u(r, p, b, x, pa)
                        on conflict do nothing""")
                .params(
                        Timestamp.from(now),
                        column(recalls, 0, Long.class),
                        column(recalls, 1, Long.class),
                        column(recalls, 2, String.class),
                        column(recalls, 3, String.class),
                        column(recalls, 4, String.class))
                .update();
    }

    /** A retest or resample resulted: the recall it answered takes the result (INVALID: awaiting again). */
    private void writeSettled(List<Object[]> settled) {
        if (settled.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update testing.recalls c set
                          status = case when u.x = 'INVALID' then 'AWAITING' else u.x end,
                          retest_barcode = case when u.x = 'INVALID' then null else c.retest_barcode end
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as u(r, p, b, x)
                        where c.round_id = u.r and c.person_id = u.p and c.retest_barcode = u.b and c.status = 'RESAMPLED'""")
                .params(
                        column(settled, 0, Long.class),
                        column(settled, 1, Long.class),
                        column(settled, 2, String.class),
                        column(settled, 3, String.class))
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
        T[] values = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values[i] = type.cast(rows.get(i)[index]);
        }
        return values;
    }
}
