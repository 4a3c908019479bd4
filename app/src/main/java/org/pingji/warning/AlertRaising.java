package org.pingji.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.warning.Alerts.Raised;
import org.pingji.warning.SignalSettings.Setting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs every active setting over the series of every region of its level that has counts and
 * raises one signal per signal, region and day on which any method alarmed; the score that ranks
 * signals is observed / upper bound (a threshold's bound is the threshold).
 */
@Component
class AlertRaising {

    private final JdbcClient jdbc;
    private final Detection detection;
    private final SignalSettings settings;
    private final Alerts alerts;
    private final GridManagement grid;

    AlertRaising(JdbcClient jdbc, Detection detection, SignalSettings settings, Alerts alerts, GridManagement grid) {
        this.jdbc = jdbc;
        this.detection = detection;
        this.settings = settings;
        this.alerts = alerts;
        this.grid = grid;
    }

    /** Detection for the days {@code from..to}; returns how many signals were raised or updated. */
    int run(LocalDate from, LocalDate to) {
        Map<String, Raised> found = new LinkedHashMap<>();
        for (Setting setting : settings.active()) {
            DetectionSettings ds = setting.detection();
            LocalDate start = from.minusDays(detection.historyDays(ds));
            Map<String, LocalDate> firsts = firstDays(setting);
            for (var entry : seriesByRegion(setting, start, to).entrySet()) {
                Region region = grid.findRegion(entry.getKey()).orElse(null);
                LocalDate first = firsts.get(entry.getKey());
                if (region == null || first == null) {
                    continue;
                }
                // A region's history starts at its first recorded count: the days before are no
                // history, not zeros (else the moving percentile's bound is 0 for a new region).
                LocalDate seriesStart = first.isAfter(start) ? first : start;
                LocalDate detectFrom = first.isAfter(from) ? first : from;
                long[] counts = entry.getValue();
                int skip = (int) (seriesStart.toEpochDay() - start.toEpochDay());
                DailySeries series = new DailySeries(seriesStart, Arrays.copyOfRange(counts, skip, counts.length));
                for (DetectionPoint p : detection.detect(series, detectFrom, to, ds)) {
                    if (p.alarm()) {
                        double bound = p.upperBound() == null ? 0 : p.upperBound();
                        Raised r = new Raised(
                                setting.signal(),
                                region.code(),
                                region.path(),
                                setting.level(),
                                p.date(),
                                List.of(setting.method()),
                                p.observed(),
                                bound,
                                p.observed() / Math.max(bound, 0.5));
                        found.merge(r.signal() + "|" + r.regionCode() + "|" + r.day(), r, AlertRaising::combine);
                    }
                }
            }
        }
        found.values().forEach(alerts::raise);
        return found.size();
    }

    private static Raised combine(Raised a, Raised b) {
        List<String> methods = new ArrayList<>(a.methods());
        b.methods().stream().filter(m -> !methods.contains(m)).forEach(methods::add);
        return new Raised(
                a.signal(),
                a.regionCode(),
                a.path(),
                a.level(),
                a.day(),
                methods.stream().sorted().toList(),
                Math.max(a.observed(), b.observed()),
                Math.min(a.upperBound(), b.upperBound()),
                Math.max(a.score(), b.score()));
    }

    /** The first day with a recorded count, per region of the setting's level. */
    private Map<String, LocalDate> firstDays(Setting setting) {
        int part = setting.depth() + 1;
        Map<String, LocalDate> firsts = new HashMap<>();
        jdbc.sql(
                        """
                        select split_part(path, '/', ?) as code, min(day) as first from warning.counts
                        where signal = ? and split_part(path, '/', ?) <> '' group by 1""")
                .params(part, setting.signal(), part)
                .query((rs, n) ->
                        firsts.put(rs.getString("code"), rs.getDate("first").toLocalDate()))
                .list();
        return firsts;
    }

    /** Daily sums per region of the setting's level, each as an array from start to to. */
    private Map<String, long[]> seriesByRegion(Setting setting, LocalDate start, LocalDate to) {
        int days = (int) (to.toEpochDay() - start.toEpochDay()) + 1;
        int part = setting.depth() + 1;
        Map<String, long[]> series = new HashMap<>();
        jdbc.sql(
                        """
                        select split_part(path, '/', ?) as code, day, sum(count) as n from warning.counts
                        where signal = ? and day between ? and ? and split_part(path, '/', ?) <> ''
                        group by 1, 2""")
                .params(part, setting.signal(), start, to, part)
                .query((rs, n) -> {
                    long[] values = series.computeIfAbsent(rs.getString("code"), c -> new long[days]);
                    values[(int) (rs.getDate("day").toLocalDate().toEpochDay() - start.toEpochDay())] = rs.getLong("n");
                    return null;
                })
                .list();
        return series;
    }
}
