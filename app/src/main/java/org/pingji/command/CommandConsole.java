package org.pingji.command;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pingji.access.AccessRefused;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): one-map dashboard, mode, directives, daily reports, plans, duty, drills. */
@Controller
class CommandConsole {

    private final CommandManagement command;
    private final GridManagement grid;
    private final ModeSwitches modes;
    private final Plans plans;
    private final Directives directives;
    private final DailyReports reports;
    private final ReportExport export;
    private final Duty duty;
    private final Drills drills;
    private final Dashboard dashboard;
    private final java.time.Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;
    private final CommandSettings settings;

    CommandConsole(
            CommandManagement command,
            GridManagement grid,
            ModeSwitches modes,
            Plans plans,
            Directives directives,
            DailyReports reports,
            ReportExport export,
            Duty duty,
            Drills drills,
            Dashboard dashboard,
            java.time.Clock clock,
            tools.jackson.databind.json.JsonMapper json,
            CommandSettings settings) {
        this.command = command;
        this.grid = grid;
        this.modes = modes;
        this.plans = plans;
        this.directives = directives;
        this.reports = reports;
        this.export = export;
        this.duty = duty;
        this.drills = drills;
        this.dashboard = dashboard;
        this.clock = clock;
        this.json = json;
        this.settings = settings;
    }

    /** Runs a form action; a refusal comes back to the page as a flash error instead of an error page. */
    private String act(RedirectAttributes redirect, String target, String done, Supplier<?> action) {
        try {
            action.get();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
        } catch (CommandRefused | CommandConflict | CommandNotFound | AccessRefused | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    private Instant local(LocalDateTime t) {
        return t == null ? null : t.atZone(settings.zone()).toInstant();
    }

    // ---- dashboard ----------------------------------------------------------------------

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

    // ---- mode ---------------------------------------------------------------------------

    @GetMapping("/command/mode")
    String mode(Caller caller, @RequestParam(required = false) String region, Model model) {
        model.addAttribute("mode", command.mode(caller, region));
        model.addAttribute("history", modes.history(caller, region));
        model.addAttribute("canSwitch", caller.can(Permission.COMMAND_MODE));
        model.addAttribute("confirmationRequired", settings.confirmationRequired());
        return "command/mode";
    }

    @PostMapping("/command/mode")
    String switchMode(
            Caller caller,
            @RequestParam(required = false) Mode mode,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String region,
            RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已提交平战切换", () -> command.switchMode(caller, mode, reason, region));
    }

    @PostMapping("/command/mode/confirm")
    String confirm(Caller caller, @RequestParam(required = false) String region, RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已确认平战切换", () -> command.confirmMode(caller, region));
    }

    @PostMapping("/command/mode/cancel")
    String cancel(Caller caller, @RequestParam(required = false) String region, RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已撤回切换申请", () -> command.cancelMode(caller, region));
    }

    // ---- directives ---------------------------------------------------------------------

    @GetMapping("/command/directives")
    String directives(Caller caller, Model model) {
        model.addAttribute("directives", command.directives(caller, 100));
        model.addAttribute("canIssue", caller.can(Permission.DIRECTIVE_ISSUE));
        model.addAttribute(
                "children",
                caller.can(Permission.DIRECTIVE_ISSUE) ? grid.children(caller, caller.jurisdictionCode()) : List.of());
        model.addAttribute("groups", caller.can(Permission.COMMAND_MODE) ? command.plans(caller) : List.of());
        model.addAttribute(
                "defaultDeadline",
                LocalDateTime.now(settings.zone()).plusHours(24).withSecond(0).withNano(0));
        return "command/directives";
    }

    @PostMapping("/command/directives")
    String issue(
            Caller caller,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<String> regionCodes,
            @RequestParam(required = false) String moreCodes,
            @RequestParam(required = false) List<Long> groupIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
            RedirectAttributes redirect) {
        List<String> codes = new java.util.ArrayList<>(regionCodes == null ? List.of() : regionCodes);
        if (moreCodes != null) {
            Arrays.stream(moreCodes.split("[,，\\s]+")).filter(s -> !s.isBlank()).forEach(codes::add);
        }
        long[] id = new long[1];
        String target = act(
                redirect,
                "/command/directives",
                "指令已下达",
                () -> id[0] = command.issueDirective(
                        caller, new NewDirective(title, body, codes, groupIds, local(deadline), true)));
        return id[0] > 0 ? "redirect:/command/directives/" + id[0] : target;
    }

    @GetMapping("/command/directives/{id}")
    String directive(Caller caller, @PathVariable long id, Model model) {
        DirectiveView d = command.directive(caller, id);
        model.addAttribute("d", d);
        model.addAttribute(
                "mine",
                d.recipients().stream()
                        .filter(r -> r.regionCode().equals(caller.jurisdictionCode()))
                        .findFirst()
                        .orElse(null));
        return "command/directive";
    }

    @PostMapping("/command/directives/{id}/ack")
    String ack(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/command/directives/" + id, "已签收", () -> command.acknowledge(caller, id, null));
    }

    @PostMapping("/command/directives/{id}/done")
    String done(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect)
            throws IOException {
        var uploads = CommandApi.uploads(files);
        return act(
                redirect,
                "/command/directives/" + id,
                "已报告完成",
                () -> directives.complete(caller, id, null, text, uploads));
    }

    @GetMapping("/command/directives/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(Caller caller, @PathVariable long id, @PathVariable long attachment) {
        var file = directives.attachment(caller, id, attachment);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_TYPE,
                        file.contentType() == null ? "application/octet-stream" : file.contentType())
                .body(file.content());
    }

    // ---- daily reports ------------------------------------------------------------------

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

    // ---- plans --------------------------------------------------------------------------

    @GetMapping("/command/plans")
    String plans(Caller caller, Model model) {
        model.addAttribute("plans", command.plans(caller));
        model.addAttribute("activations", command.activations(caller, false));
        model.addAttribute("canEdit", caller.can(Permission.COMMAND_MODE));
        model.addAttribute("canComplete", caller.can(Permission.COMMAND_MODE) || caller.can(Permission.DUTY));
        return "command/plans";
    }

    @PostMapping("/command/plans/{id}/groups")
    String saveGroup(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) Long groupId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String duties,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String members,
            @RequestParam(required = false) String actions,
            RedirectAttributes redirect) {
        return act(redirect, "/command/plans", "工作组已保存", () -> {
            List<PlanView.Action> list = actions == null
                    ? List.of()
                    : actions.lines()
                            .filter(l -> !l.isBlank())
                            .map(CommandConsole::action)
                            .toList();
            return plans.saveGroup(
                    caller, id, groupId, new Plans.GroupEdit(name, duties, leader, contact, members, list));
        });
    }

