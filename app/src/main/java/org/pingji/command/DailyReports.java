package org.pingji.command;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.pingji.grid.RegionSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 日报: one report per region and day on the county's form, due by the deadline of that day;
 * reading a region rolls the reports below it up in one pass over its subtree (sorted by path,
 * a report shadows the reports below it, so a level that reports for itself is not counted twice).
 */
@Component
class DailyReports {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final CommandSettings settings;
    private final Clock clock;
    private final JsonMapper json;
    private volatile List<ReportField> fields;

    DailyReports(
            JdbcClient jdbc,
            GridManagement grid,
            AccessManagement access,
            CommandSettings settings,
            Clock clock,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    List<ReportField> fields() {
        List<ReportField> f = fields;
        if (f == null) {
            f = jdbc.sql("select key, label, kind, min_value, max_value from command.report_fields order by position")
                    .query((rs, n) -> new ReportField(
                            rs.getString(1),
                            rs.getString(2),
                            ReportField.Kind.valueOf(rs.getString(3)),
                            (Long) rs.getObject(4),
                            (Long) rs.getObject(5)))
                    .list();
            fields = f;
        }
        return f;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    Instant deadline(LocalDate date) {
        return date.atTime(settings.reportDeadline()).atZone(settings.zone()).toInstant();
    }

    /** Saves (or replaces) a region's report of a day; nothing is written unless every field is valid. */
    ReportSummary.Row fill(Caller caller, LocalDate date, String regionCode, Map<String, Object> values) {
        caller.require(Permission.REPORT_FILL);
        if (date == null) {
            throw new CommandRefused("date: 请填写日报日期");
        }
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw new CommandRefused("date: 不能填报未来日期 %s 的日报（今天是 %s）".formatted(date, today));
        }
        if (date.isBefore(today.minusDays(settings.backfillDays()))) {
            throw new CommandRefused("date: 只能补报最近 %d 天的日报，%s 太早".formatted(settings.backfillDays(), date));
        }
        Region region = grid.region(caller, regionCode);
        Map<String, Object> clean = validate(values);
        Instant now = Instant.now(clock);
        boolean late = now.isAfter(deadline(date));
        String text = json.writeValueAsString(clean);
        jdbc.sql(
                        """
                        insert into command.daily_reports (report_date, region_code, path, fields, submitted_by, submitted_at, late)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?)
                        on conflict (report_date, region_code) do update set fields = excluded.fields,
                          submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at, late = excluded.late""")
                .params(date, region.code(), region.path(), text, caller.username(), Timestamp.from(now), late)
                .update();
        access.audit(caller, "COMMAND_REPORT_FILLED", "REPORT", date + "/" + region.code(), late ? "late" : null);
        return summary(caller, date, region.code()).own();
    }

    private Map<String, Object> validate(Map<String, Object> values) {
        if (values == null) {
            throw new CommandRefused("fields: 请填写日报内容");
        }
        Map<String, ReportField> byKey = new LinkedHashMap<>();
        fields().forEach(f -> byKey.put(f.key(), f));
        for (String key : values.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new CommandRefused("fields.%s: 日报没有此项，可填项为 %s".formatted(key, byKey.keySet()));
            }
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        for (ReportField f : byKey.values()) {
            Object v = values.get(f.key());
            switch (f.kind()) {
                case INTEGER -> {
                    if (v == null) {
                        throw new CommandRefused("fields.%s: 请填写%s".formatted(f.key(), f.label()));
                    }
                    if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
                        throw new CommandRefused("fields.%s: %s须为整数，收到 %s"
                                .formatted(f.key(), f.label(), v instanceof String s ? "\"" + s + "\"" : v));
                    }
                    BigInteger n = new BigInteger(v.toString());
                    if ((f.min() != null && n.compareTo(BigInteger.valueOf(f.min())) < 0)
                            || (f.max() != null && n.compareTo(BigInteger.valueOf(f.max())) > 0)) {
                        throw new CommandRefused(
                                "fields.%s: %s须在 %d 到 %d 之间，收到 %s".formatted(f.key(), f.label(), f.min(), f.max(), n));
                    }
                    clean.put(f.key(), n.longValue());
                }
                case TEXT -> {
                    if (v == null) {
                        continue;
                    }
                    if (!(v instanceof String s)) {
                        throw new CommandRefused("fields.%s: %s须为文字".formatted(f.key(), f.label()));
                    }
                    if (f.max() != null && s.length() > f.max()) {
                        throw new CommandRefused(
                                "fields.%s: %s最多 %d 字，现为 %d 字".formatted(f.key(), f.label(), f.max(), s.length()));
                    }
                    if (!s.isBlank()) {
                        clean.put(f.key(), s.strip());
                    }
                }
            }
        }
        return clean;
    }

