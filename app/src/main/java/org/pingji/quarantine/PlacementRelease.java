package org.pingji.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ending a placement: release when the criteria are met, or the two-person early release. */
@Component
class PlacementRelease {

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final HealthChecks checks;
    private final QuarantineQueries queries;
    private final Clock clock;

    PlacementRelease(
            JdbcClient jdbc,
            AccessManagement access,
            ApplicationEventPublisher events,
            HealthChecks checks,
            QuarantineQueries queries,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.checks = checks;
        this.queries = queries;
        this.clock = clock;
    }

    /** Whether the placement may be released now: days served and a negative test on every test day. */
    Views.ReleaseCheck releaseCheck(Caller caller, long placementId) {
        var p = queries.placement(caller, placementId);
        List<String> unmet = ReleaseCriteria.unmet(
                Instant.now(clock),
                p.start(),
                p.plannedEnd(),
                p.testDays(),
                queries.tests(caller, placementId),
                checks::local);
        return new Views.ReleaseCheck(unmet.isEmpty(), unmet);
    }

    /**
     * Releases a placement whose criteria are met.
     *
     * @throws QuarantineRefused listing every unmet criterion
     */
    @Transactional
    Instant release(Caller caller, long placementId) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var p = lock(caller, placementId);
        var check = releaseCheck(caller, placementId);
        if (!check.met()) {
            throw new QuarantineRefused("未达到解除隔离条件：" + String.join("；", check.unmet()), check.unmet());
        }
        return end(caller, p, "达到解除条件", "PLACEMENT_RELEASED");
    }

    /** First step of an override: a manager asks to release before the criteria are met, with a reason. */
    @Transactional
    void requestOverride(Caller caller, long placementId, String reason) {
        caller.require(Permission.QUARANTINE_MANAGE);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("reason: 请填写提前解除的理由（不超过500字）");
        }
        var p = lock(caller, placementId);
        jdbc.sql("update quarantine.placements set override_reason = ?, override_by = ?, override_at = ? where id = ?")
                .params(reason.trim(), caller.username(), Timestamp.from(Instant.now(clock)), p.id())
                .update();
        access.audit(caller, "RELEASE_OVERRIDE_REQUESTED", "PLACEMENT", Long.toString(p.id()), reason.trim());
    }

    /**
     * Second step: another manager approves the override and the placement is released.
     *
     * @throws QuarantineRefused when nothing was requested or the approver is the requester
     */
    @Transactional
    Instant approveOverride(Caller caller, long placementId) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var p = lock(caller, placementId);
        if (p.overrideReason() == null) {
            throw new QuarantineRefused("未申请提前解除");
        }
        if (p.overrideBy().equals(caller.username())) {
            throw new QuarantineRefused("提前解除须由申请人以外的另一名管理员审批");
        }
        jdbc.sql("update quarantine.placements set approved_by = ? where id = ?")
                .params(caller.username(), p.id())
                .update();
        return end(caller, p, "提前解除：" + p.overrideReason(), "RELEASE_OVERRIDE_APPROVED");
    }

    private Instant end(Caller caller, Views.PlacementView p, String note, String action) {
        Instant now = Instant.now(clock);
        jdbc.sql("update quarantine.placements set status = 'RELEASED', released_at = ?, release_note = ? where id = ?")
                .params(Timestamp.from(now), note, p.id())
                .update();
        access.audit(caller, action, "PLACEMENT", Long.toString(p.id()), note);
        events.publishEvent(new PlacementEnded(p.id(), p.personId(), now));
        return now;
    }

    private Views.PlacementView lock(Caller caller, long placementId) {
        jdbc.sql("select id from quarantine.placements where id = ? for update")
                .param(placementId)
                .query(Long.class)
                .optional();
        var p = queries.placement(caller, placementId);
        requireActive(p);
        return p;
    }

    static void requireActive(Views.PlacementView p) {
        if (!p.status().equals("ACTIVE")) {
            throw new QuarantineRefused("隔离 %d 已于 %s 解除".formatted(p.id(), p.releasedAt()));
        }
    }
}
