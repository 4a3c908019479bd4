package org.pingji.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.CountyTime;
import org.pingji.platform.Refusal.Kind;
import org.pingji.warning.WarningManagement.CountRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily counts in: every row checked first (known region inside the caller's jurisdiction, count
 * not negative, date not in the county's future, well-formed signal name), then all written in
 * one transaction; a second count for the same signal, region, unit and day replaces the first.
 */
@Component
class Counts {

    static final Pattern SIGNAL_NAME = Pattern.compile("^[a-z][a-z0-9_]{1,62}$");

    /** Where a count came from, as stored. */
    enum Source {
        API,
        EXCEL,
        FORM,
        COMPUTED,
        DEMO
    }

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final CountyTime countyTime;
    private final Clock clock;

    Counts(JdbcClient jdbc, GridManagement grid, CountyTime countyTime, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.countyTime = countyTime;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(countyTime.zone()));
    }

    /**
     * Checks every row, then stores them all or none; returns how many were stored. Refusals name
     * the row as {@code i + firstRow} (1 for a JSON list, the sheet row for an upload).
     */
    @Transactional
    int store(Caller caller, List<CountRow> rows, Source source, String unitCode, int firstRow) {
        caller.require(Permission.SIGNAL_REPORT);
        if (rows == null || rows.isEmpty()) {
            throw WarningRefused.invalid("counts_empty", "没有数据：至少需要一行计数");
        }
        LocalDate today = today();
        Map<String, Region> regions = new HashMap<>();
        Set<String> known = new HashSet<>(
                jdbc.sql("select name from warning.signals").query(String.class).list());
        Set<String> created = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + firstRow;
            CountRow r = rows.get(i);
            if (r == null
                    || r.signal() == null
                    || !SIGNAL_NAME.matcher(r.signal()).matches()) {
                throw WarningRefused.row(
                        Kind.INVALID,
                        "signal_invalid",
                        row,
                        "信号名称须为小写字母开头的字母、数字或下划线（2–63位）：%s".formatted(r == null ? null : r.signal()));
            }
            if (r.date() == null) {
                throw WarningRefused.row(Kind.INVALID, "date_missing", row, "缺少日期");
            }
            if (r.date().isAfter(today)) {
                throw WarningRefused.row(
                        Kind.INVALID, "date_future", row, "日期 %s 在未来（县里今天是 %s）".formatted(r.date(), today));
            }
            if (r.count() == null || r.count() < 0) {
                throw WarningRefused.row(Kind.INVALID, "count_negative", row, "计数须为不小于0的整数：" + r.count());
            }
            Region region =
                    regions.computeIfAbsent(r.regionCode() == null ? "" : r.regionCode(), c -> grid.findRegion(c)
                            .orElse(null));
            if (region == null || !caller.covers(region.path())) {
                throw WarningRefused.row(
                        Kind.NOT_FOUND, "region_not_found", row, "区域 %s 不存在或不在管辖范围内".formatted(r.regionCode()));
            }
            if (!known.contains(r.signal())) {
                created.add(r.signal());
            }
        }
        for (String name : created) {
            jdbc.sql("insert into warning.signals (name, label) values (?, ?) on conflict do nothing")
                    .params(name, name)
                    .update();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, CountRow> last = new java.util.LinkedHashMap<>();
        for (CountRow r : rows) {
            last.put(r.signal() + "|" + r.regionCode() + "|" + r.date(), r);
        }
        for (CountRow r : last.values()) {
            jdbc.sql(
                            """
                            insert into warning.counts
                                (signal, region_code, path, day, count, source, reported_by, reported_at, unit_code)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (signal, region_code, day, unit_code) do update
                            set count = excluded.count, source = excluded.source,
                                reported_by = excluded.reported_by, reported_at = excluded.reported_at""")
                    .params(
                            r.signal(),
                            r.regionCode(),
                            regions.get(r.regionCode()).path(),
                            r.date(),
                            r.count(),
                            source.name(),
                            caller.username(),
                            source == Source.DEMO ? demoReportedAt(r.date(), now) : now,
                            unitCode == null ? "" : unitCode)
                    .update();
        }
        return last.size();
    }

    /** Demo counts look reported at 08:30 the next morning (never later than now). */
    private Timestamp demoReportedAt(LocalDate day, Timestamp now) {
        Instant morning =
                day.plusDays(1).atTime(8, 30).atZone(countyTime.zone()).toInstant();
        return morning.isBefore(now.toInstant()) ? Timestamp.from(morning) : now;
    }

    /** Platform-computed counts (no caller): replaces the day's computed counts of the signal. */
    @Transactional
    int storeComputed(String signal, LocalDate day, Map<Region, Long> counts, Instant at) {
        jdbc.sql("delete from warning.counts where signal = ? and day = ? and source = 'COMPUTED'")
                .params(signal, day)
                .update();
        for (var e : counts.entrySet()) {
            jdbc.sql(
                            """
                            insert into warning.counts
                                (signal, region_code, path, day, count, source, reported_by, reported_at)
                            values (?, ?, ?, ?, ?, 'COMPUTED', 'system', ?)
                            on conflict (signal, region_code, day, unit_code) do update
                            set count = excluded.count, reported_at = excluded.reported_at""")
                    .params(signal, e.getKey().code(), e.getKey().path(), day, e.getValue(), Timestamp.from(at))
                    .update();
        }
        return counts.size();
    }

    /** The daily series of a region (sum over its subtree), one value per day from..to. */
    long[] series(String signal, String path, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        long[] values = new long[Math.max(days, 0)];
        jdbc.sql(
                        """
                        select day, sum(count) as n from warning.counts
                        where signal = ? and path like ? and day between ? and ? group by day""")
                .params(signal, path + "%", from, to)
                .query((rs, n) -> {
                    int i = (int) (rs.getDate("day").toLocalDate().toEpochDay() - from.toEpochDay());
                    values[i] = rs.getLong("n");
                    return i;
                })
                .list();
        return values;
    }

    /** One row of the data tab: a signal's count in a region on a day. */
    record CountView(String signal, String label, String regionCode, LocalDate day, long count, String source) {}

    /** The counts entered at or below the jurisdiction, newest first, at most {@code limit}. */
    List<CountView> recent(Caller caller, String signal, int limit) {
        caller.require(Permission.SIGNAL_ANALYSE);
        return jdbc.sql(
                        """
                        select c.signal, s.label, c.region_code, c.day, sum(c.count) as count, min(c.source) as source
                        from warning.counts c join warning.signals s on s.name = c.signal
                        where c.path like ? and (cast(? as text) is null or c.signal = ?)
                        group by c.signal, s.label, c.region_code, c.day
                        order by c.day desc, c.signal, c.region_code limit ?""")
                .params(caller.pathPattern(), signal, signal, limit)
                .query((rs, n) -> new CountView(
                        rs.getString("signal"),
                        rs.getString("label"),
                        rs.getString("region_code"),
                        rs.getDate("day").toLocalDate(),
                        rs.getLong("count"),
                        rs.getString("source")))
                .list();
    }

    /** What a unit reported for a day, per signal. */
    Map<String, Long> unitDay(String unitCode, LocalDate day) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select signal, count from warning.counts where unit_code = ? and day = ?")
                .params(unitCode, day)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The catalogue: name and Chinese label of every signal, by category. */
    record SignalKind(String name, String label, String category) {}

    List<SignalKind> catalogue() {
        return jdbc.sql("select name, label, category from warning.signals order by category, name")
                .query(SignalKind.class)
                .list();
    }
}
