package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade of mass testing: rounds and their tables, sampler assignments, scans and seals (through
 * the group-commit {@link ScanWriter}); lab work and coverage are in {@link LabDesk} and
 * {@link CoverageQueries}, reached through this facade.
 */
@Service
public class TestingManagement {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final ScanWriter writer;
    private final TestingSettings settings;
    private final Clock clock;
    private final LabDesk lab;
    private final Boxes boxes;
    private final CoverageQueries coverage;
    private final RoundReports reports;
    private final org.pingji.person.PersonManagement persons;
    private final org.pingji.access.AccessManagement access;

    TestingManagement(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            GridManagement grid,
            ScanWriter writer,
            TestingSettings settings,
            Clock clock,
            LabDesk lab,
            Boxes boxes,
            CoverageQueries coverage,
            RoundReports reports,
            org.pingji.person.PersonManagement persons,
            org.pingji.access.AccessManagement access) {
        this.access = access;
        this.reports = reports;
        this.persons = persons;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.grid = grid;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.lab = lab;
        this.boxes = boxes;
        this.coverage = coverage;
    }

    // ---- lab, boxes, coverage (delegated) ----------------------------------------------

    /**
     * Applies lab results; each report gets an outcome. With {@code allOrNothing} (file uploads)
     * one rejected report rejects the batch and nothing is written.
     */
    public List<ResultOutcome> recordResults(Caller caller, List<ResultReport> reports, boolean allOrNothing) {
        return lab.record(caller, reports, allOrNothing);
    }

    /** Positive tubes and conflicting reports for the lab desk. */
    public List<LabEntry> labAttention(Caller caller) {
        return lab.attention(caller);
    }

    /** Packs sealed tubes into a transport box; returns the number of tubes. */
    public int packBox(Caller caller, String box, long roundId, List<String> tubes, String location) {
        return boxes.pack(caller, box, roundId, tubes, location);
    }

    /** Records a box leaving for the lab. */
    public void handOverBox(Caller caller, String box, String location) {
        boxes.handOver(caller, box, location);
    }

    /** The lab receives a box; returns the number of tubes received. */
    public int receiveBox(Caller caller, String box, String location) {
        return boxes.receive(caller, box, location);
    }

    /** The chain of custody of a box: who, when, where. */
    public List<CustodyEntry> custody(String box) {
        return boxes.custody(box);
    }

    /** Live coverage of a round for a region of the caller's jurisdiction. */
    public Coverage coverage(Caller caller, long roundId, String regionCode) {
        round(caller, roundId);
        return coverage.coverage(caller, roundId, regionCode);
    }

    /** Live coverage of a round for several regions at once (a map's children), keyed by region code. */
    public Map<String, Coverage> coverage(Caller caller, long roundId, List<String> regionCodes) {
        round(caller, roundId);
        return coverage.coverage(caller, roundId, regionCodes);
    }

    /** Persons recalled in a region: positive-pool members and members of invalid tubes. */
    public List<RecallEntry> recall(Caller caller, long roundId, String regionCode) {
        round(caller, roundId);
        return coverage.recall(caller, roundId, regionCode);
    }

    /** Persons of the region not yet sampled in the round, with recorded reasons. */
    public List<NotSampled> notSampled(Caller caller, long roundId, String regionCode) {
        round(caller, roundId);
        return coverage.notSampled(caller, roundId, regionCode);
    }

    /** Timings of a round (a drill or not) per collection point. */
    public DrillReport drillReport(Caller caller, long roundId) {
        return reports.drillReport(round(caller, roundId));
    }

    /** The pool size that minimises expected tests per person in a region, from earlier rounds. */
    public PoolPlan plan(Caller caller, String regionCode) {
        return reports.plan(caller, regionCode);
    }

