package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.policy.Exposure;
import org.pingji.policy.Measures;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.policy.QuarantineKind;
import org.pingji.risk.RiskAreas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The facade of arrivals: report, measures, tasks, counts, and re-matching on risk changes. */
@Service
public class Arrivals {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** An arrival to record. */
    public record NewArrival(
            long personId, String origin, String route, Instant departedAt, Instant arrivedAt, String transport) {}

    /** A required measure with its due time (and end, for quarantine and monitoring). */
    public record Measure(String kind, int day, Instant due, Instant until) {}

    public record ArrivalView(
            long id,
            long personId,
            String origin,
            String originCode,
            String originName,
            Instant departedAt,
            Instant arrivedAt,
            String transport,
            String reportedVia,
            Exposure exposure,
            String riskArea,
            String policyEdition,
            List<Measure> measures) {}

    public record Task(
            long id,
            long arrivalId,
            long personId,
            String personName,
            String kind,
            int day,
            Instant due,
            Instant until,
            boolean overdue,
            Instant doneAt,
            String doneBy,
            String outcome) {}

    /** Arrivals per region: screened, out of province, by exposure, and required quarantines. */
    public record RegionCounts(
            String regionCode,
            long screened,
            long outOfProvince,
            long highRisk,
            long mediumRisk,
            long centralQuarantine,
            long homeQuarantine) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonDirectory persons;
    private final PolicyEditions policy;
    private final RiskAreas risk;
    private volatile CachedMatcher matcher;
    private final AccessManagement access;
    private final TransactionTemplate transactions;

    Arrivals(
            JdbcClient jdbc,
            Clock clock,
            PersonDirectory persons,
            PolicyEditions policy,
            RiskAreas risk,
            AccessManagement access,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.persons = persons;
        this.policy = policy;
        this.risk = risk;
        this.access = access;
    }

