package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.Task;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.pingji.platform.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grid workers' tasks an arrival's measures create: batched inserts, lists, completion. */
@Component
class ArrivalTasks {

    /** One task to insert: a measure of an arrival, with the person's path for scoping. */
    record TaskRow(long arrivalId, long personId, String path, Measure measure, String edition) {}

    private static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonDirectory persons;

    ArrivalTasks(JdbcClient jdbc, Clock clock, PersonDirectory persons) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.persons = persons;
    }

    /** Inserts task rows in batches of one statement each; a task already there is kept. */
    void insert(List<TaskRow> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<TaskRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.sql(
                            """
                            insert into arrival.tasks (arrival_id, person_id, path, kind, day, due, until, policy_edition)
                            select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[],
                                                 ?::timestamptz[], ?::timestamptz[], ?::text[])
                            on conflict (arrival_id, kind, day) do nothing""")
                    .params(
                            batch.stream().map(TaskRow::arrivalId).toArray(Long[]::new),
                            batch.stream().map(TaskRow::personId).toArray(Long[]::new),
                            batch.stream().map(TaskRow::path).toArray(String[]::new),
                            batch.stream().map(t -> t.measure().kind()).toArray(String[]::new),
                            batch.stream().map(t -> t.measure().day()).toArray(Integer[]::new),
                            batch.stream()
                                    .map(t -> Timestamp.from(t.measure().due()))
                                    .toArray(Timestamp[]::new),
                            batch.stream()
                                    .map(t -> SqlTimes.timestamp(t.measure().until()))
                                    .toArray(Timestamp[]::new),
                            batch.stream().map(TaskRow::edition).toArray(String[]::new))
                    .update();
        }
    }

    List<Task> tasks(Caller caller, boolean openOnly) {
        caller.require(Permission.ARRIVAL_RECORD);
        Instant now = clock.instant();
        List<Task> rows = jdbc.sql(
                        """
                        select id, arrival_id, person_id, kind, day, due, until, done_at, done_by, outcome
                          from arrival.tasks where path like ? and (not ? or done_at is null)
                         order by due, id limit 1000""")
                .params(caller.pathPattern(), openOnly)
                .query((rs, n) -> {
                    Instant due = rs.getTimestamp(6).toInstant();
                    Instant doneAt = SqlTimes.instant(rs, 8);
                    return new Task(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            "",
                            rs.getString(4),
                            rs.getInt(5),
                            due,
                            SqlTimes.instant(rs, 7),
                            doneAt == null && due.isBefore(now),
                            doneAt,
                            rs.getString(9),
                            rs.getString(10));
                })
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

    void complete(Caller caller, long taskId, String outcome) {
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
}
