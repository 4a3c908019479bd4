package org.pingji.arrival;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: the phone report form (residents and staff), the staff list with tasks and counts. */
@Controller
class ArrivalConsole {

    private final Arrivals arrivals;
    private final AccessManagement access;
    private final PersonDirectory persons;
    private final GridManagement grid;

    ArrivalConsole(Arrivals arrivals, AccessManagement access, PersonDirectory persons, GridManagement grid) {
        this.arrivals = arrivals;
        this.access = access;
        this.persons = persons;
        this.grid = grid;
    }

    @GetMapping("/arrivals/report")
    String form(Caller caller, Model model) {
        model.addAttribute("self", caller.role() == Role.RESIDENT);
        model.addAttribute(
                "now", LocalDateTime.now(Arrivals.BEIJING).withSecond(0).withNano(0));
        return "arrival/report";
    }

    @PostMapping("/arrivals/report")
    String report(
            Caller caller,
            @RequestParam(required = false) String residentId,
            @RequestParam String origin,
            @RequestParam(required = false) String route,
            @RequestParam LocalDateTime departedAt,
            @RequestParam LocalDateTime arrivedAt,
            @RequestParam String transport,
            RedirectAttributes flash) {
        try {
            long personId;
            if (caller.role() == Role.RESIDENT) {
                personId = access.personOf(caller).orElseThrow(() -> new IllegalArgumentException("该账号未关联居民信息"));
            } else {
                String id = residentId == null ? "" : residentId.strip().toUpperCase();
                PersonRef p = persons.byResidentIds(List.of(id)).get(id);
                if (p == null) {
                    throw new IllegalArgumentException("没有登记身份证号为 %s 的人员".formatted(id.isEmpty() ? "（空）" : id));
                }
                personId = p.id();
            }
            Instant departed = departedAt.atZone(Arrivals.BEIJING).toInstant();
            Instant arrived = arrivedAt.atZone(Arrivals.BEIJING).toInstant();
            var view = arrivals.report(
                    caller,
                    new Arrivals.NewArrival(personId, origin, route, departed, arrived, transport),
                    caller.role() == Role.RESIDENT ? "SELF" : "GRID");
            return "redirect:/arrivals/" + view.id();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/arrivals/report";
        }
    }

    @GetMapping("/arrivals/{id}")
    String arrival(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("a", arrivals.arrival(caller, id));
        return "arrival/arrival";
    }

    @GetMapping("/arrivals")
    String list(Caller caller, @RequestParam(required = false) String region, Model model) {
        String code = region == null ? caller.jurisdictionCode() : region;
        var r = grid.region(caller, code);
        model.addAttribute("region", r);
        model.addAttribute("counts", arrivals.counts(caller, r.path()));
        model.addAttribute(
                "names",
                grid.children(caller, code).stream()
                        .collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c.name())));
        model.addAttribute("recent", arrivals.recent(caller, 50));
        boolean tasks = caller.can(Permission.ARRIVAL_RECORD);
        model.addAttribute("tasks", tasks ? arrivals.tasks(caller, true) : List.of());
        model.addAttribute("canTasks", tasks);
        return "arrival/list";
    }

    @PostMapping("/arrivals/tasks/{id}/done")
    String done(Caller caller, @PathVariable long id, @RequestParam String outcome, RedirectAttributes flash) {
        try {
            arrivals.complete(caller, id, outcome);
            flash.addFlashAttribute("message", "任务已完成");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/arrivals";
    }
}
