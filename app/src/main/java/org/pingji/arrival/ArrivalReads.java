package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.arrival.Arrivals.ArrivalView;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.RecentArrival;
import org.pingji.arrival.Arrivals.RegionCounts;
import org.pingji.platform.SqlTimes;
import org.pingji.policy.Exposure;
import org.pingji.risk.RiskAreas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of recorded arrivals with their measures, and the counts per region. */
@Component
class ArrivalReads {

    private final JdbcClient jdbc;
    private final RiskAreas risk;
    private final AccessManagement access;

    ArrivalReads(JdbcClient jdbc, RiskAreas risk, AccessManagement access) {
        this.jdbc = jdbc;
        this.risk = risk;
        this.access = access;
    }

    ArrivalView arrival(Caller caller, long id) {
        var row = jdbc.sql("select person_id, path from arrival.arrivals where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        boolean own = row.isPresent()
                && access.personOf(caller).map(p -> p == (long) row.get()[0]).orElse(false);
        if (!own) {
            // The permission first (403), then existence and the jurisdiction alike (404).
            caller.require(Permission.REGION_READ);
            if (row.isEmpty() || !caller.covers((String) row.get()[1])) {
                throw new ArrivalNotFound(id);
            }
        }
        return arrival(id);
    }

    ArrivalView arrival(long id) {
        var view = jdbc.sql(
                        """
                        select id, person_id, origin_text, origin_code, departed_at, arrived_at, transport, reported_via,
                               exposure, risk_area, policy_edition from arrival.arrivals where id = ?""")
                .param(id)
                .query((rs, n) -> new ArrivalView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        risk.divisionName(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        Exposure.valueOf(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11),
                        List.of()))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 %d 的报备".formatted(id)));
        List<Measure> measures = jdbc.sql(
                        "select kind, day, due, until from arrival.tasks where arrival_id = ? order by due, kind")
                .param(id)
                .query((rs, n) -> new Measure(
                        rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), SqlTimes.instant(rs, 4)))
                .list();
        return new ArrivalView(
                view.id(),
                view.personId(),
                view.origin(),
                view.originCode(),
                view.originName(),
                view.departedAt(),
                view.arrivedAt(),
                view.transport(),
                view.reportedVia(),
                view.exposure(),
                view.riskArea(),
                view.policyEdition(),
                measures);
    }

    List<ArrivalView> arrivalsOf(long personId, Instant since) {
        return jdbc
                .sql("select id from arrival.arrivals where person_id = ? and arrived_at >= ? order by arrived_at desc")
                .params(personId, Timestamp.from(since))
                .query(Long.class)
                .list()
                .stream()
                .map(this::arrival)
                .toList();
    }

    List<ArrivalView> recent(Caller caller, int limit) {
        caller.require(Permission.REGION_READ);
        return jdbc
                .sql("select id from arrival.arrivals where path like ? order by arrived_at desc limit ?")
                .params(caller.pathPattern(), Math.min(Math.max(limit, 1), 500))
                .query(Long.class)
                .list()
                .stream()
                .map(this::arrival)
                .toList();
    }

    Map<Long, List<RecentArrival>> recentOf(Collection<Long> personIds, Instant since) {
        Map<Long, List<RecentArrival>> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        """
                        select id, person_id, origin_code, exposure, arrived_at from arrival.arrivals
                         where person_id = any(?) and arrived_at >= ? order by arrived_at desc""")
                .params(personIds.toArray(Long[]::new), Timestamp.from(since))
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new RecentArrival(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    Exposure.valueOf(rs.getString(4)),
                                    rs.getTimestamp(5).toInstant()));
                });
        return found;
    }

    List<RegionCounts> counts(Caller caller, String regionPath) {
        caller.require(Permission.REGION_READ);
        caller.requireCovers(regionPath, "区域 " + regionPath);
        return jdbc.sql(
                        """
                        select split_part(substr(a.path, ?), '/', 1) as region, count(*),
                               count(*) filter (where a.origin_code not like '14%'),
                               count(*) filter (where a.exposure = 'HIGH_RISK_AREA'),
                               count(*) filter (where a.exposure = 'MEDIUM_RISK_AREA'),
                               count(*) filter (where exists (select 1 from arrival.tasks t
                                                  where t.arrival_id = a.id and t.kind = 'CENTRAL_QUARANTINE')),
                               count(*) filter (where exists (select 1 from arrival.tasks t
                                                  where t.arrival_id = a.id and t.kind = 'HOME_QUARANTINE'))
                          from arrival.arrivals a where a.path like ?
                         group by 1 order by 1""")
                .params(regionPath.length() + 1, regionPath + "%")
                .query((rs, n) -> new RegionCounts(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }
}
