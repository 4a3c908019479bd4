package org.pingji.companion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON API of companion detection (时空伴随) and its follow-ups. */
@RestController
@RequestMapping("/api/tracing")
@Tag(name = "Companions", description = "Spatiotemporal companion runs (Spark job) and grid workers' follow-ups")
class CompanionApi {

    private final CompanionManagement companions;
    private final JsonMapper json;

    CompanionApi(CompanionManagement companions, JsonMapper json) {
        this.companions = companions;
        this.json = json;
    }

    /** The {@code request} part. */
    record RunRequest(List<String> casePhones, String from, String to) {}

    @PostMapping(path = "/companion-runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Start a companion run: multipart part `pings` = CSV phone,timestamp,lat,lon (gzip allowed) or"
                    + " Parquet; part `request` = JSON {casePhones:[...], from, to} (ISO-8601). Answers {id}.")
    Map<String, Long> start(Caller caller, HttpServletRequest http) throws IOException {
        Part pings = part(http, "pings");
        Part request = part(http, "request");
        RunRequest r;
        try {
            r = json.readValue(
                    new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8), RunRequest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("request 部分不是有效的 JSON：" + e.getOriginalMessage());
        }
        if (r == null) {
            throw new IllegalArgumentException("request 部分为空");
        }
        var run = new CompanionManagement.NewRun(r.casePhones(), instant("from", r.from()), instant("to", r.to()));
        String name = pings.getSubmittedFileName();
        return Map.of("id", companions.start(caller, run, name, pings.getInputStream()));
    }

    @GetMapping("/companion-runs/{id}")
    @Operation(
            summary = "A run: {state: RUNNING|DONE|FAILED, progress, badRows, companions:[{phone, personId, cell,"
                    + " overlapMinutes, firstSeen, lastSeen}]}; full phones, audited")
    RunView run(Caller caller, @PathVariable long id) {
        return companions.run(caller, id);
    }

    @GetMapping("/companion-runs")
    @Operation(summary = "The latest runs in the caller's jurisdiction (without companions)")
    List<RunView> runs(Caller caller) {
        return companions.runs(caller);
    }

    @GetMapping("/companion-runs/{id}/follow-ups")
    @Operation(summary = "The follow-ups a run created")
    List<FollowUpView> runFollowUps(Caller caller, @PathVariable long id) {
        return companions.followUps(caller, id);
    }

    @GetMapping("/companion-follow-ups")
    @Operation(summary = "The calling grid worker's follow-ups")
    List<FollowUpView> followUps(Caller caller) {
        return companions.followUps(caller, null);
    }

    record StepRequest(@NotNull FollowUpStep step, String result, String note) {}

    @PostMapping("/companion-follow-ups/{id}/steps")
    @Operation(
            summary = "Record a follow-up step: LOCATE, FIRST_TEST {result}, SECOND_TEST {result}, CLEAR (two"
                    + " negatives) or ESCALATE; 409 when out of order")
    FollowUpView step(Caller caller, @PathVariable long id, @Valid @RequestBody StepRequest step) {
        return companions.record(caller, id, step.step(), step.result(), step.note());
    }

    private static Part part(HttpServletRequest http, String name) throws IOException {
        Part part;
        try {
            part = http.getPart(name);
        } catch (ServletException | IllegalStateException e) {
            throw new IllegalArgumentException("请求须为 multipart/form-data，含 pings 和 request 两部分");
        }
        if (part == null) {
            throw new IllegalArgumentException("缺少 %s 部分".formatted(name));
        }
        return part;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "request 缺少 %s（ISO-8601 时间，如 2026-11-01T00:00:00+08:00）".formatted(name));
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("%s 不是有效的 ISO-8601 时间：%s".formatted(name, value));
        }
    }
}
