package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of command: one-map dashboard, map and metric catalogue. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class DashboardApi implements CommandWeb {

    private final CommandManagement command;
    private final Dashboard dashboard;

    DashboardApi(CommandManagement command, Dashboard dashboard) {
        this.command = command;
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "KPIs of a region: metrics (null when not available), round, directives, reports, alerts, duty")
    DashboardView dashboard(Caller caller, @RequestParam(required = false) String region) {
        return command.dashboard(caller, region);
    }

    @GetMapping("/map")
    @Operation(summary = "GeoJSON of the region's children with the metric per feature (properties.value)")
    MapView map(
            Caller caller,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String metric) {
        return command.map(caller, region, metric);
    }

    @GetMapping("/metrics")
    @Operation(summary = "The dashboard's metrics: name, label, unit and whether a module provides it")
    List<DashboardView.Kpi> metrics() {
        return dashboard.catalogue();
    }
}
