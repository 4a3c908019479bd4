package org.pingji.command;

import static org.pingji.command.ConsoleForms.act;

import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): the normal/emergency switch. */
@Controller
class ModeConsole implements CommandWeb {

    private final CommandManagement command;
    private final ModeSwitches modes;
    private final CommandSettings settings;

    ModeConsole(CommandManagement command, ModeSwitches modes, CommandSettings settings) {
        this.command = command;
        this.modes = modes;
        this.settings = settings;
    }

    @GetMapping("/command/mode")
    String mode(Caller caller, @RequestParam(required = false) String region, Model model) {
        model.addAttribute("mode", command.mode(caller, region));
        model.addAttribute("history", modes.history(caller, region));
        model.addAttribute("canSwitch", caller.can(Permission.COMMAND_MODE));
        model.addAttribute("confirmationRequired", settings.confirmationRequired());
        return "command/mode";
    }

    @PostMapping("/command/mode")
    String switchMode(
            Caller caller,
            @RequestParam(required = false) Mode mode,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String region,
            RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已提交平战切换", () -> command.switchMode(caller, mode, reason, region));
    }

    @PostMapping("/command/mode/confirm")
    String confirm(Caller caller, @RequestParam(required = false) String region, RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已确认平战切换", () -> command.confirmMode(caller, region));
    }

    @PostMapping("/command/mode/cancel")
    String cancel(Caller caller, @RequestParam(required = false) String region, RedirectAttributes redirect) {
        return act(redirect, "/command/mode", "已撤回切换申请", () -> command.cancelMode(caller, region));
    }
}
