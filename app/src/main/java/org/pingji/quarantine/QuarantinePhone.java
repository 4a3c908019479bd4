package org.pingji.quarantine;

import java.util.List;
import org.pingji.platform.ServiceBusy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The phone page a person under quarantine reports their temperature and symptoms on, reached
 * by the placement's unguessable link (QR code handed over at placement); no login.
 */
@Controller
class QuarantinePhone {

    private final QuarantineQueries queries;
    private final HealthChecks checks;
    private final QuarantineSettings settings;

    QuarantinePhone(QuarantineQueries queries, HealthChecks checks, QuarantineSettings settings) {
        this.queries = queries;
        this.checks = checks;
        this.settings = settings;
    }

    @GetMapping("/q/{token}")
    String page(@PathVariable String token, Model model) {
        var p = queries.byToken(token);
        model.addAttribute("p", p);
        model.addAttribute("masked", mask(p.personName()));
        model.addAttribute("checks", queries.checksOf(p.id()).stream().limit(6).toList());
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("zone", settings.zone());
        return "quarantine/self-report";
    }

    @PostMapping("/q/{token}")
    String report(
            @PathVariable String token,
            @RequestParam(required = false) Double temperature,
            @RequestParam(required = false) List<String> symptoms,
            Model model) {
        var p = queries.byToken(token);
        try {
            if (temperature == null) {
                throw new IllegalArgumentException("请填写体温");
            }
            var result = checks.selfReport(p, temperature, symptoms == null ? List.of() : symptoms);
            model.addAttribute(result.alert() ? "error" : "message", result.message());
        } catch (IllegalArgumentException | QuarantineRefused | ServiceBusy e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(token, model);
    }

    static String mask(String name) {
        return name.isEmpty() ? name : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
