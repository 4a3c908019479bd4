package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandRequests.ScopeRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of command: directives, acknowledgement and completion reports. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class DirectiveApi implements CommandWeb {

    private final CommandManagement command;
    private final Directives directives;

    DirectiveApi(CommandManagement command, Directives directives) {
        this.command = command;
        this.directives = directives;
    }

    record DirectiveRequest(
            String title,
            String body,
            List<String> regionCodes,
            List<Long> groupIds,
            Instant deadline,
            Boolean responseRequired) {}

    @PostMapping("/directives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a directive to regions below the caller's level and/or task groups, with a deadline")
    Map<String, Long> issue(Caller caller, @RequestBody DirectiveRequest r) {
        return Map.of(
                "id",
                command.issueDirective(
                        caller,
                        new NewDirective(
                                r.title(),
                                r.body(),
                                r.regionCodes(),
                                r.groupIds(),
                                r.deadline(),
                                r.responseRequired())));
    }

    @GetMapping("/directives")
    @Operation(summary = "Directives issued in or addressed to the jurisdiction, newest first")
    List<DirectiveView> directives(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        return command.directives(caller, limit);
    }

    @GetMapping("/directives/{id}")
    @Operation(summary = "A directive with received / acknowledged / done / overdue per recipient")
    DirectiveView directive(Caller caller, @PathVariable long id) {
        return command.directive(caller, id);
    }

    @PostMapping("/directives/{id}/ack")
    @Operation(summary = "Acknowledge (签收) for the caller's own region")
    DirectiveView.Recipient ack(Caller caller, @PathVariable long id, @RequestBody(required = false) ScopeRequest r) {
        return command.acknowledge(caller, id, r == null ? null : r.regionCode());
    }

    record DoneRequest(String text, String regionCode) {}

    @PostMapping(value = "/directives/{id}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report completion with text")
    DirectiveView.Recipient done(Caller caller, @PathVariable long id, @RequestBody DoneRequest r) {
        return command.complete(caller, id, r.regionCode(), r.text());
    }

    @PostMapping(value = "/directives/{id}/done", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report completion with text and attachments (multipart: text, files)")
    DirectiveView.Recipient doneWithFiles(
            Caller caller,
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam(required = false) String regionCode,
            @RequestPart(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        return directives.complete(caller, id, regionCode, text, uploads(files));
    }

    static List<Directives.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Directives.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new Directives.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
        }
        return uploads;
    }
}