    /** Records an arrival and derives its exposure, measures, tasks and status reasons. */
    @Transactional
    public ArrivalView report(Caller caller, NewArrival a, String via) {
        PersonRef person = persons.byIds(List.of(a.personId())).get(a.personId());
        if (person == null) {
            throw new PersonNotFound(a.personId());
        }
        boolean own = access.personOf(caller).map(id -> id == a.personId()).orElse(false);
        boolean staff = caller.can(Permission.CHECKPOINT_CHECK)
                || (caller.can(Permission.ARRIVAL_RECORD) && caller.covers(person.path()));
        if (!own && !staff) {
            throw new PersonNotFound(a.personId());
        }
        Instant now = clock.instant();
        if (a.departedAt() == null || a.arrivedAt() == null) {
            throw new IllegalArgumentException("departedAt, arrivedAt: 出发和到达时间都必须填写");
        }
        if (a.arrivedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new IllegalArgumentException("arrivedAt: 到达时间不能晚于现在");
        }
        if (a.arrivedAt().isBefore(a.departedAt())) {
            throw new IllegalArgumentException("arrivedAt: 到达时间不能早于出发时间");
        }
        if (a.arrivedAt().isBefore(now.minus(LOOKBACK))) {
            throw new IllegalArgumentException("arrivedAt: 到达已超过60天，无需报备");
        }
        if (Duration.between(a.departedAt(), a.arrivedAt()).toDays() > 30) {
            throw new IllegalArgumentException("departedAt: 行程超过30天，请分段报备");
        }
        if (a.transport() == null || a.transport().isBlank()) {
            throw new IllegalArgumentException("transport: 交通方式必须填写");
        }
        String originCode = risk.resolve(a.origin())
                .orElseThrow(() -> new IllegalArgumentException(
                        "origin: 无法识别出发地“%s”的省份或城市".formatted(a.origin() == null ? "" : a.origin())));
        PolicyEdition edition = policy.inForce(a.arrivedAt());
        RiskMatcher matcher = new RiskMatcher(risk.windowsSince(a.departedAt().minus(Duration.ofDays(60))));
        RiskMatcher.Match match =
                matcher.classify(originCode, a.departedAt(), a.arrivedAt(), edition.travelHistoryDays());
        String riskArea = match.window() == null ? "" : match.window().areaText();
        long id = jdbc.sql(
                        """
                        insert into arrival.arrivals (person_id, path, micro_grid_code, origin_text, origin_code, route,
                               transport, departed_at, arrived_at, reported_via, reported_by, exposure, risk_area,
                               policy_edition, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        person.id(),
                        person.path(),
                        person.microGridCode(),
                        a.origin().strip(),
                        originCode,
                        a.route() == null ? "" : a.route().strip(),
                        a.transport().strip(),
                        Timestamp.from(a.departedAt()),
                        Timestamp.from(a.arrivedAt()),
                        via,
                        caller.username(),
                        match.exposure().name(),
                        riskArea,
                        edition.reference(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        Instant start = start(a.arrivedAt(), match);
        List<Measure> measures = measures(edition.measures(match.exposure()), start);
        insertTasks(id, person, measures, edition.reference());
        return arrival(id);
    }

    private static Instant start(Instant arrived, RiskMatcher.Match match) {
        return match.window() != null && match.window().from().isAfter(arrived)
                ? match.window().from()
                : arrived;
    }

    /** The measures of an exposure from a start: quarantine, tests on their days, monitoring. */
    static List<Measure> measures(Measures m, Instant start) {
        List<Measure> out = new ArrayList<>();
        LocalDate day1 = start.atZone(BEIJING).toLocalDate();
        if (m.quarantine() != QuarantineKind.NONE) {
            out.add(new Measure(
                    m.quarantine() == QuarantineKind.CENTRAL ? "CENTRAL_QUARANTINE" : "HOME_QUARANTINE",
                    0,
                    start.plus(Duration.ofHours(2)),
                    start.plus(Duration.ofDays(m.quarantineDays()))));
        }
        for (int d : m.testDays()) {
            Instant due = day1.plusDays(d).atStartOfDay(BEIJING).toInstant().minusSeconds(1);
            out.add(new Measure("TEST", d, due, null));
        }
        if (m.monitoringDays() > 0) {
            Instant from = start.plus(Duration.ofDays(m.quarantineDays()));
            out.add(new Measure(
                    "MONITORING", m.quarantineDays() + 1, from, from.plus(Duration.ofDays(m.monitoringDays()))));
        }
        return out;
    }

    /**
     * A high- or medium-risk arrival that applies to a person at an instant: from the later of the
     * arrival and the area's listing, until the edition's travel-history days after the arrival.
     */
    public record ArrivalRisk(
            long arrivalId,
            long personId,
            Exposure exposure,
            String areaText,
            String levelLabel,
            Instant since,
            Instant until,
            String policyEdition) {}

    private record CachedMatcher(long version, RiskMatcher matcher) {}

    private static final Duration LOOKBACK = Duration.ofDays(60);

    /** The risk windows of the last months, reloaded when the risk version moves. */
    private RiskMatcher matcher() {
        long v = risk.version();
        CachedMatcher m = matcher;
        if (m == null || m.version() != v) {
            m = new CachedMatcher(
                    v, new RiskMatcher(risk.windowsSince(clock.instant().minus(LOOKBACK.multipliedBy(2)))));
            matcher = m;
        }
        return m.matcher();
    }

    /**
     * The risk reasons a person's recent arrivals give at an instant, judged against the risk
     * versions now known (so a notice applied after the trip counts at once) and the edition in
     * force at each arrival.
     */
    public List<ArrivalRisk> risksOf(long personId, Instant at) {
        return risksOf(List.of(personId), at);
    }

    /** The same for many persons in one query (dashboards, benchmarks). */
    public List<ArrivalRisk> risksOf(java.util.Collection<Long> personIds, Instant at) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        RiskMatcher m = matcher();
        Map<String, PolicyEdition> editions = new HashMap<>();
        List<ArrivalRisk> out = new ArrayList<>();
        jdbc.sql(
                        """
                        select id, person_id, origin_code, departed_at, arrived_at from arrival.arrivals
                         where person_id = any(?) and arrived_at >= ? and arrived_at <= ?""")
                .params(personIds.toArray(Long[]::new), Timestamp.from(at.minus(LOOKBACK)), Timestamp.from(at))
                .query(rs -> {
                    Instant departed = rs.getTimestamp(4).toInstant();
                    Instant arrived = rs.getTimestamp(5).toInstant();
                    PolicyEdition edition = editions.computeIfAbsent(
                            arrived.atZone(BEIJING).toLocalDate().toString(), k -> policy.inForce(arrived));
                    RiskMatcher.Match match =
                            m.classify(rs.getString(3), departed, arrived, edition.travelHistoryDays());
                    if (match.window() == null) {
                        return;
                    }
                    Instant since = start(arrived, match);
                    Instant until = arrived.plus(Duration.ofDays(edition.travelHistoryDays()));
                    if (since.isAfter(at) || !until.isAfter(at)) {
                        return;
                    }
                    out.add(new ArrivalRisk(
                            rs.getLong(1),
                            rs.getLong(2),
                            match.exposure(),
                            match.window().areaText(),
                            match.window().level().label(),
                            since,
                            until,
                            edition.reference()));
                });
        return out;
    }

    private void insertTasks(long arrivalId, PersonRef person, List<Measure> measures, String edition) {
        for (Measure m : measures) {
            jdbc.sql(
                            """
                            insert into arrival.tasks (arrival_id, person_id, path, kind, day, due, until, policy_edition)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (arrival_id, kind, day) do nothing""")
                    .params(
                            arrivalId,
                            person.id(),
                            person.path(),
                            m.kind(),
                            m.day(),
                            Timestamp.from(m.due()),
                            m.until() == null ? null : Timestamp.from(m.until()),
                            edition)
                    .update();
        }
    }

    /** One arrival, if the caller may see it (their own, or in the jurisdiction). */
    public ArrivalView arrival(Caller caller, long id) {
        var row = jdbc.sql("select person_id, path from arrival.arrivals where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 %d 的报备".formatted(id)));
        boolean own = access.personOf(caller).map(p -> p == (long) row[0]).orElse(false);
        if (!own) {
            caller.require(Permission.REGION_READ);
            caller.requireCovers((String) row[1], "报备 " + id);
        }
        return arrival(id);
    }

    ArrivalView arrival(long id) {
        var view = jdbc.sql(
                        """
                        select id, person_id, origin_text, origin_code, departed_at, arrived_at, transport, reported_via,
                               exposure, risk_area, policy_edition from arrival.arrivals where id = ?""")
                .param(id)
                .query((rs, n) -> new ArrivalView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        risk.divisionName(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        Exposure.valueOf(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11),
                        List.of()))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 %d 的报备".formatted(id)));
        List<Measure> measures = jdbc.sql(
                        "select kind, day, due, until from arrival.tasks where arrival_id = ? order by due, kind")
                .param(id)
                .query((rs, n) -> new Measure(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
        return new ArrivalView(
                view.id(),
                view.personId(),
                view.origin(),
                view.originCode(),
                view.originName(),
                view.departedAt(),
                view.arrivedAt(),
                view.transport(),
                view.reportedVia(),
                view.exposure(),
                view.riskArea(),
                view.policyEdition(),
                measures);
    }

    /** A person's arrivals since an instant, newest first (unscoped: checkpoints decide with them). */
    public List<ArrivalView> arrivalsOf(long personId, Instant since) {
        return jdbc
                .sql("select id from arrival.arrivals where person_id = ? and arrived_at >= ? order by arrived_at desc")
                .params(personId, Timestamp.from(since))
                .query(Long.class)
                .list()
                .stream()
                .map(this::arrival)
                .toList();
    }

    /** Recent arrivals in the caller's jurisdiction, newest first. */
    public List<ArrivalView> recent(Caller caller, int limit) {
        caller.require(Permission.REGION_READ);
        return jdbc
                .sql("select id from arrival.arrivals where path like ? order by arrived_at desc limit ?")
                .params(caller.pathPattern(), Math.min(Math.max(limit, 1), 500))
                .query(Long.class)
                .list()
                .stream()
                .map(this::arrival)
                .toList();
    }

    /** Open (or all) tasks in the caller's jurisdiction, earliest due first. */
    public List<Task> tasks(Caller caller, boolean openOnly) {
        caller.require(Permission.ARRIVAL_RECORD);
        Instant now = clock.instant();
        List<Task> rows = jdbc.sql(
                        """
                        select id, arrival_id, person_id, kind, day, due, until, done_at, done_by, outcome
                          from arrival.tasks where path like ? and (not ? or done_at is null)
                         order by due, id limit 1000""")
                .params(caller.pathPattern(), openOnly)
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        "",
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null
                                && rs.getTimestamp(6).toInstant().isBefore(now),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
        Map<Long, PersonRef> names =
                persons.byIds(rows.stream().map(Task::personId).distinct().toList());
        return rows.stream()
                .map(t -> new Task(
                        t.id(),
                        t.arrivalId(),
                        t.personId(),
                        names.containsKey(t.personId())
                                ? names.get(t.personId()).name()
                                : "",
                        t.kind(),
                        t.day(),
                        t.due(),
                        t.until(),
                        t.overdue(),
                        t.doneAt(),
                        t.doneBy(),
                        t.outcome()))
                .toList();
    }

    /** Marks a task done with its outcome (e.g. "阴性", "已入住隔离点"). */
    @Transactional
    public void complete(Caller caller, long taskId, String outcome) {
        caller.require(Permission.ARRIVAL_RECORD);
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("outcome: 请填写完成情况");
        }
        String path = jdbc.sql("select path from arrival.tasks where id = ?")
                .param(taskId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 %d 的任务".formatted(taskId)));
        caller.requireCovers(path, "任务 " + taskId);
        int n = jdbc.sql(
                        "update arrival.tasks set done_at = ?, done_by = ?, outcome = ? where id = ? and done_at is null")
                .params(Timestamp.from(clock.instant()), caller.username(), outcome.strip(), taskId)
                .update();
        if (n == 0) {
            throw new IllegalArgumentException("任务 %d 已完成".formatted(taskId));
        }
    }

    /** Counts per child region of the given region (or the caller's jurisdiction root). */
    public List<RegionCounts> counts(Caller caller, String regionPath) {
        caller.require(Permission.REGION_READ);
        caller.requireCovers(regionPath, "Region " + regionPath);
        return jdbc.sql(
                        """
                        select split_part(substr(a.path, ?), '/', 1) as region, count(*),
                               count(*) filter (where a.origin_code not like '14%'),
                               count(*) filter (where a.exposure = 'HIGH_RISK_AREA'),
                               count(*) filter (where a.exposure = 'MEDIUM_RISK_AREA'),
                               count(*) filter (where exists (select 1 from arrival.tasks t
                                                  where t.arrival_id = a.id and t.kind = 'CENTRAL_QUARANTINE')),
                               count(*) filter (where exists (select 1 from arrival.tasks t
                                                  where t.arrival_id = a.id and t.kind = 'HOME_QUARANTINE'))
                          from arrival.arrivals a where a.path like ?
                         group by 1 order by 1""")
                .params(regionPath.length() + 1, regionPath + "%")
                .query((rs, n) -> {
                    return new RegionCounts(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7));
                })
                .list();
    }

    /**
     * Re-matches every recent arrival from the changed areas (their codes or below) against the
     * risk versions now known, and rewrites the reasons and adds the tasks that changed. Set-based:
     * one read per changed code, then batched writes.
     */
    public Recomputed recompute(List<String> codes) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(60));
        RiskMatcher matcher = matcher();
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (String code : codes.stream().distinct().toList()) {
            jdbc.sql(
                            """
                            select id, person_id, origin_code, departed_at, arrived_at, exposure, path, policy_edition
                              from arrival.arrivals where origin_code like ? and arrived_at >= ?""")
                    .params(code + "%", Timestamp.from(since))
                    .query(rs -> {
                        rows.put(rs.getLong(1), new Object[] {
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)
                        });
                    });
        }
        long read = System.nanoTime();
        Map<String, PolicyEdition> editions = new HashMap<>();
        List<Long> changedIds = new ArrayList<>();
        List<String> changedExposure = new ArrayList<>();
        List<String> changedArea = new ArrayList<>();
        List<Object[]> newTasks = new ArrayList<>();
        for (var e : rows.entrySet()) {
            long id = e.getKey();
            Object[] r = e.getValue();
            Instant departed = (Instant) r[2];
            Instant arrived = (Instant) r[3];
            PolicyEdition edition = editions.computeIfAbsent(
                    arrived.atZone(BEIJING).toLocalDate().toString(), k -> policy.inForce(arrived));
            RiskMatcher.Match match = matcher.classify((String) r[1], departed, arrived, edition.travelHistoryDays());
            if (!match.exposure().name().equals(r[4])) {
                changedIds.add(id);
                changedExposure.add(match.exposure().name());
                changedArea.add(match.window() == null ? "" : match.window().areaText());
                for (Measure m : measures(edition.measures(match.exposure()), start(arrived, match))) {
                    newTasks.add(new Object[] {id, r[0], r[5], m, edition.reference()});
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
            insertTaskRows(newTasks);
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

    private void insertTaskRows(List<Object[]> newTasks) {
        for (int from = 0; from < newTasks.size(); from += 20_000) {
            List<Object[]> batch = newTasks.subList(from, Math.min(newTasks.size(), from + 20_000));
            jdbc.sql(
                            """
                            insert into arrival.tasks (arrival_id, person_id, path, kind, day, due, until, policy_edition)
                            select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[],
                                                 ?::timestamptz[], ?::timestamptz[], ?::text[])
                            on conflict (arrival_id, kind, day) do nothing""")
                    .params(
                            batch.stream().map(t -> (Long) t[0]).toArray(Long[]::new),
                            batch.stream().map(t -> (Long) t[1]).toArray(Long[]::new),
                            batch.stream().map(t -> (String) t[2]).toArray(String[]::new),
                            batch.stream().map(t -> ((Measure) t[3]).kind()).toArray(String[]::new),
                            batch.stream().map(t -> ((Measure) t[3]).day()).toArray(Integer[]::new),
                            batch.stream()
                                    .map(t -> Timestamp.from(((Measure) t[3]).due()))
                                    .toArray(Timestamp[]::new),
                            batch.stream()
                                    .map(t -> ((Measure) t[3]).until() == null
                                            ? null
                                            : Timestamp.from(((Measure) t[3]).until()))
                                    .toArray(Timestamp[]::new),
                            batch.stream().map(t -> (String) t[4]).toArray(String[]::new))
                    .update();
        }
    }

    /** What a recomputation did and how long its phases took. */
    public record Recomputed(
            int arrivalsMatched,
            int exposuresChanged,
            int tasksAdded,
            long readMillis,
            long matchMillis,
            long tasksMillis) {}
}
