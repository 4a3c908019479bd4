package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.grid.Region;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command module's own metrics: overdue directive recipients and missing daily reports. */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    @Bean
    CommandMetric overdueDirectivesMetric(JdbcClient jdbc, Clock clock) {
        return new CommandMetric() {
            @Override
            public String name() {
                return "overdue_directives";
            }

            @Override
            public String label() {
                return "逾期未完成指令";
            }

            @Override
            public String unit() {
                return "项";
            }

            @Override
            public Map<String, Number> values(Caller caller, List<Region> regions) {
                return CommandMetric.countPerRegion(
                        jdbc,
                        caller,
                        regions,
                        """
                        join command.directive_recipients r on r.path like p.path || '%'
                        join command.directives d on d.id = r.directive_id
                        where d.deadline < ? and r.group_id is null
                          and (case when d.response_required then r.done_at is null else r.acknowledged_at is null end)""",
                        Timestamp.from(Instant.now(clock)));
            }
        };
    }

    @Bean
    CommandMetric missingReportsMetric(DailyReports reports) {
        return new CommandMetric() {
            @Override
            public String name() {
                return "missing_reports";
            }

            @Override
            public String label() {
                return "今日未报日报单位";
            }

            @Override
            public String unit() {
                return "个";
            }

            @Override
            public Map<String, Number> values(Caller caller, List<Region> regions) {
                Map<String, Number> values = new HashMap<>();
                var today = reports.today();
                for (Region r : regions) {
                    if (caller.covers(r.path())) {
                        values.put(
                                r.code(),
                                reports.summary(caller, today, r.code())
                                        .missing()
                                        .size());
                    }
                }
                return values;
            }
        };
    }
}
