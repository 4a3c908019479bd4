package org.pingji.warning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporting unit's form (/warning/report): today's (or a past day's) count per signal it reports. */
@Controller
class SentinelConsole {

    private final WarningManagement warning;
    private final ReportingUnits units;
    private final Counts counts;

    SentinelConsole(WarningManagement warning, ReportingUnits units, Counts counts) {
        this.warning = warning;
        this.units = units;
        this.counts = counts;
    }

    @GetMapping("/warning/report")
    String form(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        caller.require(Permission.SIGNAL_REPORT);
        LocalDate day = date == null ? warning.today() : date;
        var unit = units.ofReporter(caller.username()).orElse(null);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> reported = new LinkedHashMap<>();
        if (unit != null) {
            var catalogue = counts.catalogue();
            for (String s : unit.signals()) {
                labels.put(
                        s,
                        catalogue.stream()
                                .filter(k -> k.name().equals(s))
                                .map(Counts.SignalKind::label)
                                .findFirst()
                                .orElse(s));
            }
            reported.putAll(counts.unitDay(unit.code(), day));
        }
        model.addAttribute("unit", unit);
        model.addAttribute("labels", labels);
        model.addAttribute("reported", reported);
        model.addAttribute("day", day);
        model.addAttribute("today", warning.today());
        model.addAttribute("deadline", units.deadline(day));
        return "warning/report";
    }

    @PostMapping("/warning/report")
    String report(
            Caller caller,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<String, Integer> bySignal = new LinkedHashMap<>();
        String bad = null;
        for (var e : form.entrySet()) {
            if (e.getKey().startsWith("c_") && !e.getValue().isBlank()) {
                try {
                    bySignal.put(
                            e.getKey().substring(2),
                            Integer.valueOf(e.getValue().strip()));
                } catch (NumberFormatException ex) {
                    bad = e.getValue();
                }
            }
        }
        if (bad != null) {
            redirect.addFlashAttribute("error", "数量须为整数：" + bad);
            return "redirect:/warning/report?date=" + date;
        }
        if (bySignal.isEmpty()) {
            redirect.addFlashAttribute("error", "请至少填写一项数量");
            return "redirect:/warning/report?date=" + date;
        }
        return SignalsConsole.act(
                redirect, "/warning/report?date=" + date, () -> warning.reportForUnit(caller, date, bySignal));
    }
}
