package org.pingji.companion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Grid workers' follow-ups of companions: lists and recorded steps (the order is {@link FollowUpFlow}). */
@Component
class FollowUps {

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Follow-ups: a grid worker's own (assigned to them, in their jurisdiction); with {@code runId}, a run's
     * follow-ups for those who may read runs.
     */
    List<FollowUpView> followUps(Caller caller, Long runId) {
        String select =
                """
                select f.id, f.run_id, f.person_id, f.micro_grid_code, f.assigned_to, f.status, c.phone_masked, c.cell,
                       c.overlap_seconds, c.first_seen, c.last_seen, f.first_test, f.second_test, f.updated_at
                from companion.follow_ups f join companion.companions c on c.id = f.companion_id
                """;
        if (runId != null) {
            caller.require(Permission.COMPANION_RUN);
            return jdbc.sql(select + " where f.run_id = ? and f.path like ? order by f.id")
                    .params(runId, caller.pathPattern())
                    .query(FollowUps::followUp)
                    .list();
        }
        caller.require(Permission.COMPANION_FOLLOW_UP);
        return jdbc.sql(select + " where f.assigned_to = ? and f.path like ? order by f.id desc limit 500")
                .params(caller.username(), caller.pathPattern())
                .query(FollowUps::followUp)
                .list();
    }

    private static FollowUpView followUp(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FollowUpView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Math.floor(rs.getLong(9) / 6.0) / 10.0,
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant());
    }

    /**
     * Records a step of a follow-up the caller is assigned to (an admin may record any in the jurisdiction).
     * Order: LOCATE, FIRST_TEST (result), SECOND_TEST (result), CLEAR (both negative); ESCALATE at any point before
     * the end. Audited.
     *
     * @throws FollowUpRefused when the step does not fit the current status
     */
    FollowUpView record(Caller caller, long followUpId, FollowUpStep step, String result, String note) {
        caller.require(Permission.COMPANION_FOLLOW_UP);
        FollowUpView f = jdbc.sql(
                        """
                        select f.id, f.run_id, f.person_id, f.micro_grid_code, f.assigned_to, f.status, c.phone_masked,
                               c.cell, c.overlap_seconds, c.first_seen, c.last_seen, f.first_test, f.second_test, f.updated_at
                        from companion.follow_ups f join companion.companions c on c.id = f.companion_id
                        where f.id = ? and f.path like ? for update of f""")
                .params(followUpId, caller.pathPattern())
                .query(FollowUps::followUp)
                .optional()
                .filter(v ->
                        caller.can(Permission.ADMINISTER) || caller.username().equals(v.assignedTo()))
                .orElseThrow(() -> new CompanionRunNotFound("伴随核查任务", followUpId));
        String test = FollowUpFlow.testResult(step, result);
        String next = FollowUpFlow.next(f, step);
        Instant now = Instant.now(clock);
        jdbc.sql(
                        """
                        update companion.follow_ups set status = ?, updated_at = ?,
                            first_test = case when ? = 'FIRST_TEST' then ? else first_test end,
                            second_test = case when ? = 'SECOND_TEST' then ? else second_test end
                        where id = ?""")
                .params(next, java.sql.Timestamp.from(now), step.name(), test, step.name(), test, followUpId)
                .update();
        jdbc.sql(
                        """
                        insert into companion.follow_up_steps (follow_up_id, step, result, note, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(followUpId, step.name(), test, note, caller.username(), java.sql.Timestamp.from(now))
                .update();
        access.audit(
                caller,
                "COMPANION_FOLLOW_UP",
                "PERSON",
                Long.toString(f.personId()),
                step.name() + (test == null ? "" : " " + test));
        return followUps(caller, null).stream()
                .filter(v -> v.id() == followUpId)
                .findFirst()
                .orElseGet(() -> f);
    }
}
