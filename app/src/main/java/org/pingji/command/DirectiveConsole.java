package org.pingji.command;

import static org.pingji.command.ConsoleForms.act;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of command (Chinese): directives, acknowledgement, completion reports and attachments. */
@Controller
class DirectiveConsole implements CommandWeb {

    private final CommandManagement command;
    private final GridManagement grid;
    private final Directives directives;
    private final CommandSettings settings;

    DirectiveConsole(CommandManagement command, GridManagement grid, Directives directives, CommandSettings settings) {
        this.command = command;
        this.grid = grid;
        this.directives = directives;
        this.settings = settings;
    }

    @GetMapping("/command/directives")
    String directives(Caller caller, Model model) {
        model.addAttribute("directives", command.directives(caller, 100));
        model.addAttribute("canIssue", caller.can(Permission.DIRECTIVE_ISSUE));
        model.addAttribute(
                "children",
                caller.can(Permission.DIRECTIVE_ISSUE) ? grid.children(caller, caller.jurisdictionCode()) : List.of());
        model.addAttribute("groups", caller.can(Permission.COMMAND_MODE) ? command.plans(caller) : List.of());
        model.addAttribute(
                "defaultDeadline",
                LocalDateTime.now(settings.zone()).plusHours(24).withSecond(0).withNano(0));
        return "command/directives";
    }

    @PostMapping("/command/directives")
    String issue(
            Caller caller,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<String> regionCodes,
            @RequestParam(required = false) String moreCodes,
            @RequestParam(required = false) List<Long> groupIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
            RedirectAttributes redirect) {
        List<String> codes = new java.util.ArrayList<>(regionCodes == null ? List.of() : regionCodes);
        if (moreCodes != null) {
            Arrays.stream(moreCodes.split("[,，\\s]+")).filter(s -> !s.isBlank()).forEach(codes::add);
        }
        long[] id = new long[1];
        String target = act(
                redirect,
                "/command/directives",
                "指令已下达",
                () -> id[0] = command.issueDirective(
                        caller,
                        new NewDirective(
                                title, body, codes, groupIds, ConsoleForms.local(settings.zone(), deadline), true)));
        return id[0] > 0 ? "redirect:/command/directives/" + id[0] : target;
    }

    @GetMapping("/command/directives/{id}")
    String directive(Caller caller, @PathVariable long id, Model model) {
        DirectiveView d = command.directive(caller, id);
        model.addAttribute("d", d);
        model.addAttribute(
                "mine",
                d.recipients().stream()
                        .filter(r -> r.regionCode().equals(caller.jurisdictionCode()))
                        .findFirst()
                        .orElse(null));
        return "command/directive";
    }

    @PostMapping("/command/directives/{id}/ack")
    String ack(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/command/directives/" + id, "已签收", () -> command.acknowledge(caller, id, null));
    }

    @PostMapping("/command/directives/{id}/done")
    String done(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect)
            throws IOException {
        var uploads = DirectiveApi.uploads(files);
        return act(
                redirect,
                "/command/directives/" + id,
                "已报告完成",
                () -> directives.complete(caller, id, null, text, uploads));
    }

    @GetMapping("/command/directives/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(Caller caller, @PathVariable long id, @PathVariable long attachment) {
        var file = directives.attachment(caller, id, attachment);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_TYPE,
                        file.contentType() == null ? "application/octet-stream" : file.contentType())
                .body(file.content());
    }
}
