package org.pingji.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.platform.Refusal;
import org.pingji.warning.Alerts.AlertView;
import org.pingji.warning.Alerts.State;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The signals page (预警信号): the ranked list, a signal with its series and the response. */
@Controller
class SignalsConsole {

    private final WarningManagement warning;
    private final JsonMapper json;

    SignalsConsole(WarningManagement warning, JsonMapper json) {
        this.warning = warning;
        this.json = json;
    }

    @GetMapping("/warning/signals")
    String list(Caller caller, @RequestParam(required = false) State state, Model model) {
        caller.require(Permission.SIGNAL_ANALYSE);
        model.addAttribute("signals", warning.signals(caller, state));
        model.addAttribute("state", state);
        model.addAttribute("states", State.values());
        model.addAttribute("tab", "signals");
        return "warning/signals";
    }

    @GetMapping("/warning/signals/{id}")
    String detail(Caller caller, @PathVariable long id, Model model) {
        AlertView signal = warning.signal(caller, id);
        LocalDate from = signal.day().minusDays(34);
        LocalDate to = signal.day().plusDays(3).isAfter(warning.today())
                ? warning.today()
                : signal.day().plusDays(3);
        long[] values = warning.series(caller, signal.signal(), signal.regionCode(), from, to);
        model.addAttribute("signal", signal);
        model.addAttribute("steps", warning.steps(caller, id));
        model.addAttribute("canRespond", caller.can(Permission.SIGNAL_RESPOND));
        model.addAttribute("chartJson", chartJson(signal, from, values));
        model.addAttribute("tab", "signals");
        return "warning/signal";
    }

    /** Dates, counts and the signal's day for the series chart. */
    private String chartJson(AlertView signal, LocalDate from, long[] values) {
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            dates.add(from.plusDays(i).toString().substring(5));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("dates", dates);
        chart.put("values", values);
        chart.put("label", signal.signalLabel());
        chart.put("day", signal.day().toString().substring(5));
        chart.put("upperBound", Math.round(signal.upperBound() * 10) / 10.0);
        return json.writeValueAsString(chart);
    }

    @PostMapping("/warning/signals/{id}/{action}")
    String act(
            Caller caller,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(redirect, "/warning/signals/" + id, () -> switch (action) {
            case "ack" -> warning.acknowledge(caller, id);
            case "verify" -> warning.verify(caller, id, note);
            case "dismiss" -> warning.dismiss(caller, id, note);
            case "escalate" -> warning.escalate(caller, id, note);
            case "close" -> warning.close(caller, id, note);
            default -> throw WarningRefused.invalid("action_unknown", "未知操作：" + action);
        });
    }

    /** Runs a form action; a refusal comes back to the page as a flash error. */
    static String act(RedirectAttributes redirect, String target, Supplier<?> action) {
        try {
            Object done = action.get();
            if (done instanceof AlertView v) {
                redirect.addFlashAttribute("notice", "已记录：" + v.stateLabel());
            } else if (done instanceof Integer n) {
                redirect.addFlashAttribute("notice", "已保存 " + n + " 条");
            }
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    @GetMapping("/warning/completeness")
    String completeness(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date == null ? warning.today() : date;
        model.addAttribute("completeness", warning.completeness(caller, day));
        model.addAttribute("today", warning.today());
        model.addAttribute("tab", "completeness");
        return "warning/completeness";
    }

    @GetMapping("/warning/measures")
    String measures(Caller caller, @RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("measures", warning.measures(caller, days));
        model.addAttribute("days", days);
        model.addAttribute("tab", "measures");
        return "warning/measures";
    }
}
