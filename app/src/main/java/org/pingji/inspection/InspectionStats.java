package org.pingji.inspection;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.pingji.inspection.InspectionManagement.Stats;
import org.pingji.inspection.InspectionManagement.ZoneStats;
import org.pingji.platform.CountyTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Statistics of a region's supervision: inspections, interviews, letters, closures, reopenings
 * and the share of findings rectified by their deadline (of those rectified or past due).
 */
@Component
class InspectionStats {

    private final JdbcClient jdbc;
    private final CountyTime time;
    private final Clock clock;

    InspectionStats(JdbcClient jdbc, CountyTime time, Clock clock) {
        this.jdbc = jdbc;
        this.time = time;
        this.clock = clock;
    }

    Stats of(String path) {
        Date today = Date.valueOf(LocalDate.now(clock.withZone(time.zone())));
        String pattern = path + "%";
        return jdbc.sql(
                        """
                        with e as (select id from inspection.entities where path like :path)
                        select (select count(*) from inspection.inspections i join e on e.id = i.entity_id),
                               (select count(*) from inspection.interviews x join e on e.id = x.entity_id),
                               (select count(*) from inspection.letters x join e on e.id = x.entity_id),
                               (select count(*) from inspection.closures x join e on e.id = x.entity_id),
                               (select count(*) from inspection.closures x join e on e.id = x.entity_id where x.reopened_at is not null),
                               (select count(*) from inspection.findings f join e on e.id = f.entity_id),
                               (select count(*) from inspection.findings f join e on e.id = f.entity_id where f.state = 'OPEN'),
                               (select count(*) from inspection.findings f join e on e.id = f.entity_id
                                 where f.state = 'RECTIFIED' and (f.rectified_at at time zone :zone)::date <= f.deadline),
                               (select count(*) from inspection.findings f join e on e.id = f.entity_id
                                 where f.state = 'RECTIFIED' or f.deadline < :today),
                               (select count(*) from inspection.entities x where x.path like :path and x.state = 'CLOSED'),
                               (select count(*) from inspection.entities x where x.path like :path)""")
                .param("path", pattern)
                .param("zone", time.zone().getId())
                .param("today", today)
                .query((rs, n) -> {
                    long due = rs.getLong(9);
                    Double share = due == 0 ? null : Math.round(10_000.0 * rs.getLong(8) / due) / 10_000.0;
                    return new Stats(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            share,
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(10),
                            rs.getLong(11));
                })
                .single();
    }

    /** Per zone: entities, inspections, findings, closures. */
    List<ZoneStats> byZone(String path) {
        return jdbc.sql(
                        """
                        select z.code, z.name,
                               (select count(*) from inspection.entities e where e.zone_code = z.code and e.path like :path),
                               (select count(*) from inspection.inspections i join inspection.entities e on e.id = i.entity_id
                                 where e.zone_code = z.code and e.path like :path),
                               (select count(*) from inspection.findings f join inspection.entities e on e.id = f.entity_id
                                 where e.zone_code = z.code and e.path like :path),
                               (select count(*) from inspection.closures c join inspection.entities e on e.id = c.entity_id
                                 where e.zone_code = z.code and e.path like :path)
                        from inspection.zones z order by z.code""")
                .param("path", path + "%")
                .query((rs, n) -> new ZoneStats(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }
}
