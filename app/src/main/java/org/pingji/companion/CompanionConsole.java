package org.pingji.companion;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console pages: upload form and run list, a run with its progress bar and results, a grid worker's follow-ups. */
@Controller
class CompanionConsole {

    /** Times in the forms are Beijing time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CompanionManagement companions;

    CompanionConsole(CompanionManagement companions) {
        this.companions = companions;
    }

    @GetMapping("/companion")
    String page(Caller caller, Model model) {
        model.addAttribute("runs", companions.runs(caller));
        return "companion/runs";
    }

    @PostMapping("/companion/runs")
    String upload(
            Caller caller,
            @RequestParam("pings") MultipartFile pings,
            @RequestParam("casePhones") String casePhones,
            @RequestParam("from") String from,
            @RequestParam("to") String to)
            throws IOException {
        var run = new CompanionManagement.NewRun(
                Arrays.stream(casePhones.split("[\\r\\n,，;；]+"))
                        .filter(s -> !s.isBlank())
                        .toList(),
                local("from", from).atZone(CHINA).toInstant(),
                local("to", to).atZone(CHINA).toInstant());
        long id = companions.start(caller, run, pings.getOriginalFilename(), pings.getInputStream());
        return "redirect:/companion/runs/" + id;
    }

    private static LocalDateTime local(String name, String value) {
        try {
            return LocalDateTime.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("%s 不是有效的时间：%s".formatted(name, value));
        }
    }

    @GetMapping("/companion/runs/{id}")
    String run(Caller caller, @PathVariable long id, Model model) {
        RunView run = companions.progress(caller, id);
        if (!run.running()) {
            run = companions.run(caller, id);
            model.addAttribute("followUps", companions.followUps(caller, id));
        }
        model.addAttribute("run", run);
        return "companion/run";
    }

    /** The progress bar; once the run has ended, tells htmx to reload the page with the results. */
    @GetMapping("/companion/runs/{id}/progress")
    String progress(Caller caller, @PathVariable long id, Model model, HttpServletResponse response) {
        RunView run = companions.progress(caller, id);
        if (!run.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        return "companion/fragments/progress :: progress";
    }

    @GetMapping("/companion/follow-ups")
    String followUps(Caller caller, Model model) {
        caller.require(Permission.COMPANION_FOLLOW_UP);
        model.addAttribute("followUps", companions.followUps(caller, null));
        return "companion/follow-ups";
    }

    @PostMapping("/companion/follow-ups/{id}/steps")
    String step(
            Caller caller,
            @PathVariable long id,
            @RequestParam("step") FollowUpStep step,
            @RequestParam(value = "result", required = false) String result,
            @RequestParam(value = "note", required = false) String note) {
        companions.record(caller, id, step, result, note == null || note.isBlank() ? null : note.trim());
        return "redirect:/companion/follow-ups";
    }
}
