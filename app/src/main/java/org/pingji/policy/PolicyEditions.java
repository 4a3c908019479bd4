package org.pingji.policy;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editions and the schedule saying which one is in force when. Read on hot paths
 * (checkpoint decisions), so both are held in memory and reloaded after every change.
 */
@Service
public class PolicyEditions {

    /** One entry of the schedule. */
    public record ScheduleEntry(long id, String editionCode, Instant effectiveFrom, String reason, String setBy) {}

    private record Snapshot(Map<String, PolicyEdition> editions, List<ScheduleEntry> schedule) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessManagement access;
    private volatile Snapshot snapshot;

    PolicyEditions(JdbcClient jdbc, Clock clock, AccessManagement access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    /** The edition in force at the instant. */
    public PolicyEdition inForce(Instant at) {
        Snapshot s = snapshot();
        ScheduleEntry found = null;
        for (ScheduleEntry e : s.schedule()) {
            if (!e.effectiveFrom().isAfter(at)) {
                found = e;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("%s 之前没有生效的防控方案".formatted(at));
        }
        return s.editions().get(found.editionCode());
    }

    /** The edition in force now. */
    public PolicyEdition current() {
        return inForce(clock.instant());
    }

    public List<PolicyEdition> editions() {
        return List.copyOf(snapshot().editions().values());
    }

    public PolicyEdition edition(String code) {
        PolicyEdition e = snapshot().editions().get(code);
        if (e == null) {
            throw new IllegalArgumentException("没有编号为 %s 的防控方案".formatted(code));
        }
        return e;
    }

    /** The schedule, oldest first. */
    public List<ScheduleEntry> schedule() {
        return snapshot().schedule();
    }

    /**
     * Puts an edition in force from an instant (now or later; never back-dated, so no recorded
     * decision changes its basis). Admins only; audited.
     */
    @Transactional
    public ScheduleEntry switchTo(Caller caller, String code, Instant effectiveFrom, String reason) {
        caller.require(Permission.ADMINISTER);
        edition(code);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("切换防控方案须说明理由");
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        if (from.isBefore(now.minusSeconds(60))) {
            throw new IllegalArgumentException("生效时间不能早于现在：已作出的判定不改变其依据");
        }
        long id = jdbc.sql(
                        """
                        insert into policy.schedule (edition_code, effective_from, reason, set_by, set_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        code,
                        java.sql.Timestamp.from(from),
                        reason.strip(),
                        caller.username(),
                        java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
        access.audit(caller, "policy.switch", "edition", code, "from " + from + ": " + reason.strip());
        snapshot = null;
        return new ScheduleEntry(id, code, from, reason.strip(), caller.username());
    }

    /** Replaces an edition's parameters and measures; the revision goes up by one. Audited. */
    @Transactional
    public PolicyEdition update(Caller caller, PolicyEdition changed) {
        caller.require(Permission.ADMINISTER);
        PolicyEdition old = edition(changed.code());
        if (changed.name() == null || changed.name().isBlank()) {
            throw new IllegalArgumentException("方案名称不能为空");
        }
        if (changed.poolSizes().isEmpty() || changed.poolSizes().stream().anyMatch(p -> p < 1 || p > 50)) {
            throw new IllegalArgumentException("允许的混采数须为1到50之间的整数");
        }
        for (Exposure e : Exposure.values()) {
            if (!changed.measures().containsKey(e)) {
                throw new IllegalArgumentException("缺少“%s”的管控措施".formatted(e.label()));
            }
        }
        var c = changed.companion();
        int updated = jdbc.sql(
                        """
                        update policy.editions set name = ?, summary = ?, revision = revision + 1,
                               travel_history_days = ?, test_validity_hours = ?, pool_sizes = ?,
                               companion_cell_meters = ?, companion_min_minutes = ?,
                               companion_lookback_days = ?, companion_min_hours = ?,
                               updated_by = ?, updated_at = ?
                         where code = ? and revision = ?""")
                .params(
                        changed.name().strip(),
                        changed.summary() == null ? "" : changed.summary().strip(),
                        changed.travelHistoryDays(),
                        changed.testValidityHours(),
                        changed.poolSizes().stream().sorted().distinct().toArray(Integer[]::new),
                        c.cellMeters(),
                        c.minOverlapMinutes(),
                        c.lookbackDays(),
                        c.minAccumulatedHours(),
                        caller.username(),
                        java.sql.Timestamp.from(clock.instant()),
                        old.code(),
                        old.revision())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("方案 %s 已被他人修改，请刷新后重试".formatted(old.code()));
        }
        for (Measures m : changed.measures().values()) {
            jdbc.sql(
                            """
                            update policy.measures set quarantine = ?, quarantine_days = ?, test_days = ?,
                                   monitoring_days = ?
                             where edition_code = ? and exposure = ?""")
                    .params(
                            m.quarantine().name(),
                            m.quarantineDays(),
                            m.testDays().toArray(Integer[]::new),
                            m.monitoringDays(),
                            old.code(),
                            m.exposure().name())
                    .update();
        }
        access.audit(caller, "policy.edit", "edition", old.code(), "revision " + (old.revision() + 1));
        snapshot = null;
        return edition(old.code());
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, Map<Exposure, Measures>> measures = new LinkedHashMap<>();
        jdbc.sql("select * from policy.measures order by edition_code, exposure")
                .query((rs, n) -> {
                    Exposure e = Exposure.valueOf(rs.getString("exposure"));
                    measures.computeIfAbsent(rs.getString("edition_code"), k -> new EnumMap<>(Exposure.class))
                            .put(
                                    e,
                                    new Measures(
                                            e,
                                            QuarantineKind.valueOf(rs.getString("quarantine")),
                                            rs.getInt("quarantine_days"),
                                            ints(rs.getArray("test_days")),
                                            rs.getInt("monitoring_days")));
                    return null;
                })
                .list();
        Map<String, PolicyEdition> editions = new LinkedHashMap<>();
        jdbc.sql("select * from policy.editions order by code")
                .query((rs, n) -> {
                    Integer minHours = (Integer) rs.getObject("companion_min_hours");
                    String code = rs.getString("code");
                    editions.put(
                            code,
                            new PolicyEdition(
                                    code,
                                    rs.getString("name"),
                                    rs.getString("summary"),
                                    rs.getInt("revision"),
                                    rs.getInt("travel_history_days"),
                                    rs.getInt("test_validity_hours"),
                                    ints(rs.getArray("pool_sizes")),
                                    new PolicyEdition.Companion(
                                            rs.getInt("companion_cell_meters"),
                                            rs.getInt("companion_min_minutes"),
                                            rs.getInt("companion_lookback_days"),
                                            minHours),
                                    Map.copyOf(measures.getOrDefault(code, Map.of()))));
                    return null;
                })
                .list();
        List<ScheduleEntry> schedule = new ArrayList<>(jdbc.sql(
                        "select id, edition_code, effective_from, reason, set_by from policy.schedule order by effective_from, id")
                .query((rs, n) -> new ScheduleEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5)))
                .list());
        return new Snapshot(editions, List.copyOf(schedule));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        return List.copyOf(Arrays.asList(values));
    }
}
