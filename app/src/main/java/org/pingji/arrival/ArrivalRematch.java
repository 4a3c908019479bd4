package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.arrival.ArrivalTasks.TaskRow;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.Recomputed;
import org.pingji.policy.PolicyEdition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-matches recent arrivals from changed risk areas: one read per code, batched writes. */
@Component
class ArrivalRematch {

    /** A recorded arrival as the re-match reads it. */
    private record Recorded(
            long personId,
            String originCode,
            Instant departed,
            Instant arrived,
            String exposure,
            String path,
            String edition) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArrivalRisks risks;
    private final ArrivalTasks tasks;
    private final TransactionTemplate transactions;

    ArrivalRematch(
            JdbcClient jdbc, Clock clock, ArrivalRisks risks, ArrivalTasks tasks, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.risks = risks;
        this.tasks = tasks;
        this.transactions = transactions;
    }

    Recomputed recompute(List<String> codes) {
        long started = System.nanoTime();
        Instant since = clock.instant().minus(Duration.ofDays(60));
        RiskMatcher matcher = risks.matcher();
        Map<Long, Recorded> rows = new LinkedHashMap<>();
        for (String code : codes.stream().distinct().toList()) {
            jdbc.sql(
                            """
                            select id, person_id, origin_code, departed_at, arrived_at, exposure, path, policy_edition
                              from arrival.arrivals where origin_code like ? and arrived_at >= ?""")
                    .params(code + "%", Timestamp.from(since))
                    .query(rs -> {
                        rows.put(
                                rs.getLong(1),
                                new Recorded(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getTimestamp(4).toInstant(),
                                        rs.getTimestamp(5).toInstant(),
                                        rs.getString(6),
                                        rs.getString(7),
                                        rs.getString(8)));
                    });
        }
        long read = System.nanoTime();
        Map<String, PolicyEdition> editions = new HashMap<>();
        List<Long> changedIds = new ArrayList<>();
        List<String> changedExposure = new ArrayList<>();
        List<String> changedArea = new ArrayList<>();
        List<TaskRow> newTasks = new ArrayList<>();
        for (var e : rows.entrySet()) {
            long id = e.getKey();
            Recorded r = e.getValue();
            PolicyEdition edition = risks.editionOn(editions, r.arrived());
            RiskMatcher.Match match =
                    matcher.classify(r.originCode(), r.departed(), r.arrived(), edition.travelHistoryDays());
            if (!match.exposure().name().equals(r.exposure())) {
                changedIds.add(id);
                changedExposure.add(match.exposure().name());
                changedArea.add(match.window() == null ? "" : match.window().areaText());
                for (Measure m : ArrivalMeasures.measures(
                        edition.measures(match.exposure()), ArrivalMeasures.start(r.arrived(), match))) {
                    newTasks.add(new TaskRow(id, r.personId(), r.path(), m, edition.reference()));
                }
            }
        }
        // Statuses need no writing: they are judged on read against the risk versions now known.
        // What follows is the arrivals' recorded exposure and the grid workers' new tasks.
        long statuses = System.nanoTime();
        TransactionTemplate phase = new TransactionTemplate(transactions.getTransactionManager());
        phase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        phase.executeWithoutResult(tx -> {
            updateExposures(changedIds, changedExposure, changedArea);
            tasks.insert(newTasks);
        });
        long done = System.nanoTime();
        return new Recomputed(
                rows.size(),
                changedIds.size(),
                newTasks.size(),
                (read - started) / 1_000_000,
                (statuses - read) / 1_000_000,
                (done - statuses) / 1_000_000);
    }

    private void updateExposures(List<Long> changedIds, List<String> changedExposure, List<String> changedArea) {
        for (int from = 0; from < changedIds.size(); from += 20_000) {
            int to = Math.min(changedIds.size(), from + 20_000);
            jdbc.sql(
                            """
                            update arrival.arrivals a set exposure = c.exposure, risk_area = c.area
                              from unnest(?::bigint[], ?::text[], ?::text[]) c(id, exposure, area) where a.id = c.id""")
                    .params(
                            changedIds.subList(from, to).toArray(Long[]::new),
                            changedExposure.subList(from, to).toArray(String[]::new),
                            changedArea.subList(from, to).toArray(String[]::new))
                    .update();
        }
    }
}
