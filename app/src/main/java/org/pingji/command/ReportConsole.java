package org.pingji.command;

import static org.pingji.command.ConsoleForms.act;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): daily reports, their trend and the Excel export. */
@Controller
class ReportConsole implements CommandWeb {

    private final CommandManagement command;
    private final GridManagement grid;
    private final DailyReports reports;
    private final ReportExport export;
    private final tools.jackson.databind.json.JsonMapper json;

    ReportConsole(
            CommandManagement command,
            GridManagement grid,
            DailyReports reports,
            ReportExport export,
            tools.jackson.databind.json.JsonMapper json) {
        this.command = command;
        this.grid = grid;
        this.reports = reports;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/command/reports")
    String reports(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String region,
            Model model) {
        LocalDate day = date == null ? command.today() : date;
        String code = region == null || region.isBlank() ? caller.jurisdictionCode() : region;
        model.addAttribute("summary", command.reports(caller, day, code));
        model.addAttribute("today", command.today());
        model.addAttribute("breadcrumbs", grid.breadcrumbs(caller, code));
        model.addAttribute("canFill", caller.can(Permission.REPORT_FILL));
        model.addAttribute("trendJson", trendJson(reports.trend(caller, code, 14)));
        return "command/reports";
    }

    /** Dates and one series per integer field, for the trend chart. */
    private String trendJson(List<ReportSummary> days) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "dates",
                days.stream().map(d -> d.date().toString().substring(5)).toList());
        chart.put(
                "series",
                command.reportFields().stream()
                        .filter(f -> f.kind() == ReportField.Kind.INTEGER)
                        .map(f -> Map.of(
                                "label",
                                f.label(),
                                "values",
                                days.stream()
                                        .map(d -> d.totals().getOrDefault(f.key(), 0L))
                                        .toList()))
                        .toList());
        return json.writeValueAsString(chart);
    }

    @PostMapping("/command/reports")
    String fill(
            Caller caller,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String region,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String[] error = new String[1];
        for (ReportField f : command.reportFields()) {
            String v = form.get("f_" + f.key());
            if (f.kind() == ReportField.Kind.INTEGER) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                try {
                    fields.put(f.key(), Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    error[0] = "%s须为整数，收到 “%s”".formatted(f.label(), v);
                }
            } else if (v != null) {
                fields.put(f.key(), v);
            }
        }
        String target = "/command/reports?date=" + date + "&region=" + region;
        if (error[0] != null) {
            redirect.addFlashAttribute("error", error[0]);
            return "redirect:" + target;
        }
        return act(redirect, target, "日报已报送", () -> command.fillReport(caller, date, region, fields));
    }

    @GetMapping("/command/reports/{date}.xlsx")
    void excel(
            Caller caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String region,
            HttpServletResponse response)
            throws IOException {
        ReportSummary s = command.reports(caller, date, region == null ? caller.jurisdictionCode() : region);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"daily-report-%s-%s.xlsx\"".formatted(date, s.regionCode()));
        export.write(s, response.getOutputStream());
    }
}
