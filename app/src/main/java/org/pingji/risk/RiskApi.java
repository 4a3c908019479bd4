package org.pingji.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of risk areas and notices. */
@RestController
@RequestMapping("/api/risk")
@Tag(name = "Risk areas", description = "Notices (preview, then apply), areas in force at any time, manual edits")
class RiskApi {

    private final RiskAreas risk;
    private final java.time.Clock clock;

    RiskApi(RiskAreas risk, java.time.Clock clock) {
        this.risk = risk;
        this.clock = clock;
    }

    /** The preview of a notice as the API shows it. */
    record NoticeView(
            long id,
            String state,
            Instant asOf,
            List<ParsedNotice.Adjustment> adjustments,
            List<ParsedNotice.Problem> problems,
            int areaCount) {
        static NoticeView of(RiskAreas.Notice n) {
            return new NoticeView(
                    n.id(),
                    n.state(),
                    n.parsed().asOf(),
                    n.parsed().adjustments(),
                    n.parsed().problems(),
                    n.parsed().areaCount());
        }
    }

    @PostMapping(path = "/notices", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Paste an official notice as published (text/plain; UTF-8): read and kept for preview")
    NoticeView preview(Caller caller, @RequestBody String text) {
        return NoticeView.of(risk.preview(caller, text));
    }

    @PutMapping(path = "/notices/{id}", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Replace a previewed notice's text after a fix and read it again")
    NoticeView revise(Caller caller, @PathVariable long id, @RequestBody String text) {
        return NoticeView.of(risk.revise(caller, id, text));
    }

    @GetMapping("/notices/{id}")
    @Operation(summary = "A notice's current reading")
    NoticeView notice(Caller caller, @PathVariable long id) {
        return NoticeView.of(risk.notice(caller, id));
    }

    @GetMapping("/notices")
    @Operation(summary = "Notices, newest first")
    List<RiskAreas.NoticeSummary> notices(Caller caller) {
        return risk.notices(caller);
    }

    @PostMapping("/notices/{id}/apply")
    @Operation(summary = "Apply a notice (all areas or none); refused (409) while problems remain")
    Map<String, Object> apply(Caller caller, @PathVariable long id) {
        int changed = risk.apply(caller, id);
        return Map.of("id", id, "state", "APPLIED", "changed", changed);
    }

    @GetMapping("/areas")
    @Operation(
            summary =
                    "Areas in force at a time (default now; local Beijing time or an ISO instant), optionally of one level")
    List<RiskAreas.AreaInForce> areas(
            Caller caller, @RequestParam(required = false) RiskLevel level, @RequestParam(required = false) String at) {
        caller.require(Permission.REGION_READ);
        return risk.areasAt(level, parseAt(at));
    }

    @GetMapping("/areas/{id}/history")
    @Operation(summary = "Every version of an area's level")
    List<RiskAreas.LevelVersion> history(Caller caller, @PathVariable long id) {
        caller.require(Permission.REGION_READ);
        return risk.history(id);
    }

    record ManualArea(@NotBlank String address, @NotNull RiskLevel level, Instant effectiveFrom, String note) {}

    @PostMapping("/areas")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set an area's level by hand from a time (default now); audited")
    RiskAreas.AreaInForce setByHand(Caller caller, @Valid @RequestBody ManualArea a) {
        return risk.setByHand(caller, a.address(), a.level(), a.effectiveFrom(), a.note());
    }

    private Instant parseAt(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            if (at.endsWith("Z") || at.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(at).toInstant();
            }
            return LocalDateTime.parse(at).atZone(NoticeParser.BEIJING).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("at: '%s' 不是有效的时间（如 2022-04-12T16:00）".formatted(at));
        }
    }
}
