package org.pingji.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.Region;
import org.pingji.person.PersonManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade of mass testing: rounds and their tables, sampler assignments, scans and seals (through
 * the group-commit {@link ScanWriter}); lab work and coverage are in {@link LabDesk} and
 * {@link CoverageQueries}, reached through this facade.
 */
@Service
public class TestingManagement {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final ScanWriter writer;
    private final Rounds rounds;
    private final TestHistory history;
    private final LabDesk lab;
    private final Boxes boxes;
    private final CoverageQueries coverage;
    private final RoundReports reports;
    private final PersonManagement persons;
    private final AccessManagement access;

    TestingManagement(
            JdbcClient jdbc,
            GridManagement grid,
            ScanWriter writer,
            Rounds rounds,
            TestHistory history,
            LabDesk lab,
            Boxes boxes,
            CoverageQueries coverage,
            RoundReports reports,
            PersonManagement persons,
            AccessManagement access) {
        this.access = access;
        this.reports = reports;
        this.persons = persons;
        this.jdbc = jdbc;
        this.grid = grid;
        this.writer = writer;
        this.rounds = rounds;
        this.history = history;
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
        return rounds.openRound(caller, round);
    }

    /** Closes a round: no more scans are accepted; results may still arrive. */
    public void closeRound(Caller caller, long roundId) {
        rounds.closeRound(caller, roundId);
    }

    void close(long roundId) {
        rounds.close(roundId);
    }

    /** A round whose area overlaps the caller's jurisdiction. */
    public RoundView round(Caller caller, long roundId) {
        return rounds.round(caller, roundId);
    }

    /** Rounds whose area overlaps the caller's jurisdiction, newest first. */
    public List<RoundView> rounds(Caller caller) {
        return rounds.rounds(caller, null);
    }

    /** The tables open for a round inside the caller's jurisdiction, with their samplers. */
    public List<TableView> tables(Caller caller, long roundId) {
        return rounds.tables(caller, roundId);
    }

    /** Lets a sampler scan at a table inside the caller's jurisdiction (kept across rounds). */
    public void assignSampler(Caller caller, long tableId, String username) {
        caller.require(Permission.ROUND_MANAGE);
        var table = grid.place(tableId)
                .filter(p -> p.kind() == PlaceKind.SAMPLING_TABLE)
                .orElseThrow(() -> new TestingRefused("采样台 %d 不存在".formatted(tableId)));
        Region microGrid = grid.findRegion(table.microGridCode()).orElseThrow();
        caller.requireCovers(microGrid.path(), "采样台 " + tableId);
        if (access.usersWithRole(caller, Role.SAMPLER).stream()
                .noneMatch(u -> u.username().equals(username))) {
            throw new TestingRefused("username: %s 不是您辖区内的采样人员".formatted(username));
        }
        jdbc.sql("insert into testing.table_assignments (table_id, username) values (?, ?) on conflict do nothing")
                .params(tableId, username)
                .update();
        writer.samplerAssigned(List.of(tableId), username);
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
        writer.samplerAssigned(tableIds, username);
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
        if (!writer.assigned(tableId, caller.username())) {
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
        return history.latestNegativeAt(personId);
    }

    /** The latest negative result per person, for many persons in one query (a vehicle's travellers). */
    public java.util.Map<Long, Instant> latestNegativeAt(java.util.Collection<Long> personIds) {
        return history.latestNegativeAt(personIds);
    }

    /** A round whose deadline passed while the person, living in its area, was not sampled. */
    public record Overdue(long roundId, String roundName, Instant deadline) {}

    /**
     * Open, non-drill rounds past their deadline whose area holds the person's micro-grid path and
     * that have neither a sample nor a recorded absence of the person.
     */
    public List<Overdue> overdue(long personId, String path, Instant at) {
        return history.overdue(personId, path, at);
    }

    /**
     * Persons newly tested positive individually (single tubes resulted POSITIVE) in
     * {@code [from, to)}, counted per micro-grid path: the {@code new_positives} signal of warning.
     */
    public java.util.Map<String, Long> positivesPerPath(Instant from, Instant to) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select s.path, count(distinct s.person_id) from testing.tubes t
                        join testing.samples s on s.tube_barcode = t.barcode
                        where t.result = 'POSITIVE' and t.capacity = 1 and t.resulted_at >= ? and t.resulted_at < ?
                        group by s.path""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
