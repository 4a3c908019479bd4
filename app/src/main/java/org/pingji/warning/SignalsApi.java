package org.pingji.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.warning.Alerts.AlertView;
import org.pingji.warning.Alerts.State;
import org.pingji.warning.Alerts.Step;
import org.pingji.warning.ReportingUnits.Completeness;
import org.pingji.warning.ResponseMeasures.UnitMeasures;
import org.pingji.warning.WarningManagement.CountRow;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of signal streams and signal response. */
@RestController
@RequestMapping("/api/warning")
@Tag(name = "Warning signals", description = "Daily counts, reporting completeness, signals and their response")
class SignalsApi {

    private final WarningManagement warning;
    private final ComputedCounts computed;

    SignalsApi(WarningManagement warning, ComputedCounts computed) {
        this.warning = warning;
        this.computed = computed;
    }

    @PutMapping("/counts")
    @Operation(summary = "Store daily counts (all or nothing; a duplicate day replaces); runs detection")
    Map<String, Integer> counts(Caller caller, @RequestBody List<CountRow> rows) {
        return Map.of("stored", warning.storeCounts(caller, rows));
    }

    record DayCount(LocalDate date, long count) {}

    @GetMapping("/counts")
    @Operation(summary = "A region's daily series of a signal (sum over its subtree), one element per day")
    List<DayCount> series(
            Caller caller,
            @RequestParam String signal,
            @RequestParam String regionCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        long[] values = warning.series(caller, signal, regionCode, from, to);
        List<DayCount> days = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            days.add(new DayCount(from.plusDays(i), values[i]));
        }
        return days;
    }

    record SettingRequest(
            String signal, String level, String method, Double alpha, Integer threshold, Boolean active) {}

    @GetMapping("/settings")
    @Operation(summary = "Detection settings per signal and region level")
    List<SignalSettings.Setting> settings(Caller caller) {
        return warning.settings(caller);
    }

    @PutMapping("/settings")
    @Operation(summary = "Add or change a detection setting (method, alpha in (0, 1), threshold, active)")
    List<SignalSettings.Setting> saveSetting(Caller caller, @RequestBody SettingRequest r) {
        warning.saveSetting(
                caller,
                r.signal(),
                r.level(),
                r.method(),
                r.alpha() == null ? DetectionSettings.DEFAULT_ALPHA : r.alpha(),
                r.threshold() == null ? 1 : r.threshold(),
                r.active() == null || r.active());
        return warning.settings(caller);
    }

    @GetMapping("/completeness")
    @Operation(summary = "Which reporting units reported a day (default today), complete and on time")
    Completeness completeness(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return warning.completeness(caller, date == null ? warning.today() : date);
    }

    @GetMapping("/signals")
    @Operation(summary = "Signals of the jurisdiction, ranked (open first, highest observed/bound first)")
    List<AlertView> signals(Caller caller, @RequestParam(required = false) State state) {
        return warning.signals(caller, state);
    }

    record SignalDetail(AlertView signal, List<Step> steps) {}

    @GetMapping("/signals/{id}")
    @Operation(summary = "One signal with its response steps")
    SignalDetail signal(Caller caller, @PathVariable long id) {
        return new SignalDetail(warning.signal(caller, id), warning.steps(caller, id));
    }

    record Note(String note) {}

    @PostMapping("/signals/{id}/ack")
    @Operation(summary = "Acknowledge an open signal (409 in any other state)")
    AlertView acknowledge(Caller caller, @PathVariable long id) {
        return warning.acknowledge(caller, id);
    }

    @PostMapping("/signals/{id}/verify")
    @Operation(summary = "Record the preliminary verification (初步核实) of an acknowledged signal")
    AlertView verify(Caller caller, @PathVariable long id, @RequestBody Note note) {
        return warning.verify(caller, id, note.note());
    }

    @PostMapping("/signals/{id}/dismiss")
    @Operation(summary = "Dismiss a verified signal with a reason")
    AlertView dismiss(Caller caller, @PathVariable long id, @RequestBody Note note) {
        return warning.dismiss(caller, id, note.note());
    }

    @PostMapping("/signals/{id}/escalate")
    @Operation(summary = "Escalate a verified signal to a suspected event (疑似事件)")
    AlertView escalate(Caller caller, @PathVariable long id, @RequestBody Note note) {
        return warning.escalate(caller, id, note.note());
    }

    @PostMapping("/signals/{id}/close")
    @Operation(summary = "Close an escalated signal with its outcome")
    AlertView close(Caller caller, @PathVariable long id, @RequestBody Note note) {
        return warning.close(caller, id, note.note());
    }

    @GetMapping("/measures")
    @Operation(summary = "CIDARS response measures per unit over the last days (default 30)")
    List<UnitMeasures> measures(Caller caller, @RequestParam(defaultValue = "30") int days) {
        return warning.measures(caller, days);
    }

    @PostMapping("/recompute")
    @Operation(summary = "Recompute the platform's counts (positives, fever reports, red codes) for a day and detect")
    Map<String, Integer> recompute(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return Map.of("stored", computed.recompute(caller, date == null ? warning.today() : date));
    }
}
