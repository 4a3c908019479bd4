package org.pingji.notice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * NoticeStore (六个一 and free notices): written by one person, approved (and so published) by
 * another, addressed to the staff of given roles in given region subtrees and/or the public; each
 * version is kept; the targeted staff are pushed the notice at once and confirm reading it, the
 * sender sees the receipts per region.
 */
@Service
public class NoticeManagement {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;

    /**
     * A notice to write. {@code regions} are region codes whose subtrees are targeted (the
     * caller's jurisdiction when empty); {@code roles} are role names such as
     * {@code TOWNSHIP_OFFICER}; at least one role or {@code public}.
     */
    public record NewNotice(
            NoticeKind kind,
            String title,
            String body,
            List<String> regions,
            List<String> roles,
            @JsonProperty("public") Boolean isPublic,
            Boolean emergency) {}

    /** One unread receipt: who and in which region. */
    public record Unread(long userId, String username, String displayName, String regionCode) {}

    /** Receipts of one region (the recipient's own region). */
    public record RegionReceipts(String regionCode, String regionName, int targeted, int read) {}

    /** Who has and has not read a notice. */
    public record Receipts(long noticeId, int targeted, int read, List<Unread> unread, List<RegionReceipts> regions) {}

    /** A notice addressed to the caller with the caller's receipt. */
    public record Received(NoticeView notice, boolean addressed, Instant readAt) {}

    /** An unread emergency notice escalated to the caller as a leader. */
    public record Escalated(long noticeId, String title, String username, String displayName, Instant escalatedAt) {}

