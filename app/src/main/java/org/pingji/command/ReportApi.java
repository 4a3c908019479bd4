package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of command: daily reports and their trend. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class ReportApi implements CommandWeb {

    private final CommandManagement command;
    private final DailyReports reports;

    ReportApi(CommandManagement command, DailyReports reports) {
        this.command = command;
        this.reports = reports;
    }

    record ReportRequest(Map<String, Object> fields) {}

    @GetMapping("/reports/fields")
    @Operation(summary = "The county's daily report form")
    List<ReportField> fields() {
        return command.reportFields();
    }

    @PutMapping("/reports/{date}/{regionCode}")
    @Operation(summary = "Fill in (or replace) a region's daily report; not for future dates or other regions")
    ReportSummary.Row fill(
            Caller caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable String regionCode,
            @RequestBody(required = false) ReportRequest r) {
        return command.fillReport(caller, date, regionCode, r == null ? null : r.fields());
    }

    @GetMapping("/reports/{date}")
    @Operation(summary = "Totals rolled up for a region, children missing and late, one row per child")
    ReportSummary reports(
            Caller caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String region) {
        return command.reports(caller, date, region == null ? caller.jurisdictionCode() : region);
    }

    @GetMapping("/report-trend")
    @Operation(summary = "Daily totals and completeness of the last days (at most 60)")
    List<Map<String, Object>> trend(
            Caller caller, @RequestParam(required = false) String region, @RequestParam(defaultValue = "14") int days) {
        return reports.trend(caller, region == null ? caller.jurisdictionCode() : region, days).stream()
                .map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("date", s.date());
                    m.put("totals", s.totals());
                    m.put("expected", s.expected());
                    m.put("reported", s.reported());
                    return m;
                })
                .toList();
    }
}
