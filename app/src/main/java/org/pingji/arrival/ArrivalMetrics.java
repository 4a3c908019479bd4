package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.pingji.platform.CommandMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's "arrivals today" (Beijing day) per region, answered in one query. */
@Configuration(proxyBeanMethods = false)
class ArrivalMetrics {

    @Bean
    CommandMetric arrivalsTodayMetric(JdbcClient jdbc, Clock clock) {
        return CommandMetric.countPerRegion(
                "arrivals_today",
                "今日来返人员",
                "人",
                jdbc,
                "join arrival.arrivals a on a.path like p.path || '%' and a.arrived_at >= ? and a.arrived_at < ?",
                () -> {
                    LocalDate today = LocalDate.now(clock.withZone(Arrivals.BEIJING));
                    return new Object[] {
                        Timestamp.from(today.atStartOfDay(Arrivals.BEIJING).toInstant()),
                        Timestamp.from(
                                today.plusDays(1).atStartOfDay(Arrivals.BEIJING).toInstant())
                    };
                });
    }
}
