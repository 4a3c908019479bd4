package org.pingji.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of risk areas: notices previewed then applied (all or nothing), areas edited by
 * hand, and the areas in force at any instant.
 */
@Service
public class RiskAreas {

    /** An unknown notice or area (HTTP 404). */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** A stored notice with its current reading. */
    public record Notice(
            long id,
            String source,
            String state,
            String text,
            Instant createdAt,
            String createdBy,
            Instant appliedAt,
            String appliedBy,
            ParsedNotice parsed) {}

    /** A notice in a list, without its text. */
    public record NoticeSummary(
            long id, String source, String state, Instant asOf, int areaCount, int problemCount, Instant createdAt) {}

    /** An area with the level in force at the queried time. */
    public record AreaInForce(
            long id,
            String text,
            String fullText,
            String resolvedCode,
            String resolvedName,
            RiskLevel level,
            Instant effectiveFrom,
            Instant effectiveTo,
            Long noticeId) {}

    /** One version of an area's level. */
    public record LevelVersion(
            RiskLevel level, Instant effectiveFrom, Instant effectiveTo, Long noticeId, String setBy, String note) {}

    /** The highest level an origin had during a period, with the area that gave it. */
    public record Exposure(RiskLevel level, long areaId, String areaText, String areaCode, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final NoticeParser parser;
    private final AddressResolver resolver;
    private final Clock clock;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    RiskAreas(
            JdbcClient jdbc,
            NoticeParser parser,
            AddressResolver resolver,
            Clock clock,
            AccessManagement access,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.resolver = resolver;
        this.clock = clock;
        this.access = access;
        this.events = events;
    }

    /** Reads a pasted notice and keeps it for preview; nothing changes until it is applied. */
    @Transactional
    public Notice preview(Caller caller, String text) {
        return preview(caller, text, "NOTICE");
    }

    @Transactional
    Notice preview(Caller caller, String text, String source) {
        caller.require(Permission.RISK_MANAGE);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("公告内容为空");
        }
        if (text.length() > 5_000_000) {
            throw new IllegalArgumentException("公告过长（超过500万字）");
        }
        ParsedNotice parsed = parser.parse(text);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql(
                        """
                        insert into risk.notices (source, text, as_of, area_count, problem_count, created_by,
                                                  created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        source,
                        text,
                        parsed.asOf() == null ? null : Timestamp.from(parsed.asOf()),
                        parsed.areaCount(),
                        parsed.problems().size(),
                        caller.username(),
                        now,
                        now)
                .query(Long.class)
                .single();
        return notice(caller, id);
    }

    /** Replaces a notice's text after a fix and reads it again; only before it is applied. */
    @Transactional
    public Notice revise(Caller caller, long id, String text) {
        caller.require(Permission.RISK_MANAGE);
        Notice old = notice(caller, id);
        if (old.state().equals("APPLIED")) {
            throw new RiskRefused("公告 %d 已发布生效，不能再修改；请粘贴新的公告".formatted(id));
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("公告内容为空");
        }
        ParsedNotice parsed = parser.parse(text);
        jdbc.sql(
                        """
                        update risk.notices set text = ?, as_of = ?, area_count = ?, problem_count = ?, updated_at = ?
                         where id = ?""")
                .params(
                        text,
                        parsed.asOf() == null ? null : Timestamp.from(parsed.asOf()),
                        parsed.areaCount(),
                        parsed.problems().size(),
                        Timestamp.from(clock.instant()),
                        id)
                .update();
        return notice(caller, id);
    }

    public Notice notice(Caller caller, long id) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, source, state, text, created_at, created_by, applied_at, applied_by
                          from risk.notices where id = ?""")
                .param(id)
                .query((rs, n) -> new Notice(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        parser.parse(rs.getString(4))))
                .optional()
                .orElseThrow(() -> new NotFound("没有编号为 %d 的公告".formatted(id)));
    }

