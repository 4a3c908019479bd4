package org.pingji.quarantine;

import org.pingji.platform.CommandMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's "in quarantine" (active placements, central and home) per region, in one query. */
@Configuration(proxyBeanMethods = false)
class QuarantineMetrics {

    @Bean
    CommandMetric quarantineMetric(JdbcClient jdbc) {
        return CommandMetric.countPerRegion(
                "quarantine",
                "在隔离人数",
                "人",
                jdbc,
                "join quarantine.placements q on q.path like p.path || '%' and q.status = 'ACTIVE'",
                () -> new Object[0]);
    }
}
