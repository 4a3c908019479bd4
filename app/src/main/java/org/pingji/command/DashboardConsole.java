package org.pingji.command;

import org.pingji.access.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages of command (Chinese): one-map dashboard and its live figures. */
@Controller
class DashboardConsole implements CommandWeb {

    private final CommandManagement command;
    private final Dashboard dashboard;

    DashboardConsole(CommandManagement command, Dashboard dashboard) {
        this.command = command;
        this.dashboard = dashboard;
    }

    @GetMapping("/command")
    String dashboard(Caller caller, @RequestParam(required = false) String region, Model model) {
        model.addAttribute("dashboard", command.dashboard(caller, region));
        model.addAttribute("metrics", dashboard.catalogue());
        return "command/dashboard";
    }

    /** The dashboard's figures for the page's live refresh (session-authenticated, unlike {@code /api}). */
    @GetMapping(value = "/command/dashboard.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    DashboardView dashboardJson(Caller caller, @RequestParam(required = false) String region) {
        return command.dashboard(caller, region);
    }

    /** The map for the page (session-authenticated). */
    @GetMapping(value = "/command/map.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    MapView mapJson(
            Caller caller,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String metric) {
        return command.map(caller, region, metric);
    }
}
