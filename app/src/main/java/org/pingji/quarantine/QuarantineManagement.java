package org.pingji.quarantine;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
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

    QuarantineManagement(
            JdbcClient jdbc,
            GridManagement grid,
            PersonDirectory persons,
            PolicyEditions editions,
            AccessManagement access,
            ApplicationEventPublisher events,
            HealthChecks checks,
            QuarantineQueries queries,
            Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.persons = persons;
        this.editions = editions;
        this.access = access;
        this.events = events;
        this.checks = checks;
        this.queries = queries;
        this.clock = clock;
    }

    /** The read side: sites, rooms, placements, tests, checks and alerts in the caller's jurisdiction. */
    public QuarantineQueries queries() {
        return queries;
    }

    /** Recording checks and door events, and the missed-check escalation. */
    public HealthChecks checks() {
        return checks;
    }

    // ---- sites ----------------------------------------------------------------------------

    /**
     * Gives every quarantine site (grid place of kind QUARANTINE_SITE) in the region that has no
     * rooms yet {@code rooms} rooms on floors of ten and three staff (the demo county).
     */
    @Transactional
    public void furnishSites(String regionCode, int rooms) {
        for (GridManagement.Site site : grid.sitesIn(regionCode, PlaceKind.QUARANTINE_SITE)) {
            int inserted = jdbc.sql(
                            """
                            insert into quarantine.sites (place_id, name, micro_grid_code, path) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(site.id(), site.name(), site.microGridCode(), site.path())
                    .update();
            if (inserted == 0) {
                continue;
            }
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < rooms; i++) {
                numbers.add("%d%02d".formatted(i / 10 + 1, i % 10 + 1));
            }
            addRoomsUnchecked(site.id(), numbers);
            String[][] staff = {{"医护组组长", "医疗"}, {"隔离点管理员", "管理"}, {"安保人员", "安保"}};
            for (String[] s : staff) {
                jdbc.sql("insert into quarantine.staff (site_id, name, duty) values (?, ?, ?)")
                        .params(site.id(), site.name() + s[0], s[1])
                        .update();
            }
        }
    }

    /** Adds rooms to a site of the caller's jurisdiction (registering the site on first use). */
    @Transactional
    public int addRooms(Caller caller, long siteId, List<String> numbers) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var place = grid.place(siteId)
                .filter(p -> p.kind() == PlaceKind.QUARANTINE_SITE)
                .orElseThrow(() -> new PlacementNotFound("隔离点 %d 不存在".formatted(siteId)));
        String path = grid.findRegion(place.microGridCode()).orElseThrow().path();
        caller.requireCovers(path, "隔离点 " + siteId);
        if (numbers == null || numbers.isEmpty() || numbers.size() > 1000) {
            throw new IllegalArgumentException("numbers: 请填写1到1000个房间号");
        }
        for (String n : numbers) {
            if (n == null || n.isBlank() || n.length() > 20) {
                throw new IllegalArgumentException("numbers: 房间号须为1到20个字符: " + n);
            }
        }
        jdbc.sql("insert into quarantine.sites (place_id, name, micro_grid_code, path) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(siteId, place.name(), place.microGridCode(), path)
                .update();
        List<String> existing = jdbc.sql("select number from quarantine.rooms where site_id = ? and number = any(?)")
                .params(siteId, numbers.stream().map(String::trim).toArray(String[]::new))
                .query(String.class)
                .list();
        if (!existing.isEmpty() || numbers.stream().map(String::trim).distinct().count() != numbers.size()) {
            throw new QuarantineRefused("房间号重复: " + (existing.isEmpty() ? numbers : existing));
        }
        addRoomsUnchecked(siteId, numbers.stream().map(String::trim).toList());
        access.audit(caller, "QUARANTINE_ROOMS_ADDED", "SITE", Long.toString(siteId), numbers.size() + " rooms");
        return numbers.size();
    }

    private void addRoomsUnchecked(long siteId, List<String> numbers) {
        jdbc.sql("insert into quarantine.rooms (site_id, number) select ?, n from unnest(?::text[]) as u(n)")
                .params(siteId, numbers.toArray(String[]::new))
                .update();
    }

    /** Adds a member of staff to a site. */
    @Transactional
    public long addStaff(Caller caller, long siteId, String name, String duty) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var site = queries.site(caller, siteId);
        if (name == null
                || name.isBlank()
                || name.length() > 50
                || duty == null
                || duty.isBlank()
                || duty.length() > 50) {
            throw new IllegalArgumentException("name/duty: 请填写姓名和岗位（各不超过50字）");
        }
        long id = jdbc.sql("insert into quarantine.staff (site_id, name, duty) values (?, ?, ?) returning id")
                .params(site.id(), name.trim(), duty.trim())
                .query(Long.class)
                .single();
        access.audit(caller, "QUARANTINE_STAFF_ADDED", "SITE", Long.toString(siteId), name.trim());
        return id;
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

    /** Whether the placement may be released now: days served and a negative test on every test day. */
    public Views.ReleaseCheck releaseCheck(Caller caller, long placementId) {
        var p = queries.placement(caller, placementId);
        Instant now = Instant.now(clock);
        List<String> unmet = new ArrayList<>();
        if (now.isBefore(p.plannedEnd())) {
            unmet.add("隔离期未满：计划解除时间 %s".formatted(checks.local(p.plannedEnd())));
        }
        var tests = queries.tests(caller, placementId);
        int days = (int) ChronoUnit.DAYS.between(p.start(), p.plannedEnd());
        for (int day : p.testDays()) {
            if (day > days) {
                continue;
            }
            var test = tests.stream().filter(t -> t.day() == day).findFirst();
            if (test.isEmpty()) {
                unmet.add("第%d天核酸检测结果未录入".formatted(day));
            } else if (!test.get().result().equals("NEGATIVE")) {
                unmet.add("第%d天核酸检测结果为阳性".formatted(day));
            }
        }
        tests.stream()
                .filter(t -> t.result().equals("POSITIVE") && !p.testDays().contains(t.day()))
                .forEach(t -> unmet.add("第%d天核酸检测结果为阳性".formatted(t.day())));
        return new Views.ReleaseCheck(unmet.isEmpty(), unmet);
    }

    /**
     * Releases a placement whose criteria are met.
     *
     * @throws QuarantineRefused listing every unmet criterion
     */
    @Transactional
    public Instant release(Caller caller, long placementId) {
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
    public void requestOverride(Caller caller, long placementId, String reason) {
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
    public Instant approveOverride(Caller caller, long placementId) {
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
}
