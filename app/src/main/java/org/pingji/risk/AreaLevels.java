package org.pingji.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.risk.RiskAreas.AreaInForce;
import org.pingji.risk.RiskAreas.NotFound;
import org.pingji.risk.RiskAreas.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Changes of areas' levels: a notice applied (all or nothing), an area set by hand; each change
 * closes the open version and opens a new one, then publishes {@link RiskAreasChanged} and moves
 * the in-process risk version after the commit.
 */
@Component
class AreaLevels {

    private final JdbcClient jdbc;
    private final Notices notices;
    private final AreaQueries queries;
    private final AddressResolver resolver;
    private final Clock clock;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    AreaLevels(
            JdbcClient jdbc,
            Notices notices,
            AreaQueries queries,
            AddressResolver resolver,
            Clock clock,
            AccessManagement access,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.queries = queries;
        this.resolver = resolver;
        this.clock = clock;
        this.access = access;
        this.events = events;
    }

    int apply(Caller caller, long id) {
        caller.require(Permission.RISK_MANAGE);
        String state = jdbc.sql("select state from risk.notices where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("没有编号为 %d 的公告".formatted(id)));
        if (state.equals("APPLIED")) {
            throw new RiskRefused("公告 %d 已发布生效".formatted(id));
        }
        Notice notice = notices.notice(caller, id);
        ParsedNotice parsed = notice.parsed();
        if (!parsed.problems().isEmpty()) {
            throw new RiskRefused("公告仍有%d个问题，修正后才能发布：%s"
                    .formatted(
                            parsed.problems().size(),
                            parsed.problems().getFirst().message()));
        }
        Set<String> codes = new LinkedHashSet<>();
        int changed = 0;
        for (ParsedNotice.Adjustment adjustment : parsed.adjustments()) {
            for (ParsedNotice.Area area : adjustment.areas()) {
                long areaId = upsertArea(
                        area.text(), area.fullText(), area.resolvedCode(), area.resolvedName(), area.inherited());
                if (setLevel(areaId, area.fullText(), adjustment.to(), adjustment.asOf(), id, caller.username(), "")) {
                    changed++;
                    codes.add(area.resolvedCode());
                }
            }
        }
        Instant now = clock.instant();
        jdbc.sql("update risk.notices set state = 'APPLIED', applied_by = ?, applied_at = ? where id = ?")
                .params(caller.username(), Timestamp.from(now), id)
                .update();
        access.audit(caller, "risk.apply", "notice", String.valueOf(id), changed + " areas changed");
        events.publishEvent(new RiskAreasChanged(id, parsed.asOf(), List.copyOf(codes)));
        bumpAfterCommit();
        return changed;
    }

    /** Sets one area's level by hand from an instant (a correction or an addition). Audited. */
    AreaInForce setByHand(Caller caller, String address, RiskLevel level, Instant from, String note) {
        caller.require(Permission.RISK_MANAGE);
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address: 地址不能为空");
        }
        if (level == null) {
            throw new IllegalArgumentException("level: 须为 HIGH、MEDIUM 或 LOW");
        }
        String text = NoticeParser.normalize(address).text();
        AddressResolver.Resolution r = resolver.resolve(text, AddressResolver.Context.EMPTY);
        if (!r.resolved()) {
            throw new IllegalArgumentException("address: 无法识别“%s”所在的省份或城市".formatted(address.strip()));
        }
        Instant at = from == null ? clock.instant() : from;
        String name = resolver.fullName(r.code());
        String full = name + text.substring(r.matched());
        long areaId = upsertArea(text, full, r.code(), name, false);
        setLevel(areaId, full, level, at, null, caller.username(), note == null ? "" : note.strip());
        access.audit(caller, "risk.edit", "area", String.valueOf(areaId), level + " from " + at + " " + full);
        events.publishEvent(new RiskAreasChanged(null, at, List.of(r.code())));
        bumpAfterCommit();
        return queries.areasAt(null, at).stream()
                .filter(a -> a.id() == areaId)
                .findFirst()
                .orElseThrow();
    }

    private long upsertArea(String text, String fullText, String code, String name, boolean inherited) {
        return jdbc.sql(
                        """
                        insert into risk.areas (full_text, text, resolved_code, resolved_name, inherited)
                        values (?, ?, ?, ?, ?)
                        on conflict (full_text) do update set text = excluded.text
                        returning id""")
                .params(fullText, text, code, name, inherited)
                .query(Long.class)
                .single();
    }

    /** Closes the open version and opens one at the new level; false when nothing changes. */
    private boolean setLevel(
            long areaId, String fullText, RiskLevel level, Instant from, Long noticeId, String by, String note) {
        var open = jdbc.sql(
                        "select id, level, effective_from from risk.area_levels where area_id = ? and effective_to is null for update")
                .param(areaId)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()
                })
                .optional();
        if (open.isPresent()) {
            Instant openFrom = (Instant) open.get()[2];
            if (open.get()[1].equals(level.name()) && !openFrom.isAfter(from)) {
                return false; // already at that level: a notice applied twice changes nothing
            }
            if (!openFrom.isBefore(from)) {
                throw new RiskRefused("“%s”已有%s的调整，不能用更早或同一时间（%s）的公告覆盖".formatted(fullText, openFrom, from));
            }
            jdbc.sql("update risk.area_levels set effective_to = ? where id = ?")
                    .params(Timestamp.from(from), open.get()[0])
                    .update();
        }
        jdbc.sql(
                        """
                        insert into risk.area_levels (area_id, level, effective_from, notice_id, set_by, note)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(areaId, level.name(), Timestamp.from(from), noticeId, by, note)
                .update();
        return true;
    }

    /**
     * A number that changes whenever risk levels change in this process (after the change
     * commits): readers holding risk windows in memory reload them when it moves.
     */
    long version() {
        return version.get();
    }

    private void bumpAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            version.incrementAndGet();
                        }
                    });
        } else {
            version.incrementAndGet();
        }
    }
}
