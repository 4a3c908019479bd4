package org.pingji.testing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Results at the lab, applied in bulk: a tube's first result is final; the same result again is
 * a repeat; a different later one is kept as a conflict for review and not applied. A positive
 * pool recalls its members for single retests and publishes {@link PoolTestedPositive}; an
 * invalid tube recalls its members for resampling; a retest's result settles the recall.
 */
@Component
class LabDesk {

    private record Tube(String barcode, long roundId, String status, String retestOf, String result) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ScanWriter writer;
    private final Clock clock;

    LabDesk(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            ScanWriter writer,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Checks and applies reports. With {@code allOrNothing} any rejected report rejects the whole
     * batch (file uploads); otherwise the acceptable ones are applied and each gets its outcome.
     */
    List<ResultOutcome> record(Caller caller, List<ResultReport> reports, boolean allOrNothing) {
        caller.require(Permission.LAB_REPORT);
        Instant now = Instant.now(clock);
        Map<String, Tube> tubes = loadTubes(reports);
        Map<String, String> firstInBatch = new HashMap<>();
        List<ResultOutcome> outcomes = new ArrayList<>(reports.size());
        List<ResultReport> applied = new ArrayList<>();
        List<ResultReport> logged = new ArrayList<>();
        List<ResultOutcome.Outcome> dispositions = new ArrayList<>();
        for (ResultReport r : reports) {
            String barcode =
                    r.tubeBarcode() == null ? "" : r.tubeBarcode().trim().toUpperCase(Locale.ROOT);
            Tube tube = tubes.get(barcode);
            String problem = problem(r, tube, now);
            if (problem != null) {
                outcomes.add(new ResultOutcome(r.tubeBarcode(), ResultOutcome.Outcome.REJECTED, problem));
                continue;
            }
            String earlier = tube.result() != null ? tube.result() : firstInBatch.get(barcode);
            ResultReport normalised = new ResultReport(barcode, r.result(), r.ctValue(), r.reportedAt());
            ResultOutcome.Outcome outcome;
            String message;
            if (earlier == null) {
                outcome = ResultOutcome.Outcome.APPLIED;
                message = "已登记：%s".formatted(label(r.result()));
                firstInBatch.put(barcode, r.result().name());
                applied.add(normalised);
            } else if (earlier.equals(r.result().name())) {
                outcome = ResultOutcome.Outcome.REPEATED;
                message = "结果与已登记结果一致";
            } else {
                outcome = ResultOutcome.Outcome.CONFLICT;
                message = "与已登记结果（%s）冲突，已留存待复核，未生效".formatted(label(ResultReport.Result.valueOf(earlier)));
            }
            logged.add(normalised);
            dispositions.add(outcome);
            outcomes.add(new ResultOutcome(barcode, outcome, message));
        }
        boolean rejected = outcomes.stream().anyMatch(o -> o.outcome() == ResultOutcome.Outcome.REJECTED);
        if (allOrNothing && rejected) {
            return outcomes;
        }
        List<Runnable> afterCommit = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            insertLog(logged, dispositions, caller.username());
            applyFinal(applied, tubes, now, afterCommit);
        });
        afterCommit.forEach(Runnable::run);
        return outcomes;
    }

    /** Positive tubes and conflicting reports of the last 7 days, newest first (at most 500). */
    List<LabEntry> attention(Caller caller) {
        caller.require(Permission.LAB_REPORT);
        return jdbc.sql(
                        """
                        select r.tube_barcode, t.round_id, r.result, r.ct_value, r.reported_at, r.reported_by, r.disposition, t.result
                        from testing.results r join testing.tubes t on t.barcode = r.tube_barcode
                        where (r.disposition = 'CONFLICT' or (r.disposition = 'FINAL' and r.result = 'POSITIVE'))
                          and r.reported_at > ?
                        order by r.reported_at desc, r.id desc limit 500""")
                .param(Timestamp.from(Instant.now(clock).minus(java.time.Duration.ofDays(7))))
                .query((rs, n) -> new LabEntry(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    private static String label(ResultReport.Result result) {
        return switch (result) {
            case NEGATIVE -> "阴性";
            case POSITIVE -> "阳性";
            case INVALID -> "无效";
        };
    }

    private static String problem(ResultReport r, Tube tube, Instant now) {
        if (r.tubeBarcode() == null
                || !ScanBatch.BARCODE
                        .matcher(r.tubeBarcode().trim().toUpperCase(Locale.ROOT))
                        .matches()) {
            return "试管条码格式错误：%s".formatted(r.tubeBarcode());
        }
        if (tube == null) {
            return "试管 %s 不存在".formatted(r.tubeBarcode());
        }
        if ("OPEN".equals(tube.status())) {
            return "试管 %s 尚未封管".formatted(tube.barcode());
        }
        if (r.result() == null) {
            return "缺少检测结果（NEGATIVE/POSITIVE/INVALID）";
        }
        if (r.ctValue() != null
                && (r.ctValue().compareTo(BigDecimal.ZERO) < 0 || r.ctValue().compareTo(BigDecimal.valueOf(50)) > 0)) {
            return "Ct值 %s 超出范围（0-50）".formatted(r.ctValue());
        }
        if (r.reportedAt() != null && r.reportedAt().isAfter(now.plusSeconds(300))) {
            return "报告时间 %s 晚于当前时间".formatted(r.reportedAt());
        }
        return null;
    }

    private Map<String, Tube> loadTubes(List<ResultReport> reports) {
        String[] barcodes = reports.stream()
                .map(r -> r.tubeBarcode() == null ? "" : r.tubeBarcode().trim().toUpperCase(Locale.ROOT))
                .distinct()
                .toArray(String[]::new);
        Map<String, Tube> tubes = new HashMap<>(barcodes.length * 2);
        jdbc.sql("select barcode, round_id, status, retest_of, result from testing.tubes where barcode = any(?)")
                .param(barcodes)
                .query(rs -> {
                    tubes.put(
                            rs.getString(1),
                            new Tube(
                                    rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return tubes;
    }

    private void insertLog(List<ResultReport> logged, List<ResultOutcome.Outcome> dispositions, String by) {
        if (logged.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        jdbc.sql(
                        """
                        insert into testing.results (tube_barcode, result, ct_value, reported_at, reported_by, disposition)
                        select b, r, c, a, ?, d from unnest(?::text[], ?::text[], ?::numeric[], ?::timestamptz[], ?::text[])
                          as u(b, r, c, a, d)""")
                .params(
                        by,
                        logged.stream().map(ResultReport::tubeBarcode).toArray(String[]::new),
                        logged.stream().map(r -> r.result().name()).toArray(String[]::new),
                        logged.stream().map(ResultReport::ctValue).toArray(BigDecimal[]::new),
                        logged.stream()
                                .map(r -> Timestamp.from(r.reportedAt() == null ? now : r.reportedAt()))
                                .toArray(Timestamp[]::new),
                        dispositions.stream()
                                .map(d -> d == ResultOutcome.Outcome.APPLIED ? "FINAL" : d.name())
                                .toArray(String[]::new))
                .update();
    }

    private void applyFinal(
            List<ResultReport> applied, Map<String, Tube> tubes, Instant now, List<Runnable> afterCommit) {
        if (applied.isEmpty()) {
            return;
        }
        String[] barcodes = applied.stream().map(ResultReport::tubeBarcode).toArray(String[]::new);
        jdbc.sql(
                        """
                        update testing.tubes t set result = u.r, ct_value = u.c, resulted_at = u.a, status = 'RESULTED'
                        from unnest(?::text[], ?::text[], ?::numeric[], ?::timestamptz[]) as u(b, r, c, a) where t.barcode = u.b""")
                .params(
                        barcodes,
                        applied.stream().map(r -> r.result().name()).toArray(String[]::new),
                        applied.stream().map(ResultReport::ctValue).toArray(BigDecimal[]::new),
                        applied.stream()
                                .map(r -> Timestamp.from(r.reportedAt() == null ? now : r.reportedAt()))
                                .toArray(Timestamp[]::new))
                .update();
        Map<String, List<ResultEffects.Member>> members = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select tube_barcode, round_id, person_id, attempt, micro_grid_code, path from testing.samples
                        where tube_barcode = any(?) order by tube_barcode, person_id""")
                .param(barcodes)
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ResultEffects.Member(
                                    rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
                });
        Map<String, String> retestOf = new HashMap<>();
        tubes.values().forEach(t -> {
            if (t.retestOf() != null) {
                retestOf.put(t.barcode(), t.retestOf());
            }
        });
        new ResultEffects(jdbc, events, writer.state(), now).apply(applied, retestOf, members, afterCommit);
    }
}
