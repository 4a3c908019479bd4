package org.pingji.command;

import static org.pingji.command.ConsoleForms.act;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): duty shifts, the duty log, alerts and drills. */
@Controller
class DutyConsole implements CommandWeb {

    private final java.time.Clock clock;
    private final CommandManagement command;
    private final Duty duty;
    private final Drills drills;
    private final CommandSettings settings;

    DutyConsole(java.time.Clock clock, CommandManagement command, Duty duty, Drills drills, CommandSettings settings) {
        this.clock = clock;
        this.command = command;
        this.duty = duty;
        this.drills = drills;
        this.settings = settings;
    }

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
                        caller,
                        new Duty.NewShift(
                                null,
                                ConsoleForms.local(settings.zone(), startsAt),
                                ConsoleForms.local(settings.zone(), endsAt),
                                officer,
                                leader,
                                phone)));
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
                                ConsoleForms.local(settings.zone(), plannedAt),
                                ConsoleForms.local(settings.zone(), startedAt),
                                ConsoleForms.local(settings.zone(), endedAt),
                                participants,
                                findings)));
    }
}
