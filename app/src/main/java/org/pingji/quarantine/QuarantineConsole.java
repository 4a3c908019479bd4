package org.pingji.quarantine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.PersonNotFound;
import org.pingji.platform.QrCodes;
import org.pingji.platform.ServiceBusy;
import org.pingji.policy.Exposure;
import org.pingji.policy.QuarantineKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Console pages of quarantine (Chinese, phone-width friendly): sites, placements, checks, alerts, release. */
@Controller
class QuarantineConsole {

    private final QuarantineManagement quarantine;
    private final QuarantineSettings settings;

    QuarantineConsole(QuarantineManagement quarantine, QuarantineSettings settings) {
        this.quarantine = quarantine;
        this.settings = settings;
    }

    @GetMapping("/quarantine")
    String overview(Caller caller, Model model) {
        model.addAttribute("sites", quarantine.queries().sites(caller));
        model.addAttribute("placements", quarantine.queries().placements(caller, true, null));
        model.addAttribute(
                "alerts",
                quarantine.queries().alerts(caller, null).stream().limit(50).toList());
        model.addAttribute("canManage", caller.can(Permission.QUARANTINE_MANAGE));
        model.addAttribute("exposures", Exposure.values());
        model.addAttribute("zone", settings.zone());
        return "quarantine/overview";
    }

    record PlacementForm(Long personId, QuarantineKind type, Long siteId, LocalDateTime start, Exposure exposure) {}

    @PostMapping("/quarantine/placements")
    String place(Caller caller, PlacementForm form, RedirectAttributes flash) {
        try {
            if (form.personId() == null) {
                throw new IllegalArgumentException("personId: 请填写人员编号");
            }
            var placed = quarantine.place(
                    caller,
                    form.personId(),
                    form.type(),
                    form.type() == QuarantineKind.CENTRAL ? form.siteId() : null,
                    null,
                    instant(form.start()),
                    form.exposure());
            flash.addFlashAttribute(
                    "message",
                    "已安排隔离 #%d%s".formatted(placed.id(), placed.room() == null ? "" : "，房间 " + placed.room()));
            return "redirect:/quarantine/placements/" + placed.id();
        } catch (IllegalArgumentException | QuarantineRefused | PersonNotFound e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/quarantine";
        }
    }

    @GetMapping("/quarantine/placements/{id}")
    String placement(Caller caller, @PathVariable long id, Model model) {
        var p = quarantine.queries().placement(caller, id);
        model.addAttribute("p", p);
        model.addAttribute("release", quarantine.releaseCheck(caller, id));
        model.addAttribute("tests", quarantine.queries().tests(caller, id));
        model.addAttribute("checks", quarantine.queries().checks(caller, id));
        model.addAttribute("alerts", quarantine.queries().alerts(caller, id));
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("canManage", caller.can(Permission.QUARANTINE_MANAGE));
        model.addAttribute("canCheck", caller.can(Permission.HEALTH_CHECK));
        model.addAttribute("selfLink", selfLink(p.selfReportToken()));
        model.addAttribute("zone", settings.zone());
        return "quarantine/placement";
    }

    @GetMapping(value = "/quarantine/placements/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(Caller caller, @PathVariable long id) {
        var p = quarantine.queries().placement(caller, id);
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(selfLink(p.selfReportToken())));
    }

    @PostMapping("/quarantine/placements/{id}/checks")
    String check(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) Double temperature,
            @RequestParam(required = false) List<String> symptoms,
            RedirectAttributes flash) {
        return attempt(id, flash, () -> quarantine
                .checks()
                .recordOne(caller, new HealthChecks.Entry(id, temperature, symptoms, null))
                .message());
    }

    @PostMapping("/quarantine/placements/{id}/tests")
    String test(
            Caller caller,
            @PathVariable long id,
            @RequestParam String result,
            @RequestParam(required = false) LocalDateTime at,
            RedirectAttributes flash) {
        return attempt(
                id, flash, () -> "已录入第%d天核酸结果".formatted(quarantine.recordTest(caller, id, instant(at), result)));
    }

    @PostMapping("/quarantine/placements/{id}/release")
    String release(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            quarantine.release(caller, id);
            return "已解除隔离";
        });
    }

    @PostMapping("/quarantine/placements/{id}/override")
    String override(Caller caller, @PathVariable long id, @RequestParam String reason, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            quarantine.requestOverride(caller, id, reason);
            return "已申请提前解除，待另一名管理员审批";
        });
    }

    @PostMapping("/quarantine/placements/{id}/approve")
    String approve(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            quarantine.approveOverride(caller, id);
            return "已审批提前解除";
        });
    }

    @PostMapping("/quarantine/alerts/{alert}/acknowledge")
    String acknowledge(
            Caller caller, @PathVariable long alert, @RequestParam long placement, RedirectAttributes flash) {
        return attempt(placement, flash, () -> {
            quarantine.checks().acknowledge(caller, alert);
            return "已处理";
        });
    }

    private String attempt(long id, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (QuarantineRefused | ServiceBusy e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/quarantine/placements/" + id;
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(settings.zone()).toInstant();
    }

    static String selfLink(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/q/{token}")
                .buildAndExpand(token)
                .toUriString();
    }
}
