package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.CommandMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command module's own metrics: overdue directive recipients and missing daily reports. */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    @Bean
    CommandMetric overdueDirectivesMetric(JdbcClient jdbc, Clock clock) {
        return CommandMetric.countPerRegion(
                "overdue_directives",
                "逾期未完成指令",
                "项",
                jdbc,
                """
                join command.directive_recipients r on r.path like p.path || '%'
                join command.directives d on d.id = r.directive_id
                where d.deadline < ? and r.group_id is null
                  and (case when d.response_required then r.done_at is null else r.acknowledged_at is null end)""",
                () -> new Object[] {Timestamp.from(Instant.now(clock))});
    }

    @Bean
    CommandMetric missingReportsMetric(DailyReports reports, GridManagement grid) {
        return Figures.of(grid, "missing_reports", "今日未报日报单位", "个", (caller, regions) -> {
            Map<String, Number> values = new HashMap<>();
            var today = reports.today();
            for (Region r : regions) {
                values.put(
                        r.code(),
                        reports.summary(caller, today, r.code()).missing().size());
            }
            return values;
        });
    }
}