    public List<NoticeSummary> notices(Caller caller) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, source, state, as_of, area_count, problem_count, created_at
                          from risk.notices order by id desc limit 200""")
                .query((rs, n) -> new NoticeSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * Applies a notice: every listed area takes its new level from the notice's as-of time, all
     * in one transaction. Refused while problems remain or when an area already has a later change.
     */
    @Transactional
    public int apply(Caller caller, long id) {
        caller.require(Permission.RISK_MANAGE);
        String state = jdbc.sql("select state from risk.notices where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("没有编号为 %d 的公告".formatted(id)));
        if (state.equals("APPLIED")) {
            throw new RiskRefused("公告 %d 已发布生效".formatted(id));
        }
        Notice notice = notice(caller, id);
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
    @Transactional
    public AreaInForce setByHand(Caller caller, String address, RiskLevel level, Instant from, String note) {
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
        return areasAt(null, at).stream()
                .filter(a -> a.id() == areaId)
                .findFirst()
                .orElseThrow();
    }

    /** Areas in force at the instant, at one level or all levels, most recently changed first. */
    public List<AreaInForce> areasAt(RiskLevel level, Instant at) {
        return jdbc.sql(
                        """
                        select a.id, a.text, a.full_text, a.resolved_code, a.resolved_name, l.level,
                               l.effective_from, l.effective_to, l.notice_id
                          from risk.area_levels l join risk.areas a on a.id = l.area_id
                         where l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?)
                           and (cast(? as text) is null or l.level = ?)
                         order by l.effective_from desc, a.id""")
                .params(
                        Timestamp.from(at),
                        Timestamp.from(at),
                        level == null ? null : level.name(),
                        level == null ? null : level.name())
                .query((rs, n) -> new AreaInForce(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        RiskLevel.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        (Long) rs.getObject(9)))
                .list();
    }

    public List<LevelVersion> history(long areaId) {
        List<LevelVersion> versions = jdbc.sql(
                        """
                        select level, effective_from, effective_to, notice_id, set_by, note
                          from risk.area_levels where area_id = ? order by effective_from, id""")
                .param(areaId)
                .query((rs, n) -> new LevelVersion(
                        RiskLevel.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        if (versions.isEmpty()) {
            throw new NotFound("没有编号为 %d 的风险区".formatted(areaId));
        }
        return versions;
    }

    /**
     * The highest level (HIGH or MEDIUM) in force at any instant of [from, to] for an area that
     * covers the origin (its code is the origin's code or an ancestor of it).
     */
    public Optional<Exposure> exposure(String originCode, Instant from, Instant to) {
        if (originCode == null || originCode.isEmpty()) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (int len : new int[] {2, 4, 6, 9, 12}) {
            if (originCode.length() >= len) {
                prefixes.add(originCode.substring(0, len));
            }
        }
        return jdbc.sql(
                        """
                        select l.level, a.id, a.full_text, a.resolved_code, l.effective_from, l.effective_to
                          from risk.areas a join risk.area_levels l on l.area_id = a.id
                         where a.resolved_code = any (?) and l.level in ('HIGH', 'MEDIUM')
                           and l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?)
                         order by case l.level when 'HIGH' then 0 else 1 end, l.effective_from
                         limit 1""")
                .params(prefixes.toArray(String[]::new), Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new Exposure(
                        RiskLevel.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** True when any HIGH or MEDIUM area inside the origin's county was in force during [from, to]. */
    public boolean countyHadRiskAreas(String originCode, Instant from, Instant to) {
        String county = Divisions.countyOf(originCode == null ? "" : originCode);
        if (county.isEmpty()) {
            return false;
        }
        return jdbc.sql(
                        """
                        select exists (select 1 from risk.areas a join risk.area_levels l on l.area_id = a.id
                         where a.resolved_code like ? and l.level in ('HIGH', 'MEDIUM')
                           and l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?))""")
                .params(county + "%", Timestamp.from(to), Timestamp.from(from))
                .query(Boolean.class)
                .single();
    }

    /** Resolves an address (an arrival's origin, say) to the deepest division code it names. */
    public Optional<String> resolve(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        var r = resolver.resolve(NoticeParser.normalize(address).text(), AddressResolver.Context.EMPTY);
        return r.resolved() ? Optional.of(r.code()) : Optional.empty();
    }

    /** The full name of a division code. */
    public String divisionName(String code) {
        return resolver.fullName(code);
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
    public long version() {
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

    /** A HIGH or MEDIUM version of an area: its code, level and validity. */
    public record Window(String code, RiskLevel level, Instant from, Instant to, String areaText) {
        public boolean overlaps(Instant a, Instant b) {
            return from.isBefore(b) && (to == null || to.isAfter(a));
        }
    }

    /** Every HIGH or MEDIUM version still in force at or after the instant (for bulk matching). */
    public List<Window> windowsSince(Instant since) {
        return jdbc.sql(
                        """
                        select a.resolved_code, l.level, l.effective_from, l.effective_to, a.full_text
                          from risk.area_levels l join risk.areas a on a.id = l.area_id
                         where l.level in ('HIGH', 'MEDIUM') and (l.effective_to is null or l.effective_to > ?)""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Window(
                        rs.getString(1),
                        RiskLevel.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }
}
