package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingji.grid.GridManagement;
import org.pingji.platform.JobLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates what is overdue: directive recipients past the deadline without completion and plan
 * tasks past their deadline become alerts to the duty officer on duty (once each).
 */
@Component
class Escalation {

    private final JobLocks jobs;
    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final Duty duty;
    private final Plans plans;
    private final Clock clock;

    Escalation(JobLocks jobs, JdbcClient jdbc, GridManagement grid, Duty duty, Plans plans, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.grid = grid;
        this.duty = duty;
        this.plans = plans;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pingji.command.escalation-check:60s}", initialDelayString = "30s")
    void scheduled() {
        jobs.runOnce("command.escalation", Duration.ofSeconds(10), Duration.ofMinutes(10), this::escalate);
    }

    /** Returns how many alerts were raised. */
    int escalate() {
        Instant now = Instant.now(clock);
        record Overdue(long directive, String title, String code, String path, Long group) {}
        List<Overdue> overdue = new ArrayList<>();
        jdbc.sql(
                        """
                        select d.id, d.title, r.region_code, r.path, r.group_id from command.directive_recipients r
                        join command.directives d on d.id = r.directive_id
                        where r.escalated_at is null and d.deadline < ?
                          and (case when d.response_required then r.done_at is null else r.acknowledged_at is null end)""")
                .param(Timestamp.from(now))
                .query(rs -> {
                    overdue.add(new Overdue(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)));
                });
        int raised = 0;
        for (Overdue o : overdue) {
            String county = o.path().substring(1, o.path().indexOf('/', 1));
            String regionCode = o.group() == null ? o.code() : county;
            var region = grid.findRegion(regionCode).orElse(null);
            if (region == null) {
                continue;
            }
            String who = o.group() == null ? region.name() : "工作组 " + o.group();
            if (duty.raise(
                    "DIRECTIVE_OVERDUE",
                    region,
                    "directive:" + o.directive() + ":" + o.code(),
                    "指令《%s》逾期未完成：%s".formatted(o.title(), who))) {
                raised++;
            }
            jdbc.sql(
                            "update command.directive_recipients set escalated_at = ? where directive_id = ? and region_code = ?")
                    .params(Timestamp.from(now), o.directive(), o.code())
                    .update();
        }
        for (long task : plans.overdueTaskIds(Duration.ZERO)) {
            var row = jdbc.sql(
                            """
                            select a.scope_code, g.name, t.text from command.tasks t
                            join command.activations a on a.id = t.activation_id
                            join command.task_groups g on g.id = t.group_id where t.id = ?""")
                    .param(task)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .single();
            var region = grid.findRegion(row[0]).orElse(null);
            if (region != null
                    && duty.raise("TASK_OVERDUE", region, "task:" + task, "%s任务逾期：%s".formatted(row[1], row[2]))) {
                raised++;
            }
        }
        return raised;
    }
}
