package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.OutsideJurisdiction;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency plans and their task groups; a switch into a mode ends the activations of the other
 * mode in that scope and activates the plans of the new one, turning each group's first actions
 * into tasks with deadlines.
 */
@Component
class Plans {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccessManagement access;
    private final Clock clock;

    Plans(JdbcClient jdbc, TransactionTemplate transaction, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.access = access;
        this.clock = clock;
    }

    /** Runs in the switch's transaction. */
    void onModeInForce(String scopeCode, Mode mode, long switchId, Instant now) {
        jdbc.sql("update command.activations set ended_at = ? where scope_code = ? and ended_at is null")
                .params(Timestamp.from(now), scopeCode)
                .update();
        List<Long> planIds = jdbc.sql("select id from command.plans where trigger_mode = ? order by id")
                .param(mode.name())
                .query(Long.class)
                .list();
        for (long planId : planIds) {
            long activation = jdbc.sql(
                            """
                            insert into command.activations (plan_id, scope_code, mode_switch_id, activated_at)
                            values (?, ?, ?, ?) returning id""")
                    .params(planId, scopeCode, switchId, Timestamp.from(now))
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            """
                            insert into command.tasks (activation_id, group_id, text, deadline)
                            select ?, g.id, a.text, ?::timestamptz + make_interval(hours => a.due_hours)
                            from command.task_groups g join command.group_actions a on a.group_id = g.id
                            where g.plan_id = ? order by g.position, a.position""")
                    .params(activation, Timestamp.from(now), planId)
                    .update();
        }
    }

    List<PlanView> plans(Caller caller) {
        caller.require(Permission.REGION_READ);
        List<PlanView> result = new ArrayList<>();
        jdbc.sql("select id, name, trigger_mode, description, updated_by, updated_at from command.plans order by id")
                .query(rs -> {
                    result.add(new PlanView(
                            rs.getLong(1),
                            rs.getString(2),
                            Mode.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            new ArrayList<>()));
                });
        Map<Long, PlanView.Group> groups = new LinkedHashMap<>();
        Map<Long, Long> planOf = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select id, plan_id, position, name, duties, leader, contact, members
                        from command.task_groups order by plan_id, position, id""")
                .query(rs -> {
                    long id = rs.getLong(1);
                    groups.put(
                            id,
                            new PlanView.Group(
                                    id,
                                    rs.getInt(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    new ArrayList<>()));
                    planOf.put(id, rs.getLong(2));
                });
        jdbc.sql("select group_id, text, due_hours from command.group_actions order by group_id, position, id")
                .query(rs -> {
                    var g = groups.get(rs.getLong(1));
                    if (g != null) {
                        g.actions().add(new PlanView.Action(rs.getString(2), rs.getInt(3)));
                    }
                });
        groups.forEach((id, g) -> result.stream()
                .filter(p -> p.id() == planOf.get(id))
                .findFirst()
                .ifPresent(p -> p.groups().add(g)));
        return result;
    }

    PlanView plan(Caller caller, long id) {
        return plans(caller).stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new CommandNotFound("预案 %d 不存在".formatted(id)));
    }

    /** A group's fields and actions to save; actions replace the old ones. */
    record GroupEdit(
            String name, String duties, String leader, String contact, String members, List<PlanView.Action> actions) {}

    /** Adds a group (groupId null) or updates one; returns its id. */
    long saveGroup(Caller caller, long planId, Long groupId, GroupEdit edit) {
        caller.require(Permission.COMMAND_MODE);
        plan(caller, planId);
        if (edit.name() == null || edit.name().isBlank()) {
            throw new CommandRefused("name: 请填写工作组名称");
        }
        List<PlanView.Action> actions = edit.actions() == null ? List.of() : edit.actions();
        for (PlanView.Action a : actions) {
            if (a.text() == null || a.text().isBlank()) {
                throw new CommandRefused("actions: 首要行动内容不能为空");
            }
            if (a.dueHours() < 1 || a.dueHours() > 720) {
                throw new CommandRefused("actions: 时限须在 1 到 720 小时之间，现为 %d".formatted(a.dueHours()));
            }
        }
        Instant now = Instant.now(clock);
        Long id = transaction.execute(tx -> {
            long gid;
            if (groupId == null) {
                gid = jdbc.sql(
                                """
                                insert into command.task_groups (plan_id, position, name, duties, leader, contact, members)
                                values (?, (select coalesce(max(position), 0) + 1 from command.task_groups where plan_id = ?),
                                        ?, ?, ?, ?, ?) returning id""")
                        .params(
                                planId,
                                planId,
                                edit.name().strip(),
                                nz(edit.duties()),
                                nz(edit.leader()),
                                nz(edit.contact()),
                                nz(edit.members()))
                        .query(Long.class)
                        .single();
            } else {
                int n = jdbc.sql(
                                """
                                update command.task_groups set name = ?, duties = ?, leader = ?, contact = ?, members = ?
                                where id = ? and plan_id = ?""")
                        .params(
                                edit.name().strip(),
                                nz(edit.duties()),
                                nz(edit.leader()),
                                nz(edit.contact()),
                                nz(edit.members()),
                                groupId,
                                planId)
                        .update();
                if (n != 1) {
                    throw new CommandNotFound("预案 %d 没有工作组 %d".formatted(planId, groupId));
                }
                gid = groupId;
                jdbc.sql("delete from command.group_actions where group_id = ?")
                        .param(gid)
                        .update();
            }
            for (int i = 0; i < actions.size(); i++) {
                jdbc.sql("insert into command.group_actions (group_id, position, text, due_hours) values (?, ?, ?, ?)")
                        .params(
                                gid,
                                i + 1,
                                actions.get(i).text().strip(),
                                actions.get(i).dueHours())
                        .update();
            }
            jdbc.sql("update command.plans set updated_by = ?, updated_at = ? where id = ?")
                    .params(caller.username(), Timestamp.from(now), planId)
                    .update();
            access.audit(caller, "COMMAND_PLAN_GROUP_SAVED", "PLAN", String.valueOf(planId), edit.name());
            return gid;
        });
        return id;
    }

    /** Activations in the caller's scopes, newest first, with task progress. */
    List<ActivationView> activations(Caller caller, boolean currentOnly) {
        caller.require(Permission.REGION_READ);
        Instant now = Instant.now(clock);
        List<ActivationView> result = new ArrayList<>();
        jdbc.sql(
                        """
                        select a.id, a.plan_id, p.name, a.scope_code, a.activated_at, a.ended_at
                        from command.activations a join command.plans p on p.id = a.plan_id
                        where (not ? or a.ended_at is null) order by a.id desc limit 20""")
                .param(currentOnly)
                .query(rs -> {
                    result.add(new ActivationView(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6) == null
                                    ? null
                                    : rs.getTimestamp(6).toInstant(),
                            0,
                            0,
                            0,
                            List.of()));
                });
        return result.stream()
                .filter(a -> related(caller, a.scopeCode()))
                .map(a -> withTasks(a, now))
                .toList();
    }

    private ActivationView withTasks(ActivationView a, Instant now) {
        Map<Long, List<ActivationView.Task>> byGroup = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select t.id, t.group_id, g.name, t.text, t.deadline, t.done_at, t.done_by, t.note
                        from command.tasks t join command.task_groups g on g.id = t.group_id
                        where t.activation_id = ? order by g.position, t.id""")
                .param(a.id())
                .query(rs -> {
                    long group = rs.getLong(2);
                    names.put(group, rs.getString(3));
                    Instant deadline = rs.getTimestamp(5).toInstant();
                    Instant done = rs.getTimestamp(6) == null
                            ? null
                            : rs.getTimestamp(6).toInstant();
                    byGroup.computeIfAbsent(group, k -> new ArrayList<>())
                            .add(new ActivationView.Task(
                                    rs.getLong(1),
                                    rs.getString(4),
                                    deadline,
                                    done,
                                    rs.getString(7),
                                    rs.getString(8),
                                    done == null && now.isAfter(deadline)));
                });
        List<ActivationView.GroupProgress> groups = new ArrayList<>();
        int total = 0;
        int done = 0;
        int overdue = 0;
        for (var e : byGroup.entrySet()) {
            List<ActivationView.Task> tasks = e.getValue();
            int d = (int) tasks.stream().filter(t -> t.doneAt() != null).count();
            int o = (int) tasks.stream().filter(ActivationView.Task::overdue).count();
            groups.add(new ActivationView.GroupProgress(e.getKey(), names.get(e.getKey()), tasks.size(), d, o, tasks));
            total += tasks.size();
            done += d;
            overdue += o;
        }
        return new ActivationView(
                a.id(),
                a.planId(),
                a.planName(),
                a.scopeCode(),
                a.activatedAt(),
                a.endedAt(),
                total,
                done,
                overdue,
                groups);
    }

    /** Marks a task of a current activation done. */
    void completeTask(Caller caller, long taskId, String note) {
        if (!caller.can(Permission.COMMAND_MODE) && !caller.can(Permission.DUTY)) {
            caller.require(Permission.COMMAND_MODE);
        }
        var row = jdbc.sql(
                        """
                        select a.scope_code, t.done_at is not null, a.ended_at is not null from command.tasks t
                        join command.activations a on a.id = t.activation_id where t.id = ?""")
                .param(taskId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .optional()
                .orElseThrow(() -> new CommandNotFound("任务 %d 不存在".formatted(taskId)));
        if (!related(caller, (String) row[0])) {
            throw new OutsideJurisdiction("任务 " + taskId);
        }
        if ((Boolean) row[1]) {
            throw new CommandConflict("任务 %d 已完成".formatted(taskId));
        }
        if ((Boolean) row[2]) {
            throw new CommandConflict("任务 %d 所属预案已结束".formatted(taskId));
        }
        jdbc.sql("update command.tasks set done_at = ?, done_by = ?, note = ? where id = ? and done_at is null")
                .params(Timestamp.from(Instant.now(clock)), caller.username(), note, taskId)
                .update();
        access.audit(caller, "COMMAND_TASK_DONE", "TASK", String.valueOf(taskId), note);
    }

    /** Tasks of current activations past their deadline and not done, for alerts. */
    List<Long> overdueTaskIds(Duration grace) {
        return jdbc.sql(
                        """
                        select t.id from command.tasks t join command.activations a on a.id = t.activation_id
                        where a.ended_at is null and t.done_at is null and t.deadline < ?""")
                .param(Timestamp.from(Instant.now(clock).minus(grace)))
                .query(Long.class)
                .list();
    }

    /** The scope lies above the caller's jurisdiction (its command) or inside it. */
    static boolean related(Caller caller, String scopeCode) {
        return caller.jurisdictionPath().contains("/" + scopeCode + "/")
                || scopeCode.startsWith(caller.jurisdictionCode());
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
