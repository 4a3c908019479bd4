package org.pingji.warning;

import org.pingji.platform.CommandMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one map's "open sensor alarms" (OPEN or ACKNOWLEDGED) per region, in one query. */
@Configuration(proxyBeanMethods = false)
class WarningMetrics {

    @Bean
    CommandMetric sensorAlarmMetric(JdbcClient jdbc) {
        return CommandMetric.countPerRegion(
                "sensor_alarms",
                "未处置传感器报警",
                "条",
                jdbc,
                "join warning.alarms a on a.path like p.path || '%' and a.state in ('OPEN', 'ACKNOWLEDGED')",
                () -> new Object[0]);
    }
}
