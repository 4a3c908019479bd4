package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandRequests.NoteRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of command: duty shifts, the duty log, alerts and drills. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class DutyApi implements CommandWeb {

    private final java.time.Clock clock;
    private final CommandManagement command;
    private final Duty duty;
    private final Drills drills;

    DutyApi(java.time.Clock clock, CommandManagement command, Duty duty, Drills drills) {
        this.clock = clock;
        this.command = command;
        this.duty = duty;
        this.drills = drills;
    }

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
}
