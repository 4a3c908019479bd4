package org.pingji.companion;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridWorkerView;
import org.pingji.person.PersonManagement;
import org.pingji.person.Phone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores a finished run: bad-row counts, companions, and a follow-up per ledger person found. */
@Component
class CompanionResults {

    private final JdbcClient jdbc;
    private final PersonManagement persons;
    private final GridManagement grid;
    private final Clock clock;

    CompanionResults(JdbcClient jdbc, PersonManagement persons, GridManagement grid, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.grid = grid;
        this.clock = clock;
    }

    void store(Caller caller, long id, CompanionJobLauncher.JobResult result) {
        Instant now = Instant.now(clock);
        for (Map.Entry<String, Long> e : result.badRows().entrySet()) {
            jdbc.sql("insert into companion.run_bad_rows (run_id, reason, rows) values (?, ?, ?)")
                    .params(id, e.getKey(), e.getValue())
                    .update();
        }
        Map<String, PersonManagement.PhoneHolder> holders = new HashMap<>();
        for (PersonManagement.PhoneHolder h : persons.findByPhones(
                caller,
                result.companions().stream()
                        .map(CompanionJobLauncher.JobCompanion::phone)
                        .toList())) {
            holders.putIfAbsent(h.phone(), h);
        }
        Map<String, String> workerOfMicroGrid = new HashMap<>();
        for (CompanionJobLauncher.JobCompanion c : result.companions()) {
            PersonManagement.PhoneHolder holder = holders.get(c.phone());
            long companionId = jdbc.sql(
                            """
                            insert into companion.companions (run_id, phone_cipher, phone_masked, person_id, cell,
                                overlap_seconds, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            id,
                            persons.sealPhone(c.phone()),
                            Phone.mask(c.phone()),
                            holder == null ? null : holder.personId(),
                            c.cell(),
                            c.overlapSeconds(),
                            java.sql.Timestamp.from(c.firstSeen()),
                            java.sql.Timestamp.from(c.lastSeen()))
                    .query(Long.class)
                    .single();
            if (holder != null) {
                String assignee =
                        workerOfMicroGrid.computeIfAbsent(holder.microGridCode(), code -> gridWorker(caller, code));
                jdbc.sql(
                                """
                                insert into companion.follow_ups (companion_id, run_id, person_id, micro_grid_code, path,
                                    assigned_to, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                        .params(
                                companionId,
                                id,
                                holder.personId(),
                                holder.microGridCode(),
                                holder.path(),
                                assignee,
                                java.sql.Timestamp.from(now),
                                java.sql.Timestamp.from(now))
                        .update();
            }
        }
        jdbc.sql("update companion.runs set state = 'DONE', progress = 1, used_rows = ?, finished_at = ? where id = ?")
                .params(result.usedRows(), java.sql.Timestamp.from(now), id)
                .update();
    }

    /** The micro-grid's grid worker: a full-time one first, then by username; null when it has none. */
    private String gridWorker(Caller caller, String microGridCode) {
        return grid.gridWorkers(caller, microGridCode).stream()
                .sorted(java.util.Comparator.comparing(
                                (GridWorkerView w) -> w.employment() == GridWorkerView.Employment.FULL_TIME ? 0 : 1)
                        .thenComparing(GridWorkerView::username))
                .map(GridWorkerView::username)
                .findFirst()
                .orElse(null);
    }
}
