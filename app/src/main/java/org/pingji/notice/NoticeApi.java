package org.pingji.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of notices: write, approve (publish), update, cancel, all-clear, read, receipts. */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "NoticeStore", description = "六个一 notices with approval, versions and read receipts")
class NoticeApi {

    /** The answer to a write or a state change. */
    record Answer(long id, NoticeState state, int version) {
        static Answer of(NoticeView n) {
            return new Answer(n.id(), n.state(), n.version());
        }
    }

    /** A new version's text. */
    record Text(String title, String body) {}

    /** A cancellation's reason or an all-clear's text. */
    record Reason(String text) {}

    /** The caller's read confirmation. */
    record ReadAnswer(long id, Instant readAt) {}

    private final NoticeManagement notices;

    NoticeApi(NoticeManagement notices) {
        this.notices = notices;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a notice (a draft until a second person approves it)")
    Answer create(Caller caller, @RequestBody NoticeManagement.NewNotice n) {
        return Answer.of(notices.create(caller, n));
    }

    @GetMapping
    @Operation(summary = "NoticeStore the caller receives, wrote or manages, newest first")
    List<NoticeManagement.Received> list(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        return notices.notices(caller, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notice with the caller's receipt")
    NoticeManagement.Received get(Caller caller, @PathVariable long id) {
        return notices.notice(caller, id);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every kept version of a notice")
    List<NoticeView.Version> versions(Caller caller, @PathVariable long id) {
        return notices.versions(caller, id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the pending version (not by its author): publishes it to its audience")
    Answer approve(Caller caller, @PathVariable long id) {
        return Answer.of(notices.approve(caller, id));
    }

    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write an update of a notice in force (applies once approved)")
    Answer update(Caller caller, @PathVariable long id, @RequestBody Text t) {
        return Answer.of(notices.update(caller, id, t.title(), t.body()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a notice: never shown as in force again")
    Answer cancel(Caller caller, @PathVariable long id, @RequestBody(required = false) Reason r) {
        return Answer.of(notices.cancel(caller, id, r == null ? null : r.text()));
    }

    @PostMapping("/{id}/all-clear")
    @Operation(summary = "Declare the situation of a notice over (all clear)")
    Answer allClear(Caller caller, @PathVariable long id, @RequestBody(required = false) Reason r) {
        return Answer.of(notices.allClear(caller, id, r == null ? null : r.text()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Confirm reading a notice addressed to the caller (已读)")
    ReadAnswer read(Caller caller, @PathVariable long id) {
        return new ReadAnswer(id, notices.read(caller, id));
    }

    @GetMapping("/{id}/receipts")
    @Operation(summary = "Who has and has not read a notice, per region")
    NoticeManagement.Receipts receipts(Caller caller, @PathVariable long id) {
        return notices.receipts(caller, id);
    }
}
