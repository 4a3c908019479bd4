package org.pingji.warning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.warning.Alerts.AlertView;
import org.pingji.warning.Alerts.State;
import org.pingji.warning.Alerts.Step;
import org.pingji.warning.Counts.Source;
import org.pingji.warning.ReportingUnits.Completeness;
import org.pingji.warning.ReportingUnits.Unit;
import org.springframework.stereotype.Service;

/**
 * Early warning (监测预警): daily counts per signal and region in, reporting units with their
 * completeness, detection over the configured settings raising signals (预警信号), and the
 * response to a signal by the duty officer. Every method checks the caller's permission and
 * jurisdiction; counts are all-or-nothing per call.
 *
 * <p>Sensors and alarms: sensors publish readings over MQTT to {@code pingji/sensors/{code}};
 * alarms go to the duty officer on shift.
 */
@Service
public class WarningManagement {

    /**
     * One daily count: a signal's count for a region and day (county calendar).
     *
     * @param signal a catalogue name ({@code pharmacy_fever_drugs}); a new well-formed name is
     *     added to the catalogue with the name as its label
     * @param count the day's count, at least 0; a second count for the same day replaces the first
     */
    public record CountRow(String signal, String regionCode, LocalDate date, Integer count) {}

    /** A reporting unit (监测哨点) to register: kind PHARMACY, CLINIC or SCHOOL. */
    public record NewReportingUnit(
            String code, String name, String kind, String regionCode, List<String> signals, String reporter) {}

    private final Counts counts;
    private final ReportingUnits units;
    private final Alerts alerts;
    private final AlertRaising raising;
    private final ResponseMeasures measures;
    private final Clock clock;
    private final RegionNames regions;
    private final SignalSettings settings;
    private final SensorDesk sensors;

    WarningManagement(
            Counts counts,
            ReportingUnits units,
            Alerts alerts,
            AlertRaising raising,
            ResponseMeasures measures,
            Clock clock,
            RegionNames regions,
            SignalSettings settings,
            SensorDesk sensors) {
        this.counts = counts;
        this.units = units;
        this.alerts = alerts;
        this.raising = raising;
        this.measures = measures;
        this.clock = clock;
        this.regions = regions;
        this.settings = settings;
        this.sensors = sensors;
    }

    /** Today in the county. */
    public LocalDate today() {
        return counts.today();
    }

    /**
     * Stores daily counts all-or-nothing (400/404 naming the first bad row) and runs detection for
     * the days they cover; returns how many counts were stored (a duplicate in the batch counts once).
     */
    public int storeCounts(Caller caller, List<CountRow> rows) {
        // a sentinel's own counts are its unit's (so they count for its completeness)
        String unit = units.ofReporter(caller.username())
                .filter(u -> rows != null
                        && rows.stream()
                                .allMatch(r -> r != null && u.regionCode().equals(r.regionCode())))
                .map(Unit::code)
                .orElse(null);
        return storeAndDetect(caller, rows, Source.API, unit, 1);
    }

    /** A region's daily series (sum over its subtree) from..to, for charts and checks. */
    long[] series(Caller caller, String signal, String regionCode, LocalDate from, LocalDate to) {
        caller.require(Permission.SIGNAL_ANALYSE);
        if (from.isAfter(to) || to.toEpochDay() - from.toEpochDay() > 3660) {
            throw WarningRefused.invalid("range_invalid", "日期范围无效：%s 至 %s".formatted(from, to));
        }
        String path = regions.covered(caller, regionCode).path();
        return counts.series(signal, path, from, to);
    }

