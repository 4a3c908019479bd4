package org.pingji.testing;

import java.time.Instant;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Drill reports and the pool planner. */
@Component
class RoundReports {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final TestingSettings settings;

    RoundReports(JdbcClient jdbc, GridManagement grid, TestingSettings settings) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.settings = settings;
    }

    DrillReport drillReport(RoundView round) {
        var points = jdbc.sql(
                        """
                        with tubes as (
                          select t.barcode, rt.collection_point_id, t.sealed_at, t.resulted_at,
                                 (select min(s.scanned_at) from testing.samples s where s.tube_barcode = t.barcode) first_sample,
                                 (select min(c.at) from testing.custody c where c.box_barcode = t.box_barcode and c.action = 'PACKED') boxed_at,
                                 (select min(c.at) from testing.custody c where c.box_barcode = t.box_barcode and c.action = 'RECEIVED') received_at
                          from testing.tubes t
                          join testing.round_tables rt on rt.round_id = t.round_id and rt.table_id = t.table_id
                          where t.round_id = ?),
                        samples as (
                          select rt.collection_point_id, s.scanned_at, s.arrived_at
                          from testing.samples s
                          join testing.round_tables rt on rt.round_id = s.round_id and rt.table_id = s.table_id
                          where s.round_id = ?)
                        select p.collection_point_id, min(rt.name),
                          (select count(*) from samples s where s.collection_point_id = p.collection_point_id),
                          (select count(*) from tubes t where t.collection_point_id = p.collection_point_id),
                          (select min(scanned_at) from samples s where s.collection_point_id = p.collection_point_id),
                          (select max(scanned_at) from samples s where s.collection_point_id = p.collection_point_id),
                          (select percentile_cont(0.5) within group (order by extract(epoch from s.scanned_at - s.arrived_at) / 60)
                             from samples s where s.collection_point_id = p.collection_point_id and s.arrived_at is not null),
                          (select percentile_cont(0.5) within group (order by extract(epoch from t.sealed_at - t.first_sample) / 60)
                             from tubes t where t.collection_point_id = p.collection_point_id and t.sealed_at is not null),
                          (select percentile_cont(0.5) within group (order by extract(epoch from t.boxed_at - t.sealed_at) / 60)
                             from tubes t where t.collection_point_id = p.collection_point_id and t.boxed_at is not null),
                          (select percentile_cont(0.5) within group (order by extract(epoch from t.received_at - t.boxed_at) / 60)
                             from tubes t where t.collection_point_id = p.collection_point_id and t.received_at is not null),
                          (select percentile_cont(0.5) within group (order by extract(epoch from t.resulted_at - t.received_at) / 60)
                             from tubes t where t.collection_point_id = p.collection_point_id and t.resulted_at is not null
                               and t.received_at is not null)
                        from (select distinct collection_point_id from testing.round_tables where round_id = ?) p
                        join testing.round_tables rt on rt.round_id = ? and rt.collection_point_id = p.collection_point_id
                        group by p.collection_point_id order by p.collection_point_id""")
                .params(round.id(), round.id(), round.id(), round.id())
                .query((rs, n) -> new DrillReport.Point(
                        rs.getLong(1),
                        pointName(rs.getString(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        minutes(rs, 7),
                        minutes(rs, 8),
                        minutes(rs, 9),
                        minutes(rs, 10),
                        minutes(rs, 11)))
                .list();
        return new DrillReport(round.id(), round.name(), round.drill(), points);
    }

    PoolPlan plan(Caller caller, String regionCode) {
        Region region = grid.region(caller, regionCode);
        // Persons confirmed by a single retest, over persons with a result, in all earlier rounds.
        long[] counts = jdbc.sql(
                        """
                        select (select count(*) from testing.recalls where status = 'POSITIVE' and path like ?),
                               (select coalesce(sum(resulted), 0) from testing.coverage where path like ?)""")
                .params(region.path() + "%", region.path() + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return PoolPlan.of(regionCode, counts[0], counts[1], settings.allowedPoolSizes());
    }

    private static String pointName(String tableName) {
        int cut = tableName.lastIndexOf("采样点");
        return cut < 0 ? tableName : tableName.substring(0, cut + 3);
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Double minutes(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
    }
}