    /** A stored report row. */
    private record Stored(String code, String path, Map<String, Object> fields, String by, Instant at, boolean late) {}

    /** Roll-up of the day's reports for a region of the caller's jurisdiction. */
    ReportSummary summary(Caller caller, LocalDate date, String regionCode) {
        caller.require(Permission.REGION_READ);
        if (date == null) {
            throw new CommandRefused("date: 请填写日报日期");
        }
        Region region = grid.region(caller, regionCode);
        List<ReportField> form = fields();
        List<RegionSummary> children =
                region.level() == RegionLevel.MICRO_GRID ? List.of() : grid.children(caller, region.code());
        List<Stored> rows = new ArrayList<>();
        jdbc.sql(
                        """
                        select region_code, path, fields::text, submitted_by, submitted_at, late from command.daily_reports
                        where report_date = ? and path like ? order by path""")
                .params(date, region.path() + "%")
                .query(rs -> {
                    rows.add(new Stored(
                            rs.getString(1),
                            rs.getString(2),
                            json.readValue(rs.getString(3), MAP),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getBoolean(6)));
                });
        Map<String, Accumulator> byChild = new LinkedHashMap<>();
        children.forEach(c -> byChild.put(c.code(), new Accumulator(c.code(), c.name())));
        Accumulator own = null;
        String top = null;
        for (Stored s : rows) {
            if (s.path().equals(region.path())) {
                own = new Accumulator(region.code(), region.name());
                own.add(s, form, true);
                continue;
            }
            if (top != null && s.path().startsWith(top)) {
                continue; // shadowed by a report higher up in the same branch
            }
            top = s.path();
            String rest = s.path().substring(region.path().length());
            String child = rest.substring(0, rest.indexOf('/'));
            Accumulator a = byChild.get(child);
            if (a != null) {
                a.add(s, form, child.equals(s.code()));
            }
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        form.stream().filter(f -> f.kind() == ReportField.Kind.INTEGER).forEach(f -> totals.put(f.key(), 0L));
        List<ReportSummary.Row> childRows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Accumulator a : byChild.values()) {
            ReportSummary.Row row = a.row();
            childRows.add(row);
            if (!row.reported()) {
                missing.add(row.code());
            } else if (row.late()) {
                late.add(row.code());
            }
            if (own == null) {
                row.totals().forEach((k, v) -> totals.merge(k, v, Long::sum));
            }
        }
        ReportSummary.Row ownRow = own == null ? null : own.row();
        if (ownRow != null) {
            totals.putAll(ownRow.totals());
        }
        if (children.isEmpty() || ownRow != null) {
            // A region that reports for itself (or has no children) is one unit due.
            missing.clear();
            late.clear();
            if (ownRow == null) {
                missing.add(region.code());
            } else if (ownRow.late()) {
                late.add(region.code());
            }
        }
        int expected = children.isEmpty() || ownRow != null ? 1 : children.size();
        return new ReportSummary(
                date,
                region.code(),
                region.name(),
                region.level().name(),
                deadline(date),
                form,
                totals,
                expected,
                expected - missing.size(),
                missing,
                late,
                ownRow,
                childRows);
    }

    /** Totals per day over a range, for the trend chart. */
    List<ReportSummary> trend(Caller caller, String regionCode, int days) {
        LocalDate today = today();
        List<ReportSummary> result = new ArrayList<>();
        for (int i = Math.clamp(days, 1, 60) - 1; i >= 0; i--) {
            result.add(summary(caller, today.minusDays(i), regionCode));
        }
        return result;
    }

    /** Sums the reports that stand for one child. */
    private static final class Accumulator {
        final String code;
        final String name;
        final Map<String, Long> totals = new LinkedHashMap<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        int reports;
        boolean late;
        boolean own;
        String by;
        Instant at;

        Accumulator(String code, String name) {
            this.code = code;
            this.name = name;
        }

        void add(Stored s, List<ReportField> form, boolean ownReport) {
            reports++;
            late |= s.late();
            own |= ownReport;
            if (at == null || s.at().isAfter(at)) {
                at = s.at();
                by = s.by();
            }
            for (ReportField f : form) {
                Object v = s.fields().get(f.key());
                if (v == null) {
                    continue;
                }
                if (f.kind() == ReportField.Kind.INTEGER) {
                    totals.merge(f.key(), ((Number) v).longValue(), Long::sum);
                } else {
                    texts.merge(f.key(), v.toString(), (x, y) -> x.length() > 2000 ? x : x + "；" + y);
                }
            }
        }

        ReportSummary.Row row() {
            return new ReportSummary.Row(code, name, reports > 0, late, own, reports, by, at, totals, texts);
        }
    }
}
