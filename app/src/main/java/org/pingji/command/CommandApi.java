package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of command: mode, plans, directives, daily reports, duty, drills, dashboard and map. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class CommandApi {

    private final CommandManagement command;
    private final Plans plans;
    private final Directives directives;
    private final DailyReports reports;
    private final Duty duty;
    private final Drills drills;
    private final ModeSwitches modes;
    private final Dashboard dashboard;
    private final java.time.Clock clock;

    CommandApi(
            CommandManagement command,
            Plans plans,
            Directives directives,
            DailyReports reports,
            Duty duty,
            Drills drills,
            ModeSwitches modes,
            Dashboard dashboard,
            java.time.Clock clock) {
        this.command = command;
        this.plans = plans;
        this.directives = directives;
        this.reports = reports;
        this.duty = duty;
        this.drills = drills;
        this.modes = modes;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    // ---- mode ---------------------------------------------------------------------------

    record ModeRequest(Mode mode, String reason, String regionCode) {}

    record ScopeRequest(String regionCode) {}

    static Map<String, Object> mode(ModeView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scopeCode", v.scopeCode());
        m.put("mode", v.mode());
        m.put("since", v.since());
        m.put("switchedBy", v.switchedBy());
        m.put("confirmedBy", v.confirmedBy());
        m.put("reason", v.reason());
        m.put("pendingConfirmation", v.pendingConfirmation());
        m.put("pendingMode", v.pendingMode());
        m.put("pendingRequestedBy", v.pendingRequestedBy());
        m.put("pendingRequestedAt", v.pendingRequestedAt());
        return m;
    }

    @PostMapping("/mode")
    @Operation(
            summary = "Ask to switch NORMAL/EMERGENCY with a reason: in force at once, or pending until the second"
                    + " co-leader confirms (then `mode` is the requested mode and `since` is null)")
    Map<String, Object> switchMode(Caller caller, @RequestBody ModeRequest r) {
        ModeView v = command.switchMode(caller, r.mode(), r.reason(), r.regionCode());
        Map<String, Object> m = mode(v);
        if (v.pendingConfirmation()) {
            m.put("modeInForce", v.mode());
            m.put("mode", v.pendingMode());
            m.put("since", null);
        }
        return m;
    }

    @PostMapping("/mode/confirm")
    @Operation(summary = "Confirm the pending switch (a commander other than the one who asked)")
    Map<String, Object> confirm(Caller caller, @RequestBody(required = false) ScopeRequest r) {
        return mode(command.confirmMode(caller, r == null ? null : r.regionCode()));
    }

    @PostMapping("/mode/cancel")
    @Operation(summary = "Withdraw the pending switch")
    Map<String, Object> cancel(Caller caller, @RequestBody(required = false) ScopeRequest r) {
        return mode(command.cancelMode(caller, r == null ? null : r.regionCode()));
    }

    @GetMapping("/mode")
    @Operation(summary = "The mode in force (county or a township) and a pending switch, if any")
    Map<String, Object> mode(Caller caller, @RequestParam(required = false) String region) {
        return mode(command.mode(caller, region));
    }

    @GetMapping("/mode/history")
    @Operation(summary = "Switches of the scope and the townships below it, newest first")
    List<ModeSwitches.Entry> history(Caller caller, @RequestParam(required = false) String region) {
        return modes.history(caller, region);
    }

    // ---- plans --------------------------------------------------------------------------

    @GetMapping("/plans")
    @Operation(summary = "Emergency plans with task groups, members, duties, contacts and first actions")
    List<PlanView> plans(Caller caller) {
        return command.plans(caller);
    }

    @PostMapping("/plans/{id}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a task group to a plan")
    Map<String, Long> addGroup(Caller caller, @PathVariable long id, @RequestBody Plans.GroupEdit group) {
        return Map.of("id", plans.saveGroup(caller, id, null, group));
    }

    @PutMapping("/plans/{id}/groups/{groupId}")
    @Operation(summary = "Update a task group (its actions are replaced)")
    Map<String, Long> saveGroup(
            Caller caller, @PathVariable long id, @PathVariable long groupId, @RequestBody Plans.GroupEdit group) {
        return Map.of("id", plans.saveGroup(caller, id, groupId, group));
    }

    @GetMapping("/activations")
    @Operation(summary = "Plans activated by mode switches with each group's tasks and progress")
    List<ActivationView> activations(Caller caller, @RequestParam(defaultValue = "true") boolean current) {
        return command.activations(caller, current);
    }

    record NoteRequest(String note) {}

    @PostMapping("/tasks/{id}/done")
    @Operation(summary = "Mark a task of an activated plan done")
    Map<String, Object> taskDone(Caller caller, @PathVariable long id, @RequestBody(required = false) NoteRequest r) {
        command.completeTask(caller, id, r == null ? null : r.note());
        return Map.of("id", id, "done", true);
    }

    // ---- directives ---------------------------------------------------------------------

    record DirectiveRequest(
            String title,
            String body,
            List<String> regionCodes,
            List<Long> groupIds,
            Instant deadline,
            Boolean responseRequired) {}

    @PostMapping("/directives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a directive to regions below the caller's level and/or task groups, with a deadline")
    Map<String, Long> issue(Caller caller, @RequestBody DirectiveRequest r) {
        return Map.of(
                "id",
                command.issueDirective(
                        caller,
                        new NewDirective(
                                r.title(),
                                r.body(),
                                r.regionCodes(),
                                r.groupIds(),
                                r.deadline(),
                                r.responseRequired())));
    }

    @GetMapping("/directives")
    @Operation(summary = "Directives issued in or addressed to the jurisdiction, newest first")
    List<DirectiveView> directives(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        return command.directives(caller, limit);
    }

    @GetMapping("/directives/{id}")
    @Operation(summary = "A directive with received / acknowledged / done / overdue per recipient")
    DirectiveView directive(Caller caller, @PathVariable long id) {
        return command.directive(caller, id);
    }

    @PostMapping("/directives/{id}/ack")
    @Operation(summary = "Acknowledge (签收) for the caller's own region")
    DirectiveView.Recipient ack(Caller caller, @PathVariable long id, @RequestBody(required = false) ScopeRequest r) {
        return command.acknowledge(caller, id, r == null ? null : r.regionCode());
    }

    record DoneRequest(String text, String regionCode) {}

    @PostMapping(value = "/directives/{id}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report completion with text")
    DirectiveView.Recipient done(Caller caller, @PathVariable long id, @RequestBody DoneRequest r) {
        return command.complete(caller, id, r.regionCode(), r.text());
    }

    @PostMapping(value = "/directives/{id}/done", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report completion with text and attachments (multipart: text, files)")
    DirectiveView.Recipient doneWithFiles(
            Caller caller,
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam(required = false) String regionCode,
            @RequestPart(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        return directives.complete(caller, id, regionCode, text, uploads(files));
    }

    static List<Directives.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Directives.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new Directives.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
        }
        return uploads;
    }

    // ---- daily reports ------------------------------------------------------------------

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

    // ---- duty, alerts, drills -----------------------------------------------------------

    @GetMapping("/duty")
    @Operation(
            summary =
                    "Shifts of the caller's unit between from and to (default: the coming 7 days) and the one on duty")
    Map<String, Object> duty(
            Caller caller, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant start = from == null ? Instant.now(clock).minusSeconds(86_400) : from;
        Instant end = to == null ? start.plusSeconds(8 * 86_400) : to;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", duty.current(caller.jurisdictionCode()).orElse(null));
        m.put("shifts", command.shifts(caller, start, end));
        return m;
    }

    @PostMapping("/duty/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a shift: duty officer and leader on duty (领导带班)")
    Map<String, Long> addShift(Caller caller, @RequestBody Duty.NewShift shift) {
        return Map.of("id", duty.addShift(caller, shift));
    }

    @PostMapping("/duty/shifts/{id}/handover")
    @Operation(summary = "Handover note of a shift (交接班)")
    Map<String, Object> handover(Caller caller, @PathVariable long id, @RequestBody NoteRequest r) {
        duty.handover(caller, id, r == null ? null : r.note());
        return Map.of("id", id, "handedOver", true);
    }

    record LogRequest(String kind, String text) {}

    @PostMapping("/duty/log")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write to the duty log (NOTE or CALL)")
    Map<String, Boolean> log(Caller caller, @RequestBody LogRequest r) {
        duty.log(caller, r.kind(), r.text());
        return Map.of("written", true);
    }

    @GetMapping("/duty/log")
    @Operation(summary = "The duty log of the caller's unit, newest first")
    List<DutyViews.LogEntry> logEntries(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        return duty.logEntries(caller, limit);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts in the jurisdiction (open ones by default)")
    List<DutyViews.Alert> alerts(Caller caller, @RequestParam(defaultValue = "true") boolean open) {
        return command.alerts(caller, open);
    }

    @PostMapping("/alerts/{id}/handle")
    @Operation(summary = "Mark an alert handled")
    Map<String, Object> handle(Caller caller, @PathVariable long id) {
        duty.handle(caller, id);
        return Map.of("id", id, "handled", true);
    }

    @GetMapping("/drills")
    @Operation(summary = "Drills recorded in the jurisdiction")
    List<DrillView> drills(Caller caller) {
        return command.drills(caller);
    }

    @PostMapping("/drills")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a drill: scenario, region, timings, participants, findings")
    Map<String, Long> recordDrill(Caller caller, @RequestBody Drills.DrillForm drill) {
        return Map.of("id", drills.record(caller, null, drill));
    }

    @PutMapping("/drills/{id}")
    @Operation(summary = "Update a drill's timings, participants and findings")
    Map<String, Long> updateDrill(Caller caller, @PathVariable long id, @RequestBody Drills.DrillForm drill) {
        return Map.of("id", drills.record(caller, id, drill));
    }

    // ---- dashboard ----------------------------------------------------------------------

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
