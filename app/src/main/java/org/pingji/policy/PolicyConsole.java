package org.pingji.policy;

import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console page of the editions: their measures, the schedule, and the switch (admins). */
@Controller
class PolicyConsole {

    private final PolicyEditions editions;

    PolicyConsole(PolicyEditions editions) {
        this.editions = editions;
    }

    @GetMapping("/policy")
    String page(Caller caller, Model model) {
        model.addAttribute("editions", editions.editions());
        model.addAttribute("current", editions.current());
        model.addAttribute("schedule", editions.schedule().reversed());
        model.addAttribute("exposures", Exposure.values());
        model.addAttribute("canSwitch", caller.can(Permission.ADMINISTER));
        return "policy/editions";
    }

    @PostMapping("/policy/switch")
    String switchTo(Caller caller, @RequestParam String code, @RequestParam String reason, RedirectAttributes flash) {
        try {
            editions.switchTo(caller, code, null, reason);
            flash.addFlashAttribute("message", "已切换为 " + editions.edition(code).name());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/policy";
    }
}