    private final NoticeStore notices;
    private final NoticeFeed feed;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    NoticeManagement(NoticeStore notices, NoticeFeed feed, GridManagement grid, AccessManagement access, Clock clock) {
        this.notices = notices;
        this.feed = feed;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    /** Writes a draft (version 1); it reaches nobody until a second person approves it. */
    @Transactional
    public NoticeView create(Caller caller, NewNotice n) {
        caller.require(Permission.NOTICE_WRITE);
        if (n == null || n.kind() == null) {
            throw NoticeRefused.invalid("kind_missing", "请选择通知类型");
        }
        checkText(n.title(), n.body());
        List<String> roles = roles(n.roles());
        boolean isPublic = Boolean.TRUE.equals(n.isPublic());
        if (roles.isEmpty() && !isPublic) {
            throw NoticeRefused.invalid("no_audience", "请选择接收角色或面向公众发布");
        }
        List<String> codes = n.regions() == null || n.regions().isEmpty()
                ? List.of(caller.jurisdictionCode())
                : n.regions().stream().map(String::trim).distinct().toList();
        List<String> paths = new ArrayList<>();
        for (String code : codes) {
            paths.add(grid.region(caller, code).path());
        }
        Instant now = Instant.now(clock);
        long id = notices.insert(
                n.kind(),
                Boolean.TRUE.equals(n.emergency()),
                isPublic,
                codes,
                paths,
                roles,
                caller.userId(),
                caller.username(),
                caller.displayName(),
                n.title().trim(),
                n.body().strip(),
                now);
        access.audit(
                caller, "NOTICE_WRITTEN", "NOTICE", Long.toString(id), n.title().trim());
        return notices.find(id).orElseThrow();
    }

    /**
     * Approves the version awaiting approval: the draft is published, a later version becomes the
     * notice's text (UPDATED); the targeted staff are addressed and pushed it. Never by the one
     * who wrote that version.
     */
    @Transactional
    public NoticeView approve(Caller caller, long id) {
        caller.require(Permission.NOTICE_APPROVE);
        NoticeView n = managed(caller, id, true);
        NoticeView.Version pending = notices.pendingVersion(id)
                .orElseThrow(() -> NoticeRefused.conflict("nothing_to_approve", "该通知没有待审核的版本"));
        if (!n.state().inForce() && n.state() != NoticeState.DRAFT) {
            throw NoticeRefused.conflict("not_in_force", "通知已%s，不能再审核发布".formatted(stateName(n.state())));
        }
        if (pending.writtenBy().equals(caller.username())) {
            throw NoticeRefused.forbidden("own_notice", "不能审核自己撰写的通知，须由另一位负责人审核");
        }
        Instant now = Instant.now(clock);
        notices.approveVersion(id, pending.version(), caller.username(), now);
        NoticeState next = n.state() == NoticeState.DRAFT ? NoticeState.PUBLISHED : NoticeState.UPDATED;
        notices.setState(id, next, now, true);
        notices.address(id, recipients(caller, notices.regionPaths(id), n.roles()), now);
        access.audit(caller, "NOTICE_APPROVED", "NOTICE", Long.toString(id), "v" + pending.version() + " " + next);
        pushAfterCommit(id);
        return notices.find(id).orElseThrow();
    }

    /** Writes a new version of a notice in force; it replaces the text once approved. */
    @Transactional
    public NoticeView update(Caller caller, long id, String title, String body) {
        caller.require(Permission.NOTICE_WRITE);
        NoticeView n = managed(caller, id, true);
        checkText(title, body);
        if (!n.inForce()) {
            throw NoticeRefused.conflict("not_in_force", "只有已发布的通知可以更新");
        }
        if (notices.pendingVersion(id).isPresent()) {
            throw NoticeRefused.conflict("update_pending", "已有待审核的更新版本");
        }
        Instant now = Instant.now(clock);
        int version = notices.lastVersion(id) + 1;
        notices.addVersion(id, version, "UPDATE", title.trim(), body.strip(), caller.username(), now);
        access.audit(caller, "NOTICE_UPDATE_WRITTEN", "NOTICE", Long.toString(id), "v" + version);
        return notices.find(id).orElseThrow();
    }

    /** Withdraws a notice (a draft or one in force): it is never shown as in force again. */
    @Transactional
    public NoticeView cancel(Caller caller, long id, String reason) {
        return close(caller, id, NoticeState.CANCELLED, "CANCEL", reason == null || reason.isBlank() ? "撤销" : reason);
    }

    /** Declares the situation over (解除): the notice stays readable as ended. */
    @Transactional
    public NoticeView allClear(Caller caller, long id, String text) {
        return close(caller, id, NoticeState.ALL_CLEAR, "ALL_CLEAR", text == null || text.isBlank() ? "解除" : text);
    }

    private NoticeView close(Caller caller, long id, NoticeState target, String type, String text) {
        if (!caller.can(Permission.NOTICE_WRITE) && !caller.can(Permission.NOTICE_APPROVE)) {
            caller.require(Permission.NOTICE_APPROVE);
        }
        NoticeView n = managed(caller, id, true);
        boolean allowed = target == NoticeState.CANCELLED ? n.state() == NoticeState.DRAFT || n.inForce() : n.inForce();
        if (!allowed) {
            throw NoticeRefused.conflict("not_in_force", "通知已%s".formatted(stateName(n.state())));
        }
        if (text.length() > MAX_BODY) {
            throw NoticeRefused.invalid("body_too_long", "正文不能超过%d字".formatted(MAX_BODY));
        }
        Instant now = Instant.now(clock);
        int version = notices.lastVersion(id) + 1;
        notices.addVersion(id, version, type, n.title(), text.strip(), caller.username(), now);
        notices.approveVersion(id, version, caller.username(), now);
        notices.setState(id, target, now, false);
        access.audit(caller, "NOTICE_" + target, "NOTICE", Long.toString(id), text);
        pushAfterCommit(id);
        return notices.find(id).orElseThrow();
    }

    /** Confirms the caller has read the notice (已读); reading twice keeps the first time. */
    @Transactional
    public Instant read(Caller caller, long id) {
        NoticeView n = notices.find(id).orElseThrow(() -> NoticeRefused.notFound("通知 " + id));
        if (!n.state().published() || !notices.isRecipient(id, caller.userId())) {
            throw NoticeRefused.notFound("通知 " + id);
        }
        Instant now = Instant.now(clock);
        if (notices.markRead(id, caller.userId(), now)) {
            access.audit(caller, "NOTICE_READ", "NOTICE", Long.toString(id), null);
        }
        return notices.readAt(id, caller.userId()).orElse(now);
    }

    /** The receipts of a notice, for those who manage it (writers and approvers in its regions). */
    public Receipts receipts(Caller caller, long id) {
        managed(caller, id, false);
        List<NoticeStore.Receipt> all = notices.receipts(id);
        List<Unread> unread = all.stream()
                .filter(r -> r.readAt() == null)
                .map(r -> new Unread(r.userId(), r.username(), r.displayName(), r.regionCode()))
                .toList();
        Map<String, int[]> byRegion = new LinkedHashMap<>();
        for (NoticeStore.Receipt r : all) {
            int[] c = byRegion.computeIfAbsent(r.regionCode(), k -> new int[2]);
            c[0]++;
            c[1] += r.readAt() == null ? 0 : 1;
        }
        List<RegionReceipts> regions = byRegion.entrySet().stream()
                .map(e -> new RegionReceipts(
                        e.getKey(),
                        grid.findRegion(e.getKey()).map(Region::name).orElse(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1]))
                .toList();
        return new Receipts(id, all.size(), all.size() - unread.size(), unread, regions);
    }

    /** Each recipient's receipt (who, region, notified, read, escalated), for the receipts page. */
    List<NoticeStore.Receipt> receiptRows(Caller caller, long id) {
        managed(caller, id, false);
        return notices.receipts(id);
    }

    /** A notice the caller may see: addressed to them, written by them or in their jurisdiction to manage. */
    public Received notice(Caller caller, long id) {
        NoticeView n = notices.find(id).orElseThrow(() -> NoticeRefused.notFound("通知 " + id));
        boolean addressed = n.state().published() && notices.isRecipient(id, caller.userId());
        if (!addressed && !mayManage(caller, n, id)) {
            throw NoticeRefused.notFound("通知 " + id);
        }
        return new Received(
                n, addressed, addressed ? notices.readAt(id, caller.userId()).orElse(null) : null);
    }

    /** Every kept version of a notice the caller may see, oldest first. */
    public List<NoticeView.Version> versions(Caller caller, long id) {
        notice(caller, id);
        return notices.versions(id);
    }

    /** The notices the caller receives, wrote or manages, newest first, each with the caller's receipt. */
    public List<Received> notices(Caller caller, int limit) {
        boolean manager = caller.can(Permission.NOTICE_WRITE) || caller.can(Permission.NOTICE_APPROVE);
        return notices
                .visibleTo(caller.userId(), caller.username(), manager, caller.pathPattern(), Math.clamp(limit, 1, 500))
                .stream()
                .map(n -> {
                    boolean addressed = n.state().published() && notices.isRecipient(n.id(), caller.userId());
                    return new Received(
                            n,
                            addressed,
                            addressed ? notices.readAt(n.id(), caller.userId()).orElse(null) : null);
                })
                .toList();
    }

    /** How many notices in force the caller has not yet confirmed reading (the header badge). */
    public int unreadCount(Caller caller) {
        return caller == null ? 0 : notices.unreadCount(caller.userId());
    }

    /** Unread emergency notices escalated to the caller (a leader), newest first. */
    public List<Escalated> escalationsFor(Caller caller) {
        return notices.escalationsTo(caller.username()).stream()
                .map(e -> new Escalated(e.noticeId(), e.title(), e.username(), e.displayName(), e.escalatedAt()))
                .toList();
    }

    /** A published public notice for the public page (no login); cancelled ones are returned as such. */
    public NoticeView publicNotice(long id) {
        return notices.find(id)
                .filter(n -> n.isPublic() && n.state().published())
                .orElseThrow(() -> NoticeRefused.notFound("公开通知 " + id));
    }

    /** Public notices; only those in force when {@code inForceOnly}. */
    public List<NoticeView> publicNotices(boolean inForceOnly, int limit) {
        return notices.publicNotices(inForceOnly, Math.clamp(limit, 1, 200));
    }

    private NoticeView managed(Caller caller, long id, boolean lock) {
        Optional<NoticeView> found = lock ? notices.lock(id) : notices.find(id);
        NoticeView n = found.orElseThrow(() -> NoticeRefused.notFound("通知 " + id));
        if (!mayManage(caller, n, id)) {
            throw NoticeRefused.notFound("通知 " + id);
        }
        return n;
    }

    private boolean mayManage(Caller caller, NoticeView n, long id) {
        if (n.authorUsername().equals(caller.username())) {
            return true;
        }
        if (!caller.can(Permission.NOTICE_WRITE) && !caller.can(Permission.NOTICE_APPROVE)) {
            return false;
        }
        return notices.regionPaths(id).stream().allMatch(caller::covers);
    }

    private List<NoticeStore.Recipient> recipients(Caller caller, List<String> paths, List<String> roles) {
        Map<String, String> pathByCode = new HashMap<>();
        List<NoticeStore.Recipient> out = new ArrayList<>();
        for (String role : roles) {
            for (AccessManagement.UserView u : access.usersWithRole(caller, Role.valueOf(role))) {
                String path = pathByCode.computeIfAbsent(
                        u.jurisdictionCode(),
                        c -> grid.findRegion(c).map(Region::path).orElse(""));
                if (!path.isEmpty() && paths.stream().anyMatch(path::startsWith)) {
                    out.add(new NoticeStore.Recipient(
                            u.id(), u.username(), u.displayName(), u.jurisdictionCode(), path));
                }
            }
        }
        return out;
    }

    private void pushAfterCommit(long id) {
        List<Long> users = notices.recipientIds(id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                feed.push(users, id);
            }
        });
    }

    private static void checkText(String title, String body) {
        if (title == null || title.isBlank()) {
            throw NoticeRefused.invalid("title_missing", "请填写标题");
        }
        if (title.trim().length() > MAX_TITLE) {
            throw NoticeRefused.invalid("title_too_long", "标题不能超过%d字".formatted(MAX_TITLE));
        }
        if (body == null || body.isBlank()) {
            throw NoticeRefused.invalid("body_missing", "请填写正文");
        }
        if (body.length() > MAX_BODY) {
            throw NoticeRefused.invalid("body_too_long", "正文不能超过%d字".formatted(MAX_BODY));
        }
    }

    private static List<String> roles(List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            try {
                String r = Role.valueOf(name.trim()).name();
                if (!out.contains(r)) {
                    out.add(r);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                throw NoticeRefused.invalid("role_unknown", "没有角色 " + name);
            }
        }
        return out;
    }

    private static String stateName(NoticeState s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case PUBLISHED -> "发布";
            case UPDATED -> "更新";
            case CANCELLED -> "撤销";
            case ALL_CLEAR -> "解除";
        };
    }
}
