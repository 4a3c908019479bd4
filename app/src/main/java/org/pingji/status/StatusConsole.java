package org.pingji.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.PersonDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's code page, the staff status page with overrides, and the offline verifier. */
@Controller
class StatusConsole {

    private final HealthStatus status;
    private final StatusCodes codes;
    private final AccessManagement access;
    private final tools.jackson.databind.json.JsonMapper json;
    private final PersonDirectory persons;
    private final ZoneId zone;
    private final StatusSettings settings;

    StatusConsole(
            HealthStatus status,
            StatusCodes codes,
            AccessManagement access,
            tools.jackson.databind.json.JsonMapper json,
            PersonDirectory persons,
            @Value("${pingji.zone:Asia/Shanghai}") ZoneId zone,
            StatusSettings settings) {
        this.status = status;
        this.codes = codes;
        this.access = access;
        this.json = json;
        this.persons = persons;
        this.zone = zone;
        this.settings = settings;
    }

    @GetMapping("/my-code")
    String myCode(Caller caller, Model model) {
        Long personId = access.personOf(caller).orElse(null);
        model.addAttribute("linked", personId != null);
        if (personId != null) {
            model.addAttribute("view", status.status(caller, personId));
            var code = codes.issue(caller, personId);
            model.addAttribute("code", code);
            model.addAttribute("personId", personId);
            model.addAttribute("identity", persons.maskedIdentity(personId).orElseThrow());
            model.addAttribute("expiresAt", code.expiresAt().atZone(zone));
            model.addAttribute("zone", zone);
            model.addAttribute("renewAt", renewAt(code.expiresAt(), settings.codeValidity()));
        }
        return "status/my-code";
    }

    /**
     * When the code page fetches a fresh code: a fifth of the validity (at most two minutes) before
     * the code expires, so a resident never shows an expired code while standing at a checkpoint.
     */
    static Instant renewAt(Instant expiresAt, java.time.Duration validity) {
        var margin = validity.dividedBy(5);
        return expiresAt.minus(
                margin.compareTo(java.time.Duration.ofMinutes(2)) > 0 ? java.time.Duration.ofMinutes(2) : margin);
    }

    @GetMapping(path = "/status/{personId}/code.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(Caller caller, @PathVariable long personId) {
        var code = codes.issue(caller, personId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_PNG)
                .body(codes.qrPng(code.token(), 280));
    }

    @GetMapping("/status/{personId}")
    String person(Caller caller, @PathVariable long personId, Model model) {
        model.addAttribute("view", status.status(caller, personId));
        model.addAttribute("overrides", status.overrides(caller, personId));
        model.addAttribute("personId", personId);
        model.addAttribute("canOverride", caller.can(Permission.STATUS_OVERRIDE));
        model.addAttribute("colors", HealthColor.values());
        return "status/person";
    }

    @PostMapping("/status/{personId}/overrides")
    String requestOverride(
            Caller caller,
            @PathVariable long personId,
            @RequestParam HealthColor color,
            @RequestParam String reason,
            @RequestParam(required = false) LocalDateTime until,
            RedirectAttributes flash) {
        try {
            Instant u = until == null
                    ? null
                    : until.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
            status.requestOverride(caller, personId, color, reason, u);
            flash.addFlashAttribute("message", "已提交人工调整申请，须由另一位有权限的人员审批后生效");
        } catch (IllegalArgumentException | StatusRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/status/" + personId;
    }

    @PostMapping("/status/overrides/{id}/{decision}")
    String decide(
            Caller caller,
            @PathVariable long id,
            @PathVariable String decision,
            @RequestParam long personId,
            RedirectAttributes flash) {
        try {
            status.decideOverride(caller, id, decision.equals("approve"));
            flash.addFlashAttribute("message", decision.equals("approve") ? "已批准" : "已驳回");
        } catch (IllegalArgumentException | StatusRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/status/" + personId;
    }

    @GetMapping("/verify")
    String verifier(Model model) {
        addVerifierModel(model);
        return "status/verify";
    }

    /** What the offline checker needs on a page: public keys and the reason codes in bit order. */
    void addVerifierModel(Model model) {
        model.addAttribute("keysJson", json.writeValueAsString(codes.publicKeys()));
        model.addAttribute(
                "reasonCodesJson",
                json.writeValueAsString(java.util.Arrays.stream(ReasonCode.values())
                        .map(Enum::name)
                        .toList()));
        model.addAttribute(
                "reasonLabelsJson",
                json.writeValueAsString(java.util.Arrays.stream(ReasonCode.values())
                        .map(ReasonCode::label)
                        .toList()));
    }
}
