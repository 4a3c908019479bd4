package org.pingji.notice;

import java.util.Arrays;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices pages (通知公告): the caller's notices with 已读, pushed without reload (server-sent
 * events; the page fetches its list and the header badge again on each event), escalations to a
 * leader, the write form from the kind's template, a notice with its versions, approval and the
 * receipts per region.
 */
@Controller
class NoticeConsole {

    /** The roles a notice can be addressed to on the write form (staff, not residents). */
    static final List<Role> TARGET_ROLES = Arrays.stream(Role.values())
            .filter(r -> r != Role.RESIDENT && r != Role.ADMIN)
            .toList();

    private final NoticeManagement notices;
    private final NoticeFeed feed;

    NoticeConsole(NoticeManagement notices, NoticeFeed feed) {
        this.notices = notices;
        this.feed = feed;
    }

    @GetMapping("/notices")
    String list(Caller caller, Model model) {
        rows(caller, model);
        model.addAttribute("escalations", notices.escalationsFor(caller));
        model.addAttribute("canWrite", caller.can(Permission.NOTICE_WRITE));
        model.addAttribute("kinds", NoticeKind.values());
        return "notice/list";
    }

    @GetMapping("/notices/rows")
    String rows(Caller caller, Model model) {
        model.addAttribute("notices", notices.notices(caller, 100));
        return "notice/fragments/rows :: rows";
    }

    @GetMapping("/notices/badge")
    String badge(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        return "notice/fragments/badge :: badge";
    }

    @GetMapping(value = "/notices/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        return feed.open(caller.userId());
    }

    @GetMapping("/notices/new")
    String form(Caller caller, @RequestParam(defaultValue = "NOTICE") NoticeKind kind, Model model) {
        caller.require(Permission.NOTICE_WRITE);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("roles", TARGET_ROLES);
        return "notice/new";
    }

    @PostMapping("/notices")
    String create(
            Caller caller,
            @RequestParam NoticeKind kind,
            @RequestParam String title,
            @RequestParam String body,
            @RequestParam(required = false) String regions,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "false") boolean isPublic,
            @RequestParam(defaultValue = "false") boolean emergency,
            RedirectAttributes flash) {
        List<String> codes = regions == null || regions.isBlank()
                ? List.of()
                : Arrays.stream(regions.split("[,，\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        NoticeView n = notices.create(
                caller,
                new NoticeManagement.NewNotice(
                        kind, title, body, codes, roles == null ? List.of() : roles, isPublic, emergency));
        flash.addFlashAttribute("flash", "已保存草稿，须由另一位负责人审核后发布");
        return "redirect:/notices/" + n.id();
    }

    @GetMapping("/notices/{id}")
    String notice(Caller caller, @PathVariable long id, Model model) {
        NoticeManagement.Received r = notices.notice(caller, id);
        model.addAttribute("r", r);
        model.addAttribute("n", r.notice());
        List<NoticeView.Version> versions = notices.versions(caller, id);
        model.addAttribute("versions", versions);
        // The approve button is offered to a second person only: not to who wrote the pending version.
        boolean pendingByOther = versions.stream()
                .filter(v -> v.approvedBy() == null)
                .reduce((a, b) -> b)
                .map(v -> !v.writtenBy().equals(caller.username()))
                .orElse(false);
        boolean manages = caller.can(Permission.NOTICE_WRITE) || caller.can(Permission.NOTICE_APPROVE);
        boolean managed = manages || r.notice().authorUsername().equals(caller.username());
        if (managed && r.notice().state().published()) {
            try {
                model.addAttribute("receipts", notices.receipts(caller, id));
                model.addAttribute("receiptRows", notices.receiptRows(caller, id));
            } catch (NoticeRefused outside) {
                // Addressed to the caller but not in their jurisdiction to manage: no receipts.
            }
        }
        model.addAttribute(
                "canApprove",
                caller.can(Permission.NOTICE_APPROVE)
                        && pendingByOther
                        && (r.notice().state() == NoticeState.DRAFT
                                || r.notice().pending()));
        model.addAttribute(
                "canClose", managed && (r.notice().inForce() || r.notice().state() == NoticeState.DRAFT));
        return "notice/notice";
    }

    @PostMapping("/notices/{id}/approve")
    String approve(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        NoticeView n = notices.approve(caller, id);
        flash.addFlashAttribute("flash", n.state() == NoticeState.PUBLISHED ? "已审核发布" : "已审核，更新版本已发布");
        return "redirect:/notices/" + id;
    }

    @PostMapping("/notices/{id}/read")
    String read(Caller caller, @PathVariable long id, @RequestParam(required = false) String back) {
        notices.read(caller, id);
        return "list".equals(back) ? "redirect:/notices" : "redirect:/notices/" + id;
    }

    @PostMapping("/notices/{id}/cancel")
    String cancel(Caller caller, @PathVariable long id, @RequestParam(required = false) String text) {
        notices.cancel(caller, id, text);
        return "redirect:/notices/" + id;
    }

    @PostMapping("/notices/{id}/all-clear")
    String allClear(Caller caller, @PathVariable long id, @RequestParam(required = false) String text) {
        notices.allClear(caller, id, text);
        return "redirect:/notices/" + id;
    }
}