    /** Records why a person was not sampled. */
    public void recordAbsence(Caller caller, long roundId, long personId, NotSampled.Reason reason, String note) {
        round(caller, roundId);
        coverage.recordAbsence(caller, roundId, personId, reason, note);
    }

    /**
     * Opens a round over regions of the caller's jurisdiction and opens every sampling table in
     * them (for a drill: the tables of {@code drillPoints} collection points drawn at random).
     *
     * @return the round's id
     */
    public long openRound(Caller caller, NewRound round) {
        caller.require(Permission.ROUND_MANAGE);
        if (round.name() == null || round.name().isBlank() || round.name().length() > 100) {
            throw new TestingRefused("name: 请填写轮次名称（不超过100字）");
        }
        if (!settings.allowedPoolSizes().contains(round.poolSize())) {
            throw new TestingRefused(
                    "poolSize: 混管规格 %d 不在允许范围 %s 内".formatted(round.poolSize(), settings.allowedPoolSizes()));
        }
        Instant now = Instant.now(clock);
        if (round.deadline() == null || !round.deadline().isAfter(now)) {
            throw new TestingRefused("deadline: 截止时间须晚于当前时间");
        }
        if (round.regionCodes() == null || round.regionCodes().isEmpty()) {
            throw new TestingRefused("regionCodes: 请选择至少一个区域");
        }
        Map<String, Region> areas = new LinkedHashMap<>();
        for (String code : round.regionCodes()) {
            Region region = grid.region(caller, code);
            for (Region other : areas.values()) {
                if (other.contains(region) || region.contains(other)) {
                    throw new TestingRefused("regionCodes: 区域 %s 与 %s 重叠".formatted(code, other.code()));
                }
            }
            areas.put(code, region);
        }
        List<GridManagement.Site> tables = new ArrayList<>();
        areas.keySet().forEach(code -> tables.addAll(grid.sitesIn(code, PlaceKind.SAMPLING_TABLE)));
        if (round.drill()) {
            tables.retainAll(drillTables(tables, round.drillPoints() == null ? 11 : round.drillPoints()));
        }
        if (tables.isEmpty()) {
            throw new TestingRefused("regionCodes: 所选区域内没有采样台");
        }
        long id = transaction.execute(status -> {
            long roundId = jdbc.sql(
                            """
                            insert into testing.rounds (name, pool_size, deadline, drill, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            round.name().trim(),
                            round.poolSize(),
                            Timestamp.from(round.deadline()),
                            round.drill(),
                            caller.username(),
                            Timestamp.from(now))
                    .query(Long.class)
                    .single();
            areas.values().forEach(r -> jdbc.sql(
                            "insert into testing.round_areas (round_id, region_code, path) values (?, ?, ?)")
                    .params(roundId, r.code(), r.path())
                    .update());
            jdbc.sql(
                            """
                            insert into testing.round_tables (round_id, table_id, collection_point_id, name, micro_grid_code, path)
                            select ?, t, c, n, g, p from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                              as u(t, c, n, g, p)""")
                    .params(
                            roundId,
                            tables.stream().map(GridManagement.Site::id).toArray(Long[]::new),
                            tables.stream().map(GridManagement.Site::parentId).toArray(Long[]::new),
                            tables.stream().map(GridManagement.Site::name).toArray(String[]::new),
                            tables.stream()
                                    .map(GridManagement.Site::microGridCode)
                                    .toArray(String[]::new),
                            tables.stream().map(GridManagement.Site::path).toArray(String[]::new))
                    .update();
            return roundId;
        });
        ScanState state = writer.state();
        var open = new ScanState.Round(id, round.poolSize(), now);
        tables.forEach(t -> open.tables.put(
                t.id(), new ScanState.Table(t.id(), t.name(), t.microGridCode(), t.path(), state.samplersOf(t.id()))));
        state.rounds.put(id, open);
        return id;
    }

    private static List<GridManagement.Site> drillTables(List<GridManagement.Site> tables, int points) {
        List<Long> collectionPoints = new ArrayList<>(
                tables.stream().map(GridManagement.Site::parentId).distinct().toList());
        Collections.shuffle(collectionPoints, new Random());
        List<Long> drawn = collectionPoints.subList(0, Math.min(points, collectionPoints.size()));
        return tables.stream().filter(t -> drawn.contains(t.parentId())).toList();
    }

    /** Closes a round: no more scans are accepted; results may still arrive. */
    public void closeRound(Caller caller, long roundId) {
        caller.require(Permission.ROUND_MANAGE);
        RoundView round = round(caller, roundId);
        if (!"OPEN".equals(round.status())) {
            throw new TestingRefused("检测轮次 %d 已结束".formatted(roundId));
        }
        close(roundId);
    }

    void close(long roundId) {
        jdbc.sql("update testing.rounds set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN'")
                .params(Timestamp.from(Instant.now(clock)), roundId)
                .update();
        ScanState.Round open = writer.state().rounds.get(roundId);
        if (open != null) {
            open.open = false;
        }
    }

    /** A round whose area overlaps the caller's jurisdiction. */
    public RoundView round(Caller caller, long roundId) {
        return rounds(caller, roundId).stream()
                .findFirst()
                .orElseThrow(() -> new TestingRefused("检测轮次 %d 不存在或不在您的辖区".formatted(roundId)));
    }

    /** Rounds whose area overlaps the caller's jurisdiction, newest first. */
    public List<RoundView> rounds(Caller caller) {
        return rounds(caller, null);
    }

    private List<RoundView> rounds(Caller caller, Long only) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select r.id, r.name, r.pool_size, r.deadline, r.drill, r.status, r.created_by, r.created_at, r.closed_at,
                          (select array_agg(a.region_code order by a.region_code) from testing.round_areas a where a.round_id = r.id),
                          (select count(*) from testing.round_tables t where t.round_id = r.id)
                        from testing.rounds r
                        where (cast(? as bigint) is null or r.id = ?)
                          and exists (select 1 from testing.round_areas a where a.round_id = r.id
                                      and (a.path like ? or ? like a.path || '%'))
                        order by r.id desc limit 200""")
                .params(only, only, caller.pathPattern(), caller.jurisdictionPath())
                .query((rs, n) -> new RoundView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        rs.getString(6),
                        List.of((String[]) rs.getArray(10).getArray()),
                        rs.getInt(11),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The tables open for a round inside the caller's jurisdiction, with their samplers. */
    public List<TableView> tables(Caller caller, long roundId) {
        round(caller, roundId);
        Map<Long, java.util.Set<String>> samplers = writer.state().samplers;
        return jdbc.sql(
                        """
                        select t.table_id, t.name, t.collection_point_id, t.micro_grid_code, t.path
                        from testing.round_tables t where t.round_id = ? and t.path like ? order by t.path, t.table_id""")
                .params(roundId, caller.pathPattern())
                .query((rs, n) -> new TableView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        collectionPointName(rs.getString(2)),
                        rs.getString(4),
                        samplers.getOrDefault(rs.getLong(1), java.util.Set.of()).stream()
                                .sorted()
                                .toList()))
                .list();
    }

    private static String collectionPointName(String tableName) {
        int cut = tableName.lastIndexOf("采样点");
        return cut < 0 ? tableName : tableName.substring(0, cut + 3);
    }

    /** Lets a sampler scan at a table inside the caller's jurisdiction (kept across rounds). */
    public void assignSampler(Caller caller, long tableId, String username) {
        caller.require(Permission.ROUND_MANAGE);
        var table = grid.place(tableId)
                .filter(p -> p.kind() == PlaceKind.SAMPLING_TABLE)
                .orElseThrow(() -> new TestingRefused("采样台 %d 不存在".formatted(tableId)));
        Region microGrid = grid.findRegion(table.microGridCode()).orElseThrow();
        caller.requireCovers(microGrid.path(), "Sampling table " + tableId);
        if (access.usersWithRole(caller, org.pingji.access.Role.SAMPLER).stream()
                .noneMatch(u -> u.username().equals(username))) {
            throw new TestingRefused("username: %s 不是您辖区内的采样人员".formatted(username));
        }
        jdbc.sql("insert into testing.table_assignments (table_id, username) values (?, ?) on conflict do nothing")
                .params(tableId, username)
                .update();
        writer.state().samplersOf(tableId).add(username);
    }

    /**
     * Assigns a sampler to tables without a caller (the demo county's bootstrap). Administration
     * goes through {@link #assignSampler}.
     */
    public void seedAssignments(List<Long> tableIds, String username) {
        jdbc.sql(
                        """
                        insert into testing.table_assignments (table_id, username)
                        select t, ? from unnest(?::bigint[]) as u(t) on conflict do nothing""")
                .params(username, tableIds.toArray(Long[]::new))
                .update();
        tableIds.forEach(id -> writer.state().samplersOf(id).add(username));
    }

    /** Writes scans (group commit) and answers each: ACCEPTED, DUPLICATE or REJECTED with a reason. */
    public List<ScanOutcome> scan(Caller caller, List<Scan> scans) {
        caller.require(Permission.SAMPLE);
        if (scans.isEmpty()) {
            return List.of();
        }
        return writer.submit(scans, caller.username());
    }

    /**
     * Registers, at a table the caller works at, someone the ledger does not know: a
     * non-resident of the table's micro-grid. Returns the new person id to scan.
     */
    public long registerAtTable(Caller caller, long tableId, String name, String residentId, String phone) {
        caller.require(Permission.SAMPLE);
        if (!writer.state().samplersOf(tableId).contains(caller.username())) {
            throw new TestingRefused("您（%s）未被分配到采样台 %d".formatted(caller.username(), tableId));
        }
        var table = grid.place(tableId)
                .filter(p -> p.kind() == PlaceKind.SAMPLING_TABLE)
                .orElseThrow(() -> new TestingRefused("采样台 %d 不存在".formatted(tableId)));
        return persons.registerOnSite(caller, name, residentId, phone, table.microGridCode());
    }

    /** Seals an open tube at a table the caller is assigned to. */
    public String seal(Caller caller, String barcode) {
        caller.require(Permission.SAMPLE);
        return writer.seal(barcode, caller.username());
    }

    /** When the person's latest negative test result was reported (pool or single), if any. */
    public java.util.Optional<Instant> latestNegativeAt(long personId) {
        return jdbc.sql(
                        """
                        select max(t.resulted_at) from testing.samples s
                          join testing.tubes t on t.barcode = s.tube_barcode
                         where s.person_id = ? and t.result = 'NEGATIVE'""")
                .param(personId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(java.sql.Timestamp::toInstant);
    }

    /** A round whose deadline passed while the person, living in its area, was not sampled. */
    public record Overdue(long roundId, String roundName, Instant deadline) {}

    /**
     * Open, non-drill rounds past their deadline whose area holds the person's micro-grid path and
     * that have neither a sample nor a recorded absence of the person.
     */
    public List<Overdue> overdue(long personId, String path, Instant at) {
        return jdbc.sql(
                        """
                        select r.id, r.name, r.deadline from testing.rounds r
                         where r.status = 'OPEN' and not r.drill and r.deadline < ?
                           and exists (select 1 from testing.round_areas a
                                        where a.round_id = r.id and ? like a.path || '%')
                           and not exists (select 1 from testing.samples s
                                            where s.round_id = r.id and s.person_id = ?)
                           and not exists (select 1 from testing.absences b
                                            where b.round_id = r.id and b.person_id = ?)""")
                .params(java.sql.Timestamp.from(at), path, personId, personId)
                .query((rs, n) -> new Overdue(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
