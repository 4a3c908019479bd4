package org.pingji.quarantine;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.policy.Exposure;
import org.pingji.policy.Measures;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.policy.QuarantineKind;
import org.pingji.quarantine.Views.Placed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of quarantine: sites, placements and release. Checks and alerts are in
 * {@link HealthChecks}, reached through this facade; reads are in {@link QuarantineQueries}.
 * Every placement records the policy edition it was made under; its planned end and its test
 * days come from that edition's measures for the exposure.
 */
@Service
public class QuarantineManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final PersonDirectory persons;
    private final PolicyEditions editions;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final HealthChecks checks;
    private final QuarantineQueries queries;
    private final Clock clock;
    private final QuarantineSites sites;
    private final PlacementRelease release;

    QuarantineManagement(
            JdbcClient jdbc,
            GridManagement grid,
            PersonDirectory persons,
            PolicyEditions editions,
            AccessManagement access,
            ApplicationEventPublisher events,
            HealthChecks checks,
            QuarantineQueries queries,
            Clock clock,
            QuarantineSites sites,
            PlacementRelease release) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.persons = persons;
        this.editions = editions;
        this.access = access;
        this.events = events;
        this.checks = checks;
        this.queries = queries;
        this.clock = clock;
        this.sites = sites;
        this.release = release;
    }

    /** The read side: sites, rooms, placements, tests, checks and alerts in the caller's jurisdiction. */
    public QuarantineQueries queries() {
        return queries;
    }

    /** Recording checks and door events, and the missed-check escalation. */
    public HealthChecks checks() {
        return checks;
    }

    // ---- sites (QuarantineSites) -------------------------------------------------------------

    /**
     * Gives every quarantine site (grid place of kind QUARANTINE_SITE) in the region that has no
     * rooms yet {@code rooms} rooms on floors of ten and three staff (the demo county).
     */
    public void furnishSites(String regionCode, int rooms) {
        sites.furnishSites(regionCode, rooms);
    }

    /** Adds rooms to a site of the caller's jurisdiction (registering the site on first use). */
    public int addRooms(Caller caller, long siteId, List<String> numbers) {
        return sites.addRooms(caller, siteId, numbers);
    }

    /** Adds a member of staff to a site. */
    public long addStaff(Caller caller, long siteId, String name, String duty) {
        return sites.addStaff(caller, siteId, name, duty);
    }

    // ---- placements -----------------------------------------------------------------------

    /**
     * Places a person of the caller's jurisdiction under quarantine: CENTRAL in a free room of the
     * site (the given room, or the lowest free one), or HOME. The planned end and the test days
     * come from the edition in force at {@code start} for the exposure (default: close contact).
     *
     * @throws QuarantineRefused when the site is full, the room taken or the person already placed
     */
    @Transactional
    public Placed place(
            Caller caller,
            long personId,
            QuarantineKind kind,
            Long siteId,
            Long roomId,
            Instant start,
            Exposure exposure) {
        caller.require(Permission.QUARANTINE_MANAGE);
        if (kind == null || kind == QuarantineKind.NONE) {
            throw new IllegalArgumentException("type: 须为 CENTRAL 或 HOME");
        }
        if (kind == QuarantineKind.CENTRAL && siteId == null) {
            throw new IllegalArgumentException("siteId: 集中隔离须指定隔离点");
        }
        if (kind == QuarantineKind.HOME && (siteId != null || roomId != null)) {
            throw new IllegalArgumentException("siteId: 居家隔离不指定隔离点和房间");
        }
        PersonRef person = person(caller, personId);
        Instant begin = start == null ? Instant.now(clock) : start;
        requireStartPlausible(begin);
        if (activePlacement(personId).isPresent()) {
            throw new QuarantineRefused("人员 %d 已在隔离中（%d）"
                    .formatted(personId, activePlacement(personId).get()));
        }
        Exposure why = exposure == null ? Exposure.CLOSE_CONTACT : exposure;
        PolicyEdition edition = editions.inForce(begin);
        if (edition.measures(why).quarantine() == QuarantineKind.NONE) {
            throw new IllegalArgumentException("exposure: %s 对“%s”无需隔离".formatted(edition.name(), why.label()));
        }
        return insert(caller, person, kind, siteId, roomId, begin, why);
    }

    /**
     * The placement the edition in force at {@code start} requires for the exposure (a listed
     * close or secondary contact), made in the caller's transaction: CENTRAL in the site with the
     * most free rooms inside the caller's jurisdiction, HOME, or none. A person already under
     * quarantine keeps their placement.
     *
     * @return the placement (new or existing), or empty when the edition requires none
     * @throws QuarantineRefused when central quarantine is required and no room is free
     */
    @Transactional
    public Optional<Placed> placeFor(Caller caller, long personId, Exposure exposure, Instant start) {
        PersonRef person = person(caller, personId);
        var existing = activePlacement(personId);
        if (existing.isPresent()) {
            return Optional.of(jdbc.sql(
                            """
                            select p.id, p.planned_end, r.number from quarantine.placements p
                            left join quarantine.rooms r on r.id = p.room_id where p.id = ?""")
                    .param(existing.get())
                    .query((rs, n) ->
                            new Placed(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), false))
                    .single());
        }
        Instant begin = start == null ? Instant.now(clock) : start;
        Measures measures = editions.inForce(begin).measures(exposure);
        if (measures.quarantine() == QuarantineKind.NONE) {
            return Optional.empty();
        }
        Long siteId = null;
        if (measures.quarantine() == QuarantineKind.CENTRAL) {
            siteId = jdbc.sql(
                            """
                            select s.place_id from quarantine.sites s
                            join quarantine.rooms r on r.site_id = s.place_id
                            left join quarantine.placements p on p.room_id = r.id and p.status = 'ACTIVE'
                            where s.path like ? and p.id is null
                            group by s.place_id order by count(*) desc, s.place_id limit 1""")
                    .param(caller.pathPattern())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new QuarantineRefused("辖区内所有集中隔离点均已满员，无法安排%s的集中隔离".formatted(person.name())));
        }
        return Optional.of(insert(caller, person, measures.quarantine(), siteId, null, begin, exposure));
    }

    private Placed insert(
            Caller caller,
            PersonRef person,
            QuarantineKind kind,
            Long siteId,
            Long roomId,
            Instant start,
            Exposure why) {
        PolicyEdition edition = editions.inForce(start);
        Measures measures = edition.measures(why);
        int days = measures.quarantineDays();
        Instant plannedEnd = start.plus(days, ChronoUnit.DAYS);
        String room = null;
        if (kind == QuarantineKind.CENTRAL) {
            var site = queries.site(caller, siteId);
            // Serialise room assignment per site so two placements cannot take the last room.
            jdbc.sql("select place_id from quarantine.sites where place_id = ? for update")
                    .param(site.id())
                    .query(Long.class)
                    .single();
            if (roomId == null) {
                var free = jdbc.sql(
                                """
                                select r.id, r.number from quarantine.rooms r
                                where r.site_id = ? and not exists (select 1 from quarantine.placements p
                                  where p.room_id = r.id and p.status = 'ACTIVE')
                                order by r.number limit 1""")
                        .param(site.id())
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                        .optional()
                        .orElseThrow(() -> new QuarantineRefused(
                                "隔离点 %s 已满员（%d/%d）".formatted(site.name(), site.occupied(), site.capacity())));
                roomId = (Long) free[0];
                room = (String) free[1];
            } else {
                long rid = roomId;
                room = jdbc.sql("select number from quarantine.rooms where id = ? and site_id = ?")
                        .params(rid, site.id())
                        .query(String.class)
                        .optional()
                        .orElseThrow(() ->
                                new IllegalArgumentException("roomId: 房间 %d 不属于隔离点 %s".formatted(rid, site.name())));
                boolean taken = jdbc.sql(
                                "select exists(select 1 from quarantine.placements where room_id = ? and status = 'ACTIVE')")
                        .param(rid)
                        .query(Boolean.class)
                        .single();
                if (taken) {
                    throw new QuarantineRefused("房间 %s 已有人入住".formatted(room));
                }
            }
        }
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        long id = jdbc.sql(
                        """
                        insert into quarantine.placements (person_id, person_name, path, kind, exposure, site_id, room_id,
                            start_at, planned_end, quarantine_days, test_days, monitoring_days, edition, token,
                            created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        person.id(),
                        person.name(),
                        person.path(),
                        kind.name(),
                        why.name(),
                        siteId,
                        roomId,
                        Timestamp.from(start),
                        Timestamp.from(plannedEnd),
                        days,
                        measures.testDays().toArray(Integer[]::new),
                        measures.monitoringDays(),
                        edition.reference(),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                        caller.username(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        access.audit(
                caller,
                "PLACEMENT_STARTED",
                "PERSON",
                Long.toString(person.id()),
                "%s placement %d (%s, %s)%s"
                        .formatted(kind, id, why, edition.reference(), room == null ? "" : " room " + room));
        events.publishEvent(new PlacementStarted(id, person.id(), kind.name(), start, plannedEnd));
        return new Placed(id, plannedEnd, room, true);
    }

    /** Records a test of the person on a day of the placement (day 1 = the day it started). */
    @Transactional
    public int recordTest(Caller caller, long placementId, Instant sampledAt, String result) {
        if (!caller.can(Permission.QUARANTINE_MANAGE) && !caller.can(Permission.HEALTH_CHECK)) {
            caller.require(Permission.QUARANTINE_MANAGE);
        }
        if (!"NEGATIVE".equals(result) && !"POSITIVE".equals(result)) {
            throw new IllegalArgumentException("result: 须为 NEGATIVE 或 POSITIVE");
        }
        var p = queries.placement(caller, placementId);
        requireActive(p);
        Instant at = sampledAt == null ? Instant.now(clock) : sampledAt;
        if (at.isBefore(p.start()) || at.isAfter(Instant.now(clock).plus(5, ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("at: 采样时间须在隔离开始之后且不晚于当前时间");
        }
        int day = checks.dayOf(p.start(), at);
        jdbc.sql(
                        """
                        insert into quarantine.tests (placement_id, day, result, sampled_at, recorded_by) values (?, ?, ?, ?, ?)
                        on conflict (placement_id, day) do update set result = excluded.result,
                          sampled_at = excluded.sampled_at, recorded_by = excluded.recorded_by""")
                .params(placementId, day, result, Timestamp.from(at), caller.username())
                .update();
        access.audit(caller, "PLACEMENT_TEST", "PLACEMENT", Long.toString(placementId), "day " + day + " " + result);
        return day;
    }

    /** Which release criteria of a placement are met now (quarantine period, test days). */
    public Views.ReleaseCheck releaseCheck(Caller caller, long placementId) {
        return release.releaseCheck(caller, placementId);
    }

    /**
     * Releases a placement whose criteria are met.
     *
     * @throws QuarantineRefused listing every unmet criterion
     */
    public Instant release(Caller caller, long placementId) {
        return release.release(caller, placementId);
    }

    /** First step of an override: a manager asks to release before the criteria are met, with a reason. */
    public void requestOverride(Caller caller, long placementId, String reason) {
        release.requestOverride(caller, placementId, reason);
    }

    /**
     * Second step: another manager approves the override and the placement is released.
     *
     * @throws QuarantineRefused when nothing was requested or the approver is the requester
     */
    public Instant approveOverride(Caller caller, long placementId) {
        return release.approveOverride(caller, placementId);
    }

    static void requireActive(Views.PlacementView p) {
        PlacementRelease.requireActive(p);
    }

    private void requireStartPlausible(Instant start) {
        Instant now = Instant.now(clock);
        if (start.isAfter(now.plus(1, ChronoUnit.DAYS)) || start.isBefore(now.minus(60, ChronoUnit.DAYS))) {
            throw new IllegalArgumentException("start: 开始时间须在过去60天到未来1天之间");
        }
    }

    private PersonRef person(Caller caller, long personId) {
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        if (person == null || !caller.covers(person.path())) {
            throw new PersonNotFound(personId);
        }
        return person;
    }

    private Optional<Long> activePlacement(long personId) {
        return jdbc.sql("select id from quarantine.placements where person_id = ? and status = 'ACTIVE'")
                .param(personId)
                .query(Long.class)
                .optional();
    }

    /**
     * Health checks of a day (its slots) with a temperature of 37.3 °C or more, per placed
     * person's micro-grid path: the {@code quarantine_fever} signal of warning.
     */
    public Map<String, Long> feverReportsPerPath(java.time.LocalDate day) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select p.path, count(*) from quarantine.checks c join quarantine.placements p on p.id = c.placement_id
                        where c.slot_date = ? and c.temperature >= 37.3 group by p.path""")
                .param(day)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
