package org.pingji.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.platform.DutyRoster;
import org.pingji.platform.JobLocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An emergency notice unread 30 minutes after it reached a reader goes to the reader's leader:
 * the leader on duty (带班领导) of the reader's region from the duty roster, else an officer of the
 * parent region (the township's for a village officer, the county command's for a township
 * officer). The escalation is recorded on the receipt, shown on the leader's notices page and
 * pushed to the leader's open pages.
 */
@Component
class NoticeEscalation {

    private static final List<Role> LEADER_ROLES =
            List.of(Role.VILLAGE_OFFICER, Role.TOWNSHIP_OFFICER, Role.COUNTY_COMMANDER);

    private final JobLocks jobs;
    private final NoticeStore store;
    private final NoticeFeed feed;
    private final AccessManagement access;
    private final ObjectProvider<DutyRoster> roster;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration after;

    NoticeEscalation(
            JobLocks jobs,
            NoticeStore store,
            NoticeFeed feed,
            AccessManagement access,
            ObjectProvider<DutyRoster> roster,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${pingji.notice.escalate-after:30m}") Duration after) {
        this.jobs = jobs;
        this.store = store;
        this.feed = feed;
        this.access = access;
        this.roster = roster;
        this.transaction = transaction;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(initialDelay = 30_000, fixedDelayString = "${pingji.notice.escalation-check:60s}")
    void run() {
        jobs.runOnce("notice.escalation", Duration.ofSeconds(10), Duration.ofMinutes(10), this::escalateOverdue);
    }

    /** Escalates every overdue unread emergency receipt once; returns how many were escalated. */
    int escalateOverdue() {
        Instant now = Instant.now(clock);
        List<NoticeStore.Overdue> overdue = store.overdueEmergencies(now.minus(after));
        int n = 0;
        for (NoticeStore.Overdue o : overdue) {
            Optional<AccessManagement.UserView> leader = leaderOf(o, now);
            String to = leader.map(AccessManagement.UserView::username).orElse("");
            if (to.isEmpty()) {
                continue;
            }
            transaction.executeWithoutResult(s -> store.escalated(o.noticeId(), o.userId(), to, now));
            feed.push(List.of(leader.get().id()), o.noticeId());
            n++;
        }
        return n;
    }

    private Optional<AccessManagement.UserView> leaderOf(NoticeStore.Overdue o, Instant now) {
        Caller system = new Caller(0, "system", "系统", Role.ADMIN, "", "/");
        Optional<String> onDuty = Optional.ofNullable(roster.getIfAvailable())
                .flatMap(r -> r.onDuty(o.regionPath(), now))
                .map(DutyRoster.OnDuty::leader)
                .filter(l -> l != null && !l.equals(o.username()));
        String parent = parentCode(o.regionPath());
        List<AccessManagement.UserView> candidates = LEADER_ROLES.stream()
                .flatMap(role -> access.usersWithRole(system, role).stream())
                .filter(u -> !u.username().equals(o.username()))
                .toList();
        Optional<AccessManagement.UserView> byRoster = onDuty.flatMap(
                l -> candidates.stream().filter(u -> u.username().equals(l)).findFirst());
        if (byRoster.isPresent()) {
            return byRoster;
        }
        return candidates.stream()
                .filter(u -> u.jurisdictionCode().equals(parent))
                .findFirst();
    }

    /** The code of the parent region on a materialised path ({@code /a/b/c/} → {@code b}); the county for itself. */
    static String parentCode(String path) {
        String[] parts = path.substring(1).split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    }
}
