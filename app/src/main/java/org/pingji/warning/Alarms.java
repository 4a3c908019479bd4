package org.pingji.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.platform.DutyRoster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL of the alarms: at most one active alarm (OPEN or ACKNOWLEDGED) per sensor and condition
 * (THRESHOLD, STALE, FAULT), each change recorded in {@code warning.alarm_events}. An alarm goes
 * to the duty officer on shift for the sensor's region when raised ({@link DutyRoster}).
 */
@Component
class Alarms {

    /** An active alarm of a sensor. */
    record Active(long id, String sensorCode, String condition, AlarmLevel level) {}

    /** An alarm as the API and the console show it. */
    record AlarmView(
            long id,
            String sensorCode,
            String kind,
            String level,
            Double value,
            Instant raisedAt,
            String assignee,
            String state,
            String site,
            String regionCode,
            Double peak,
            String leader,
            String ackedBy,
            Instant ackedAt,
            Instant clearedAt,
            int escalation,
            String escalatedTo,
            String disposedBy,
            Instant disposedAt,
            String disposal) {}

    /** One entry of an alarm's record. */
    record Event(Instant at, String event, String actor, String target, String note) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<DutyRoster> roster;

    Alarms(JdbcClient jdbc, ObjectProvider<DutyRoster> roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    /** Active alarms of the sensors: code → condition → alarm. */
    Map<String, Map<String, Active>> active(Collection<String> sensorCodes) {
        Map<String, Map<String, Active>> m = new HashMap<>();
        if (sensorCodes.isEmpty()) {
            return m;
        }
        jdbc.sql(
                        """
                        select id, sensor_code, condition, level from warning.alarms
                        where state in ('OPEN', 'ACKNOWLEDGED') and sensor_code = any(?)""")
                .param(sensorCodes.toArray(String[]::new))
                .query(rs -> {
                    Active a = new Active(
                            rs.getLong(1), rs.getString(2), rs.getString(3), AlarmLevel.valueOf(rs.getString(4)));
                    m.computeIfAbsent(a.sensorCode(), k -> new HashMap<>()).put(a.condition(), a);
                });
        return m;
    }

    /** Raises an alarm for the duty officer on shift, unless one is active; its id or empty. */
    Optional<Long> raise(Sensor s, String condition, AlarmLevel level, Double value, Instant now) {
        Optional<DutyRoster.OnDuty> duty =
                Optional.ofNullable(roster.getIfAvailable()).flatMap(r -> r.onDuty(s.path(), now));
        Optional<Long> id = jdbc.sql(
                        """
                        insert into warning.alarms (sensor_code, condition, level, value, peak, path, raised_at, assignee, leader)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (sensor_code, condition) where state in ('OPEN', 'ACKNOWLEDGED') do nothing
                        returning id""")
                .params(
                        s.code(),
                        condition,
                        level.name(),
                        value,
                        value,
                        s.path(),
                        Timestamp.from(now),
                        duty.map(DutyRoster.OnDuty::officer).orElse(null),
                        duty.map(DutyRoster.OnDuty::leader).orElse(null))
                .query(Long.class)
                .optional();
        id.ifPresent(a -> event(
                a,
                now,
                "RAISED",
                null,
                duty.map(DutyRoster.OnDuty::officer).orElse(null),
                value == null ? level.label() : level.label() + " " + value));
        return id;
    }

    void levelUp(long id, AlarmLevel level, double value, Instant now) {
        jdbc.sql("update warning.alarms set level = ?, value = ?, peak = greatest(peak, ?) where id = ?")
                .params(level.name(), value, value, id)
                .update();
        event(id, now, "LEVEL_UP", null, null, level.label() + " " + value);
    }

    void notePeak(long id, double value) {
        jdbc.sql("update warning.alarms set peak = greatest(peak, ?) where id = ? and peak < ?")
                .params(value, id, value)
                .update();
    }

    void clear(long id, Double value, Instant now) {
        jdbc.sql(
                        "update warning.alarms set state = 'CLEARED', cleared_at = ? where id = ? and state in ('OPEN', 'ACKNOWLEDGED')")
                .params(Timestamp.from(now), id)
                .update();
        event(id, now, "CLEARED", null, null, value == null ? null : "读数 " + value);
    }

    /** Acknowledges an OPEN alarm; false when it was not OPEN. */
    boolean acknowledge(long id, String by, Instant now) {
        int n = jdbc.sql(
                        "update warning.alarms set state = 'ACKNOWLEDGED', acked_by = ?, acked_at = ? where id = ? and state = 'OPEN'")
                .params(by, Timestamp.from(now), id)
                .update();
        if (n == 1) {
            event(id, now, "ACKNOWLEDGED", by, null, null);
        }
        return n == 1;
    }

    /** Records the disposal (what was done) and closes the alarm; false when disposed already. */
    boolean dispose(long id, String by, String what, Instant now) {
        int n = jdbc.sql(
                        """
                        update warning.alarms set state = 'DISPOSED', disposed_by = ?, disposed_at = ?, disposal = ?,
                            acked_by = coalesce(acked_by, ?), acked_at = coalesce(acked_at, ?)
                        where id = ? and state <> 'DISPOSED'""")
                .params(by, Timestamp.from(now), what, by, Timestamp.from(now), id)
                .update();
        if (n == 1) {
            event(id, now, "DISPOSED", by, null, what);
        }
        return n == 1;
    }

    /** Records an escalation to the next step (1: leader on duty, 2: county command). */
    void escalate(long id, int step, String target, Instant now) {
        jdbc.sql("update warning.alarms set escalation = ?, escalated_to = ? where id = ?")
                .params(step, target, id)
                .update();
        event(id, now, "ESCALATED", null, target, step == 1 ? "超过5分钟未确认，升级至带班领导" : "仍未确认，升级至县指挥部");
    }

    /** OPEN alarms raised before {@code before} and escalated fewer than {@code step} times. */
    List<AlarmView> unacknowledged(Instant before, int step) {
        return jdbc.sql(SELECT + " where a.state = 'OPEN' and a.raised_at < ? and a.escalation < ? order by a.id")
                .params(Timestamp.from(before), step)
                .query(Alarms::map)
                .list();
    }

    private void event(long alarmId, Instant at, String event, String actor, String target, String note) {
        jdbc.sql(
                        "insert into warning.alarm_events (alarm_id, at, event, actor, target, note) values (?, ?, ?, ?, ?, ?)")
                .params(alarmId, Timestamp.from(at), event, actor, target, note)
                .update();
    }

    private static final String SELECT =
            """
            select a.*, s.kind, s.site, s.region_code from warning.alarms a join warning.sensors s on s.code = a.sensor_code""";

    /** Alarms in the jurisdiction, newest first; {@code state} null for all, "ACTIVE" for OPEN and ACKNOWLEDGED. */
    List<AlarmView> list(String pathPattern, String state, int limit) {
        String where = state == null
                ? ""
                : "ACTIVE".equals(state) ? " and a.state in ('OPEN', 'ACKNOWLEDGED')" : " and a.state = ?";
        List<Object> params = new ArrayList<>();
        params.add(pathPattern);
        if (state != null && !"ACTIVE".equals(state)) {
            params.add(state);
        }
        params.add(limit);
        return jdbc.sql(SELECT + " where a.path like ?" + where + " order by a.raised_at desc, a.id desc limit ?")
                .params(params)
                .query(Alarms::map)
                .list();
    }

    Optional<AlarmView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Alarms::map).optional();
    }

    List<Event> events(long alarmId) {
        return jdbc.sql(
                        "select at, event, actor, target, note from warning.alarm_events where alarm_id = ? order by at, id")
                .param(alarmId)
                .query((rs, n) -> new Event(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** Active alarms per site in the jurisdiction: site → count. */
    Map<String, Long> activePerSite(String pathPattern) {
        Map<String, Long> m = new HashMap<>();
        jdbc.sql(
                        """
                        select s.site, count(*) from warning.alarms a join warning.sensors s on s.code = a.sensor_code
                        where a.path like ? and a.state in ('OPEN', 'ACKNOWLEDGED') group by s.site""")
                .param(pathPattern)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static AlarmView map(ResultSet rs, int n) throws SQLException {
        return new AlarmView(
                rs.getLong("id"),
                rs.getString("sensor_code"),
                rs.getString("kind"),
                rs.getString("level"),
                (Double) rs.getObject("value"),
                instant(rs, "raised_at"),
                rs.getString("assignee"),
                rs.getString("state"),
                rs.getString("site"),
                rs.getString("region_code"),
                (Double) rs.getObject("peak"),
                rs.getString("leader"),
                rs.getString("acked_by"),
                instant(rs, "acked_at"),
                instant(rs, "cleared_at"),
                rs.getInt("escalation"),
                rs.getString("escalated_to"),
                rs.getString("disposed_by"),
                instant(rs, "disposed_at"),
                rs.getString("disposal"));
    }
}
