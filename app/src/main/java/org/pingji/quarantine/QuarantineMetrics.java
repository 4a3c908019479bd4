package org.pingji.quarantine;

import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandMetric;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's "in quarantine" (active placements, central and home) per region, in one query. */
@Component
class QuarantineMetrics implements CommandMetric {

    private final JdbcClient jdbc;

    QuarantineMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "quarantine";
    }

    @Override
    public String label() {
        return "在隔离人数";
    }

    @Override
    public String unit() {
        return "人";
    }

    @Override
    public Map<String, Number> values(Caller caller, List<Region> regions) {
        return CommandMetric.countPerRegion(
                jdbc,
                caller,
                regions,
                "join quarantine.placements q on q.path like p.path || '%' and q.status = 'ACTIVE'");
    }
}
