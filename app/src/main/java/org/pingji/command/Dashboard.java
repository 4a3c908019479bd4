package org.pingji.command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.grid.RegionMap;
import org.pingji.platform.CommandMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 一张图: KPIs and the metric map of a region, from every {@link CommandMetric} bean. */
@Component
class Dashboard {

    /** Metrics of the catalogue whose module is not built yet: shown empty. */
    static final Map<String, String[]> PLANNED = Map.of(
            "quarantine", new String[] {"在隔离人数", "人"},
            "arrivals_today", new String[] {"今日来返人员", "人"});

    static final List<String> ORDER = List.of(
            "population",
            "households",
            "coverage",
            "positives",
            "quarantine",
            "arrivals_today",
            "missing_reports",
            "overdue_directives");

    private final Map<String, CommandMetric> metrics = new LinkedHashMap<>();
    private final GridManagement grid;
    private final ModeSwitches modes;
    private final Directives directives;
    private final DailyReports reports;
    private final Plans plans;
    private final Duty duty;
    private final TestingMetrics.CurrentRound round;
    private final JdbcClient jdbc;
    private final Clock clock;

    Dashboard(
            List<CommandMetric> beans,
            GridManagement grid,
            ModeSwitches modes,
            Directives directives,
            DailyReports reports,
            Plans plans,
            Duty duty,
            TestingMetrics.CurrentRound round,
            JdbcClient jdbc,
            Clock clock) {
        ORDER.forEach(name ->
                beans.stream().filter(m -> m.name().equals(name)).findFirst().ifPresent(m -> metrics.put(name, m)));
        beans.forEach(m -> metrics.putIfAbsent(m.name(), m));
        this.grid = grid;
        this.modes = modes;
        this.directives = directives;
        this.reports = reports;
        this.plans = plans;
        this.duty = duty;
        this.round = round;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The metric names in display order: provided ones and planned ones. */
    List<DashboardView.Kpi> catalogue() {
        List<DashboardView.Kpi> list = new ArrayList<>();
        for (String name : names()) {
            CommandMetric m = metrics.get(name);
            list.add(
                    m != null
                            ? new DashboardView.Kpi(name, m.label(), m.unit(), null, true)
                            : new DashboardView.Kpi(name, PLANNED.get(name)[0], PLANNED.get(name)[1], null, false));
        }
        return list;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        ORDER.forEach(n -> {
            if (metrics.containsKey(n) || PLANNED.containsKey(n)) {
                names.add(n);
            }
        });
        metrics.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    DashboardView dashboard(Caller caller, String regionCode) {
        caller.require(Permission.REGION_READ);
        Region region = grid.region(caller, code(caller, regionCode));
        List<DashboardView.Kpi> kpis = new ArrayList<>();
        for (DashboardView.Kpi k : catalogue()) {
            CommandMetric m = metrics.get(k.name());
            Number value = m == null
                    ? null
                    : m.values(caller, List.of(Figures.area(region))).get(region.code());
            kpis.add(new DashboardView.Kpi(k.name(), k.label(), k.unit(), value, k.available()));
        }
        var current = round.current(caller)
                .map(r -> new DashboardView.Round(r.id(), r.name(), r.deadline()))
                .orElse(null);
        List<DirectiveView> recent = directives.list(caller, 5);
        int open = jdbc.sql(
                        """
                        select count(distinct d.id) from command.directives d
                        join command.directive_recipients r on r.directive_id = d.id
                        where r.path like ? and r.done_at is null""")
                .param(region.path() + "%")
                .query(Integer.class)
                .single();
        Number overdue = metrics.containsKey("overdue_directives")
                ? metrics.get("overdue_directives")
                        .values(caller, List.of(Figures.area(region)))
                        .getOrDefault(region.code(), 0)
                : 0;
        var summary = reports.summary(caller, reports.today(), region.code());
        var tasks = plans.activations(caller, true);
        var view = new DashboardView.Tasks(
                tasks.stream().mapToInt(ActivationView::tasks).sum(),
                tasks.stream().mapToInt(ActivationView::done).sum(),
                tasks.stream().mapToInt(ActivationView::overdue).sum());
        String county = region.path().substring(1, region.path().indexOf('/', 1));
        return new DashboardView(
                region.code(),
                region.name(),
                region.level().name(),
                grid.breadcrumbs(caller, region.code()).stream()
                        .map(r -> new DashboardView.Crumb(r.code(), r.name()))
                        .toList(),
                Instant.now(clock),
                modes.effective(region.path()),
                kpis,
                current,
                new DashboardView.Directives(open, overdue.intValue(), recent),
                new DashboardView.Reports(
                        summary.date(),
                        summary.expected(),
                        summary.reported(),
                        crumbs(summary.missing()),
                        crumbs(summary.late())),
                view,
                duty.alerts(caller, true, 10),
                duty.current(county).orElse(null));
    }

    MapView map(Caller caller, String regionCode, String metricName) {
        caller.require(Permission.REGION_READ);
        String name = metricName == null || metricName.isBlank() ? "population" : metricName;
        if (!metrics.containsKey(name) && !PLANNED.containsKey(name)) {
            throw new CommandRefused("metric: 未知指标 %s，可选 %s".formatted(name, names()));
        }
        Region region = grid.region(caller, code(caller, regionCode));
        RegionMap base = grid.map(caller, region.code());
        List<CommandMetric.Area> shown = base.features().stream()
                .map(f -> Figures.area(
                        grid.findRegion((String) f.properties().get("code")).orElseThrow()))
                .toList();
        CommandMetric metric = metrics.get(name);
        Map<String, Number> values = metric == null ? Map.of() : metric.values(caller, shown);
        Double min = null;
        Double max = null;
        List<RegionMap.Feature> features = new ArrayList<>();
        for (RegionMap.Feature f : base.features()) {
            Map<String, Object> properties = new LinkedHashMap<>(f.properties());
            Number v = values.get((String) properties.get("code"));
            properties.put("value", v);
            if (v != null) {
                min = min == null ? v.doubleValue() : Math.min(min, v.doubleValue());
                max = max == null ? v.doubleValue() : Math.max(max, v.doubleValue());
            }
            features.add(new RegionMap.Feature(f.type(), properties, f.geometry()));
        }
        String label = metric != null ? metric.label() : PLANNED.get(name)[0];
        String unit = metric != null ? metric.unit() : PLANNED.get(name)[1];
        return new MapView(
                "FeatureCollection",
                name,
                label,
                unit,
                metric != null,
                region.code(),
                region.name(),
                region.level().name(),
                min,
                max,
                features);
    }

    private List<DashboardView.Crumb> crumbs(List<String> codes) {
        return codes.stream()
                .map(c -> new DashboardView.Crumb(
                        c, grid.findRegion(c).map(Region::name).orElse(c)))
                .toList();
    }

    private static String code(Caller caller, String regionCode) {
        return regionCode == null || regionCode.isBlank() ? caller.jurisdictionCode() : regionCode;
    }
}
