package org.pingji.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of risk areas: notices previewed then applied (all or nothing), areas edited by
 * hand, and the areas in force at any instant.
 */
@Service
public class RiskAreas {

    /** An unknown notice or area (HTTP 404). */
    public static class NotFound extends Refusal {
        NotFound(String message) {
            super(Kind.NOT_FOUND, "risk.not_found", message);
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

    private final Notices notices;
    private final AreaLevels levels;
    private final AreaQueries queries;
    private final AddressResolver resolver;

    RiskAreas(Notices notices, AreaLevels levels, AreaQueries queries, AddressResolver resolver) {
        this.notices = notices;
        this.levels = levels;
        this.queries = queries;
        this.resolver = resolver;
    }

    /** Reads a pasted notice and keeps it for preview; nothing changes until it is applied. */
    @Transactional
    public Notice preview(Caller caller, String text) {
        return notices.preview(caller, text, "NOTICE");
    }

    @Transactional
    Notice preview(Caller caller, String text, String source) {
        return notices.preview(caller, text, source);
    }

    /** Replaces a notice's text after a fix and reads it again; only before it is applied. */
    @Transactional
    public Notice revise(Caller caller, long id, String text) {
        return notices.revise(caller, id, text);
    }

    /** A notice with its current reading. */
    public Notice notice(Caller caller, long id) {
        return notices.notice(caller, id);
    }

    /** The latest 200 notices, newest first. */
    public List<NoticeSummary> notices(Caller caller) {
        return notices.notices(caller);
    }

    /**
     * Applies a notice: every listed area takes its new level from the notice's as-of time, all
     * in one transaction. Refused while problems remain or when an area already has a later change.
     */
    @Transactional
    public int apply(Caller caller, long id) {
        return levels.apply(caller, id);
    }

    /** Sets one area's level by hand from an instant (a correction or an addition). Audited. */
    @Transactional
    public AreaInForce setByHand(Caller caller, String address, RiskLevel level, Instant from, String note) {
        return levels.setByHand(caller, address, level, from, note);
    }

    /** Areas in force at the instant, at one level or all levels, most recently changed first. */
    public List<AreaInForce> areasAt(RiskLevel level, Instant at) {
        return queries.areasAt(level, at);
    }

    /** The versions of an area's level, oldest first. */
    public List<LevelVersion> history(long areaId) {
        return queries.history(areaId);
    }

    /**
     * The highest level (HIGH or MEDIUM) in force at any instant of [from, to] for an area that
     * covers the origin (its code is the origin's code or an ancestor of it).
     */
    public Optional<Exposure> exposure(String originCode, Instant from, Instant to) {
        return queries.exposure(originCode, from, to);
    }

    /** True when any HIGH or MEDIUM area inside the origin's county was in force during [from, to]. */
    public boolean countyHadRiskAreas(String originCode, Instant from, Instant to) {
        return queries.countyHadRiskAreas(originCode, from, to);
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

    /**
     * A number that changes whenever risk levels change in this process (after the change
     * commits): readers holding risk windows in memory reload them when it moves.
     */
    public long version() {
        return levels.version();
    }

    /** A HIGH or MEDIUM version of an area: its code, level and validity. */
    public record Window(String code, RiskLevel level, Instant from, Instant to, String areaText) {
        public boolean overlaps(Instant a, Instant b) {
            return from.isBefore(b) && (to == null || to.isAfter(a));
        }
    }

    /** Every HIGH or MEDIUM version still in force at or after the instant (for bulk matching). */
    public List<Window> windowsSince(Instant since) {
        return queries.windowsSince(since);
    }
}