    int storeAndDetect(Caller caller, List<CountRow> rows, Source source, String unitCode, int firstRow) {
        int stored = counts.store(caller, rows, source, unitCode, firstRow);
        LocalDate from =
                rows.stream().map(CountRow::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to =
                rows.stream().map(CountRow::date).max(LocalDate::compareTo).orElseThrow();
        // detection over at most the last two weeks of what arrived: older days are history
        raising.run(from.isBefore(to.minusDays(13)) ? to.minusDays(13) : from, to);
        return stored;
    }

    /**
     * The counts a reporting unit's user reports for its unit on a day (the form of
     * {@code /warning/report}): one count per signal the unit reports.
     */
    public int reportForUnit(Caller caller, LocalDate day, java.util.Map<String, Integer> countsBySignal) {
        caller.require(Permission.SIGNAL_REPORT);
        Unit unit = units.ofReporter(caller.username())
                .orElseThrow(() -> WarningRefused.invalid("no_unit", "你没有登记为任何监测哨点的报告人"));
        List<CountRow> rows = countsBySignal.entrySet().stream()
                .filter(e -> unit.signals().contains(e.getKey()))
                .map(e -> new CountRow(e.getKey(), unit.regionCode(), day, e.getValue()))
                .toList();
        if (rows.size() != countsBySignal.size()) {
            throw WarningRefused.invalid("signal_not_reported", "本哨点不报告该信号");
        }
        return storeAndDetect(caller, rows, Source.FORM, unit.code(), 1);
    }

    /**
     * Demo history: counts of a reporting unit stored as source {@code DEMO}, looking reported at
     * 08:30 the next morning; no detection (the demo runs {@link #detect} once all are in).
     */
    public int storeDemoCounts(Caller caller, String unitCode, List<CountRow> rows) {
        return counts.store(caller, rows, Source.DEMO, unitCode, 1);
    }

    /** Registers or updates reporting units (demo and administration). */
    public void registerReportingUnits(List<NewReportingUnit> list) {
        units.register(list);
    }

    /** Completeness and timeliness of the jurisdiction's units for a day. */
    Completeness completeness(Caller caller, LocalDate day) {
        return units.completeness(caller, day);
    }

    /** Runs detection for the days from..to over every active setting; returns the signals found. */
    public int detect(LocalDate from, LocalDate to) {
        return raising.run(from, to);
    }

    List<AlertView> signals(Caller caller, State state) {
        return alerts.list(caller, state, 500);
    }

    AlertView signal(Caller caller, long id) {
        return alerts.get(caller, id);
    }

    List<Step> steps(Caller caller, long id) {
        return alerts.steps(caller, id);
    }

    AlertView acknowledge(Caller caller, long id) {
        return alerts.acknowledge(caller, id);
    }

    AlertView verify(Caller caller, long id, String note) {
        return alerts.verify(caller, id, note);
    }

    AlertView dismiss(Caller caller, long id, String reason) {
        return alerts.dismiss(caller, id, reason);
    }

    /**
     * Escalates a verified signal to a suspected event (疑似事件). No tracing case is opened: a
     * syndromic signal names no person, and tracing opens cases for confirmed persons only.
     */
    AlertView escalate(Caller caller, long id, String note) {
        return alerts.escalate(caller, id, note);
    }

    AlertView close(Caller caller, long id, String outcome) {
        return alerts.close(caller, id, outcome);
    }

    List<ResponseMeasures.UnitMeasures> measures(Caller caller, int days) {
        Instant since = clock.instant().minusSeconds(86_400L * days);
        return measures.measures(caller, since);
    }

    List<SignalSettings.Setting> settings(Caller caller) {
        caller.require(Permission.SIGNAL_ANALYSE);
        return settings.all();
    }

    void saveSetting(
            Caller caller, String signal, String level, String method, double alpha, int threshold, boolean active) {
        settings.save(caller, signal, level, method, alpha, threshold, active);
    }

    /** Open signals (not yet acknowledged) in the caller's jurisdiction, for a header badge. */
    public int openSignals(Caller caller) {
        return caller.can(Permission.SIGNAL_ANALYSE)
                ? alerts.list(caller, State.OPEN, 1000).size()
                : 0;
    }

    // ---- sensors and alarms (part C) ----------------------------------------------------------

    /**
     * A sensor to register: kind one of METHANE (%), CO (ppm), GAS_LEL (%LEL), WATER_LEVEL (m),
     * TEMPERATURE (°C), PEOPLE_COUNT (persons, thresholds from {@code capacity}: 80 % warning, 100 %
     * alarm); thresholds left {@code null} take the kind's defaults.
     */
    public record SensorSpec(
            String code,
            String kind,
            String regionCode,
            String site,
            Integer capacity,
            Integer pollSeconds,
            Double alarmAt,
            Double clearBelow) {}

    /** Registers (or updates) a sensor; needs SENSOR_MANAGE and the region in the jurisdiction. */
    public void registerSensor(Caller caller, SensorSpec spec) {
        SensorKind kind;
        try {
            kind = SensorKind.valueOf(spec.kind());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SensorRefused.invalid("sensor_kind_invalid", "未知的传感器类型：" + spec.kind());
        }
        sensors.register(
                caller,
                new Sensors.NewSensor(
                        spec.code(),
                        kind,
                        spec.regionCode(),
                        spec.site(),
                        spec.capacity(),
                        null,
                        spec.pollSeconds(),
                        null,
                        spec.alarmAt(),
                        null,
                        spec.clearBelow()));
    }

    /** How many sensors are registered in the caller's jurisdiction. */
    public int sensorCount(Caller caller) {
        return sensors.sensors(caller).size();
    }
}
