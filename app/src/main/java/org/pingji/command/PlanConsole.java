package org.pingji.command;

import static org.pingji.command.ConsoleForms.act;

import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): emergency plans, task groups and plan tasks. */
@Controller
class PlanConsole implements CommandWeb {

    private final CommandManagement command;
    private final Plans plans;

    PlanConsole(CommandManagement command, Plans plans) {
        this.command = command;
        this.plans = plans;
    }

    @GetMapping("/command/plans")
    String plans(Caller caller, Model model) {
        model.addAttribute("plans", command.plans(caller));
        model.addAttribute("activations", command.activations(caller, false));
        model.addAttribute("canEdit", caller.can(Permission.COMMAND_MODE));
        model.addAttribute("canComplete", caller.can(Permission.COMMAND_MODE) || caller.can(Permission.DUTY));
        return "command/plans";
    }

    @PostMapping("/command/plans/{id}/groups")
    String saveGroup(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) Long groupId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String duties,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String members,
            @RequestParam(required = false) String actions,
            RedirectAttributes redirect) {
        return act(redirect, "/command/plans", "工作组已保存", () -> {
            List<PlanView.Action> list = actions == null
                    ? List.of()
                    : actions.lines()
                            .filter(l -> !l.isBlank())
                            .map(PlanConsole::action)
                            .toList();
            return plans.saveGroup(
                    caller, id, groupId, new Plans.GroupEdit(name, duties, leader, contact, members, list));
        });
    }

    /** One line of the actions box: {@code text | hours}. */
    static PlanView.Action action(String line) {
        int bar = Math.max(line.lastIndexOf('|'), line.lastIndexOf('｜'));
        if (bar < 0) {
            throw new CommandRefused("actions: 每行写“行动内容 | 时限小时数”，这一行缺少时限：" + line);
        }
        try {
            return new PlanView.Action(
                    line.substring(0, bar).strip(),
                    Integer.parseInt(line.substring(bar + 1).strip()));
        } catch (NumberFormatException e) {
            throw new CommandRefused("actions: 时限须为整数小时：" + line);
        }
    }

    @PostMapping("/command/tasks/{id}/done")
    String taskDone(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(redirect, "/command/plans", "任务已完成", () -> {
            command.completeTask(caller, id, note);
            return id;
        });
    }
}
