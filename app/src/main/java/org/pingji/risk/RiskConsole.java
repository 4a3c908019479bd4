package org.pingji.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: areas in force, notice paste → preview → fix → apply, manual edits. */
@Controller
class RiskConsole {

    private final RiskAreas risk;
    private final Clock clock;

    RiskConsole(RiskAreas risk, Clock clock) {
        this.risk = risk;
        this.clock = clock;
    }

    @GetMapping("/risk")
    String areas(
            Caller caller,
            @RequestParam(required = false) RiskLevel level,
            @RequestParam(required = false) LocalDateTime at,
            Model model) {
        caller.require(Permission.REGION_READ);
        Instant when =
                at == null ? clock.instant() : at.atZone(NoticeParser.BEIJING).toInstant();
        model.addAttribute("areas", risk.areasAt(level, when));
        model.addAttribute("level", level);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute(
                "at",
                LocalDateTime.ofInstant(when, NoticeParser.BEIJING)
                        .withSecond(0)
                        .withNano(0));
        model.addAttribute("notices", risk.notices(caller));
        model.addAttribute("canManage", caller.can(Permission.RISK_MANAGE));
        return "risk/areas";
    }

    @PostMapping("/risk/notices")
    String paste(Caller caller, @RequestParam String text, RedirectAttributes flash) {
        try {
            return "redirect:/risk/notices/" + risk.preview(caller, text).id();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/risk";
        }
    }

    @GetMapping("/risk/notices/{id}")
    String notice(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("notice", risk.notice(caller, id));
        model.addAttribute("canManage", caller.can(Permission.RISK_MANAGE));
        return "risk/notice";
    }

    @PostMapping("/risk/notices/{id}")
    String revise(Caller caller, @PathVariable long id, @RequestParam String text, RedirectAttributes flash) {
        try {
            risk.revise(caller, id, text);
        } catch (IllegalArgumentException | RiskRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/risk/notices/" + id;
    }

    @PostMapping("/risk/notices/{id}/apply")
    String apply(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        try {
            int changed = risk.apply(caller, id);
            flash.addFlashAttribute("message", "公告已发布生效，%d个地区的风险等级已更新".formatted(changed));
        } catch (RiskRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/risk/notices/" + id;
    }

    @PostMapping("/risk/areas")
    String setByHand(
            Caller caller,
            @RequestParam String address,
            @RequestParam RiskLevel level,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            var a = risk.setByHand(caller, address, level, null, note);
            flash.addFlashAttribute("message", "已设置 %s 为%s".formatted(a.fullText(), level.label()));
        } catch (IllegalArgumentException | RiskRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/risk";
    }
}