    /** One line of the actions box: {@code text | hours}. */
    static PlanView.Action action(String line) {
        int bar = Math.max(line.lastIndexOf('|'), line.lastIndexOf('｜'));
        if (bar < 0) {
            throw new CommandRefused("actions: 每行写“行动内容 | 时限小时数”，这一行缺少时限：" + line);
        }
        try {
            return new PlanView.Action(
                    line.substring(0, bar).strip(),
                    Integer.parseInt(line.substring(bar + 1).strip()));
        } catch (NumberFormatException e) {
            throw new CommandRefused("actions: 时限须为整数小时：" + line);
        }
    }

    @PostMapping("/command/tasks/{id}/done")
    String taskDone(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(redirect, "/command/plans", "任务已完成", () -> {
            command.completeTask(caller, id, note);
            return id;
        });
    }

    // ---- duty, alerts, drills -----------------------------------------------------------

    @GetMapping("/command/duty")
    String duty(Caller caller, Model model) {
        Instant now = Instant.now(clock);
        model.addAttribute("current", duty.current(caller.jurisdictionCode()).orElse(null));
        model.addAttribute("shifts", command.shifts(caller, now.minusSeconds(86_400), now.plusSeconds(7 * 86_400)));
        model.addAttribute("log", duty.logEntries(caller, 50));
        model.addAttribute("alerts", command.alerts(caller, false));
        model.addAttribute("canDuty", caller.can(Permission.DUTY));
        model.addAttribute("defaultStart", LocalDate.now(settings.zone()).atTime(8, 0));
        return "command/duty";
    }

    @PostMapping("/command/duty/shifts")
    String addShift(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
            @RequestParam(required = false) String officer,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String phone,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/command/duty",
                "班次已排定",
                () -> duty.addShift(
                        caller, new Duty.NewShift(null, local(startsAt), local(endsAt), officer, leader, phone)));
    }

    @PostMapping("/command/duty/shifts/{id}/handover")
    String handover(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(redirect, "/command/duty", "已交接班", () -> {
            duty.handover(caller, id, note);
            return id;
        });
    }

    @PostMapping("/command/duty/log")
    String log(
            Caller caller,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        return act(redirect, "/command/duty", "已记录", () -> {
            duty.log(caller, kind, text);
            return text;
        });
    }

    @PostMapping("/command/alerts/{id}/handle")
    String handle(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/command/duty", "预警已处理", () -> {
            duty.handle(caller, id);
            return id;
        });
    }

    @GetMapping("/command/drills")
    String drills(Caller caller, Model model) {
        model.addAttribute("drills", command.drills(caller));
        model.addAttribute("canRecord", caller.can(Permission.DUTY) || caller.can(Permission.COMMAND_MODE));
        return "command/drills";
    }

    @PostMapping("/command/drills")
    String recordDrill(
            Caller caller,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startedAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endedAt,
            @RequestParam(required = false) Integer participants,
            @RequestParam(required = false) String findings,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/command/drills",
                "演练已记录",
                () -> drills.record(
                        caller,
                        null,
                        new Drills.DrillForm(
                                name,
                                scenario,
                                regionCode,
                                local(plannedAt),
                                local(startedAt),
                                local(endedAt),
                                participants,
                                findings)));
    }
}
