package org.pingji.quarantine;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.quarantine.Views.AlertView;
import org.pingji.quarantine.Views.CheckView;
import org.pingji.quarantine.Views.PlacementRow;
import org.pingji.quarantine.Views.PlacementView;
import org.pingji.quarantine.Views.RoomView;
import org.pingji.quarantine.Views.SiteView;
import org.pingji.quarantine.Views.Staff;
import org.pingji.quarantine.Views.TestView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of sites, placements, tests, checks and alerts, all scoped to the caller's jurisdiction. */
@Component
public class QuarantineQueries {

    private final JdbcClient jdbc;
    private final QuarantineSettings settings;
    private final Clock clock;

    QuarantineQueries(JdbcClient jdbc, QuarantineSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    static void requireReader(Caller caller) {
        if (!caller.can(Permission.QUARANTINE_MANAGE)
                && !caller.can(Permission.HEALTH_CHECK)
                && !caller.can(Permission.TRACE)) {
            caller.require(Permission.QUARANTINE_MANAGE);
        }
    }

    /** Sites with capacity, occupancy and staff. */
    public List<SiteView> sites(Caller caller) {
        requireReader(caller);
        Map<Long, List<Staff>> staff = new HashMap<>();
        jdbc.sql("select st.site_id, st.id, st.name, st.duty from quarantine.staff st"
                        + " join quarantine.sites s on s.place_id = st.site_id where s.path like ? order by st.id")
                .param(caller.pathPattern())
                .query(rs -> {
                    staff.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new Staff(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        return jdbc.sql(
                        """
                        select s.place_id, s.name, s.micro_grid_code,
                               (select count(*) from quarantine.rooms r where r.site_id = s.place_id),
                               (select count(*) from quarantine.placements p where p.site_id = s.place_id and p.status = 'ACTIVE')
                        from quarantine.sites s where s.path like ? order by s.place_id""")
                .param(caller.pathPattern())
                .query((rs, n) -> new SiteView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        staff.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** One site; 404 outside the jurisdiction or when it is not a registered site. */
    public SiteView site(Caller caller, long siteId) {
        return sites(caller).stream()
                .filter(s -> s.id() == siteId)
                .findFirst()
                .orElseThrow(() -> new PlacementNotFound("您的辖区内没有编号为 %d 的隔离点".formatted(siteId)));
    }

    /** The rooms of a site and their current occupants. */
    public List<RoomView> rooms(Caller caller, long siteId) {
        site(caller, siteId);
        return jdbc.sql(
                        """
                        select r.id, r.number, p.id, p.person_name from quarantine.rooms r
                        left join quarantine.placements p on p.room_id = r.id and p.status = 'ACTIVE'
                        where r.site_id = ? order by r.number""")
                .param(siteId)
                .query((rs, n) -> new RoomView(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)))
                .list();
    }

    /** Active placements (or released ones) in the jurisdiction, newest first (at most 500). */
    public List<PlacementRow> placements(Caller caller, boolean active, Long siteId) {
        requireReader(caller);
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return jdbc.sql(
                        """
                        select p.id, p.person_id, p.person_name, p.kind, s.name, r.number, p.start_at, p.planned_end,
                               p.status,
                               (select count(*) from quarantine.checks c where c.placement_id = p.id and c.slot_date = ?),
                               (select count(*) from quarantine.alerts a where a.placement_id = p.id and a.acknowledged_at is null)
                        from quarantine.placements p
                        left join quarantine.sites s on s.place_id = p.site_id
                        left join quarantine.rooms r on r.id = p.room_id
                        where p.path like ? and p.status = ? and (?::bigint is null or p.site_id = ?)
                        order by p.id desc limit 500""")
                .params(
                        java.sql.Date.valueOf(today),
                        caller.pathPattern(),
                        active ? "ACTIVE" : "RELEASED",
                        siteId,
                        siteId)
                .query((rs, n) -> new PlacementRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        rs.getInt(10),
                        rs.getInt(11)))
                .list();
    }

    static final String PLACEMENT_COLUMNS =
            """
            select p.id, p.person_id, p.person_name, p.kind, p.exposure, p.site_id, s.name, r.number, p.start_at,
                   p.planned_end, p.test_days, p.monitoring_days, p.edition, p.status, p.released_at, p.release_note,
                   p.override_reason, p.override_by, p.approved_by, p.referred_at, p.token, p.path
            from quarantine.placements p
            left join quarantine.sites s on s.place_id = p.site_id
            left join quarantine.rooms r on r.id = p.room_id
            """;

    /** One placement; 404 outside the jurisdiction. */
    public PlacementView placement(Caller caller, long id) {
        requireReader(caller);
        return jdbc.sql(PLACEMENT_COLUMNS + " where p.id = ? and p.path like ?")
                .params(id, caller.pathPattern())
                .query(QuarantineQueries::placement)
                .optional()
                .orElseThrow(() -> new PlacementNotFound("您的辖区内没有编号为 %d 的隔离记录".formatted(id)));
    }

    /** The placement a self-report link belongs to (the phone page; no login). */
    PlacementView byToken(String token) {
        return jdbc.sql(PLACEMENT_COLUMNS + " where p.token = ?")
                .param(token)
                .query(QuarantineQueries::placement)
                .optional()
                .orElseThrow(() -> new PlacementNotFound("链接无效"));
    }

    static PlacementView placement(ResultSet rs, int n) throws SQLException {
        return new PlacementView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                (Long) rs.getObject(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                ints(rs.getArray(11)),
                rs.getInt(12),
                rs.getString(13),
                rs.getString(14),
                instant(rs.getTimestamp(15)),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                instant(rs.getTimestamp(20)),
                rs.getString(21));
    }

    /** The tests recorded for a placement, by day. */
    public List<TestView> tests(Caller caller, long placementId) {
        placement(caller, placementId);
        return jdbc.sql("select day, result, sampled_at from quarantine.tests where placement_id = ? order by day")
                .param(placementId)
                .query((rs, n) -> new TestView(
                        rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The checks of a placement, newest first. */
    public List<CheckView> checks(Caller caller, long placementId) {
        placement(caller, placementId);
        return checksOf(placementId);
    }

    List<CheckView> checksOf(long placementId) {
        return jdbc.sql("select at, temperature, symptoms, abnormal, source from quarantine.checks"
                        + " where placement_id = ? order by at desc limit 200")
                .param(placementId)
                .query((rs, n) -> new CheckView(
                        rs.getTimestamp(1).toInstant(),
                        rs.getDouble(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4),
                        rs.getString(5)))
                .list();
    }

    /** Alerts of placements in the caller's jurisdiction (or of one placement), newest first (at most 500). */
    public List<AlertView> alerts(Caller caller, Long placementId) {
        return alerts(caller, placementId, null);
    }

    /**
     * Alerts of one level (GRID_WORKER, TOWNSHIP, SITE; null for all) aimed inside the caller's
     * jurisdiction, newest first (at most 500).
     */
    public List<AlertView> alerts(Caller caller, Long placementId, String level) {
        requireReader(caller);
        if (level != null && !List.of("GRID_WORKER", "TOWNSHIP", "SITE").contains(level)) {
            throw new IllegalArgumentException("level: 须为 GRID_WORKER、TOWNSHIP 或 SITE");
        }
        return jdbc.sql(
                        """
                        select a.id, a.placement_id, a.person_id, p.person_name, a.kind, a.level, a.detail, a.raised_at,
                               a.acknowledged_by
                        from quarantine.alerts a join quarantine.placements p on p.id = a.placement_id
                        where p.path like ? and (?::bigint is null or a.placement_id = ?)
                          and (?::text is null or (a.level = ? and a.target_path like ?))
                        order by a.raised_at desc, a.id desc limit 500""")
                .params(caller.pathPattern(), placementId, placementId, level, level, caller.pathPattern())
                .query((rs, n) -> new AlertView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
