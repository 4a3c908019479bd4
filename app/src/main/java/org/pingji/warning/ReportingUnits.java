package org.pingji.warning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.CountyTime;
import org.pingji.warning.WarningManagement.NewReportingUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry of reporting units (监测哨点: pharmacies, clinics, schools) and, per day, who has
 * reported every signal it reports and whether in time (by {@link #DEADLINE} the next day).
 */
@Component
class ReportingUnits {

    /** A day's counts are due by 10:00 the next day, county time. */
    static final LocalTime DEADLINE = LocalTime.of(10, 0);

    /** A registered unit. */
    record Unit(
            String code,
            String name,
            String kind,
            String regionCode,
            String path,
            List<String> signals,
            String reporter) {}

    /** A unit's report for a day: signals reported of those due, the last time, late or not. */
    record UnitReport(
            String code,
            String name,
            String kind,
            String regionCode,
            String regionName,
            int due,
            int reported,
            Instant lastReportedAt,
            boolean complete,
            boolean onTime) {}

    /** The day's completeness and timeliness over the units of the jurisdiction. */
    record Completeness(LocalDate day, Instant deadline, int units, int complete, int onTime, List<UnitReport> rows) {
        public int missing() {
            return units - complete;
        }
    }

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final CountyTime countyTime;

    ReportingUnits(JdbcClient jdbc, GridManagement grid, CountyTime countyTime) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.countyTime = countyTime;
    }

    void register(List<NewReportingUnit> units) {
        for (NewReportingUnit u : units) {
            Region region =
                    grid.findRegion(u.regionCode()).orElseThrow(() -> WarningRefused.notFound("区域 " + u.regionCode()));
            jdbc.sql(
                            """
                            insert into warning.reporting_units (code, name, kind, region_code, path, signals, reporter)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                                region_code = excluded.region_code, path = excluded.path,
                                signals = excluded.signals, reporter = excluded.reporter""")
                    .params(
                            u.code(),
                            u.name(),
                            u.kind(),
                            region.code(),
                            region.path(),
                            u.signals().toArray(String[]::new),
                            u.reporter())
                    .update();
        }
    }

    /** The unit the user reports for, if any. */
    Optional<Unit> ofReporter(String username) {
        return jdbc.sql("select * from warning.reporting_units where reporter = ? order by code limit 1")
                .param(username)
                .query(ReportingUnits::unit)
                .optional();
    }

    Optional<Unit> find(String code) {
        return jdbc.sql("select * from warning.reporting_units where code = ?")
                .param(code)
                .query(ReportingUnits::unit)
                .optional();
    }

    List<Unit> list(Caller caller) {
        return jdbc.sql("select * from warning.reporting_units where path like ? order by path, code")
                .param(caller.pathPattern())
                .query(ReportingUnits::unit)
                .list();
    }

    Instant deadline(LocalDate day) {
        return day.plusDays(1).atTime(DEADLINE).atZone(countyTime.zone()).toInstant();
    }

    Completeness completeness(Caller caller, LocalDate day) {
        caller.require(Permission.SIGNAL_ANALYSE);
        Instant deadline = deadline(day);
        List<UnitReport> rows = jdbc.sql(
                        """
                        select u.code, u.name, u.kind, u.region_code, cardinality(u.signals) as due,
                               count(distinct c.signal) as reported, max(c.reported_at) as last_at
                        from warning.reporting_units u
                        left join warning.counts c on c.unit_code = u.code and c.day = ? and c.signal = any (u.signals)
                        where u.path like ?
                        group by u.code, u.name, u.kind, u.region_code, u.signals, u.path
                        order by u.path, u.code""")
                .params(day, caller.pathPattern())
                .query((rs, n) -> {
                    int due = rs.getInt("due");
                    int reported = rs.getInt("reported");
                    var last = rs.getTimestamp("last_at");
                    Instant at = last == null ? null : last.toInstant();
                    boolean complete = reported >= due;
                    String code = rs.getString("region_code");
                    return new UnitReport(
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("kind"),
                            code,
                            grid.findRegion(code).map(Region::name).orElse(code),
                            due,
                            reported,
                            at,
                            complete,
                            complete && !at.isAfter(deadline));
                })
                .list();
        int complete = (int) rows.stream().filter(UnitReport::complete).count();
        int onTime = (int) rows.stream().filter(UnitReport::onTime).count();
        return new Completeness(day, deadline, rows.size(), complete, onTime, rows);
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        Array signals = rs.getArray("signals");
        return new Unit(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("region_code"),
                rs.getString("path"),
                List.of((String[]) signals.getArray()),
                rs.getString("reporter"));
    }
}
