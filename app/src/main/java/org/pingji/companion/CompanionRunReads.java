package org.pingji.companion;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.PersonManagement;
import org.pingji.platform.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of runs: one with its companions (audited), its progress, the latest in a jurisdiction. */
@Component
class CompanionRunReads {

    private final JdbcClient jdbc;
    private final PersonManagement persons;
    private final AccessManagement access;

    CompanionRunReads(JdbcClient jdbc, PersonManagement persons, AccessManagement access) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
    }

    /** One run with its companions (full phones: the read is audited); 404 outside the jurisdiction. */
    RunView run(Caller caller, long id) {
        caller.require(Permission.COMPANION_RUN);
        RunView run = jdbc.sql(
                        """
                        select id, state, progress, used_rows, period_from, period_to, case_count, case_phones_masked,
                               file_name, file_bytes, definition, error, created_by, created_at, finished_at
                        from companion.runs where id = ? and path like ?""")
                .params(id, caller.pathPattern())
                .query(CompanionRunReads::runRow)
                .optional()
                .orElseThrow(() -> new CompanionRunNotFound("伴随计算", id));
        Map<String, Long> bad = new TreeMap<>();
        jdbc.sql("select reason, rows from companion.run_bad_rows where run_id = ?")
                .param(id)
                .query(rs -> {
                    bad.put(rs.getString(1), rs.getLong(2));
                });
        List<RunView.CompanionView> companions = jdbc.sql(
                        """
                        select c.phone_cipher, c.person_id, c.cell, c.overlap_seconds, c.first_seen, c.last_seen, f.status
                        from companion.companions c left join companion.follow_ups f on f.companion_id = c.id
                        where c.run_id = ? order by c.overlap_seconds desc, c.id""")
                .param(id)
                .query((rs, n) -> new RunView.CompanionView(
                        persons.openPhone(rs.getBytes(1)),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        Math.floor(rs.getLong(4) / 6.0) / 10.0,
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
        if (!companions.isEmpty()) {
            access.audit(
                    caller, "COMPANION_RUN_READ", "COMPANION_RUN", Long.toString(id), companions.size() + " phones");
        }
        return new RunView(
                run.id(),
                run.state(),
                run.progress(),
                bad,
                run.usedRows(),
                companions,
                run.from(),
                run.to(),
                run.caseCount(),
                run.casePhonesMasked(),
                run.fileName(),
                run.fileBytes(),
                run.definition(),
                run.error(),
                run.createdBy(),
                run.createdAt(),
                run.finishedAt());
    }

    /** Progress only (no phones, not audited): for the progress bar. */
    RunView progress(Caller caller, long id) {
        caller.require(Permission.COMPANION_RUN);
        return jdbc.sql(
                        """
                        select id, state, progress, used_rows, period_from, period_to, case_count, case_phones_masked,
                               file_name, file_bytes, definition, error, created_by, created_at, finished_at,
                               (select count(*) from companion.companions c where c.run_id = r.id)
                        from companion.runs r where id = ? and path like ?""")
                .params(id, caller.pathPattern())
                .query(CompanionRunReads::runRow)
                .optional()
                .orElseThrow(() -> new CompanionRunNotFound("伴随计算", id));
    }

    /** The latest 50 runs in the caller's jurisdiction (no phones). */
    List<RunView> runs(Caller caller) {
        caller.require(Permission.COMPANION_RUN);
        return jdbc
                .sql("select id from companion.runs where path like ? order by id desc limit 50")
                .param(caller.pathPattern())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> progress(caller, id))
                .toList();
    }

    /** A run's row (columns id … finished_at, in that order) without bad rows and companions. */
    private static RunView runRow(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new RunView(
                rs.getLong(1),
                rs.getString(2),
                rs.getDouble(3),
                Map.of(),
                (Long) rs.getObject(4),
                List.of(),
                rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(),
                rs.getInt(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant(),
                SqlTimes.instant(rs, 15));
    }
}
