package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandMetric;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's "arrivals today" (Beijing day) per region, answered in one query. */
@Component
class ArrivalMetrics implements CommandMetric {

    private final JdbcClient jdbc;
    private final Clock clock;

    ArrivalMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "arrivals_today";
    }

    @Override
    public String label() {
        return "今日来返人员";
    }

    @Override
    public String unit() {
        return "人";
    }

    @Override
    public Map<String, Number> values(Caller caller, List<Region> regions) {
        LocalDate today = LocalDate.now(clock.withZone(Arrivals.BEIJING));
        return CommandMetric.countPerRegion(
                jdbc,
                caller,
                regions,
                "join arrival.arrivals a on a.path like p.path || '%' and a.arrived_at >= ? and a.arrived_at < ?",
                Timestamp.from(today.atStartOfDay(Arrivals.BEIJING).toInstant()),
                Timestamp.from(today.plusDays(1).atStartOfDay(Arrivals.BEIJING).toInstant()));
    }
}
