package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 值班值守: duty rosters per unit (duty officer and leader on duty), shift handover notes, the
 * duty log, and alerts, each addressed to the duty officer on duty when it is raised.
 */
@Component
class Duty {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    Duty(JdbcClient jdbc, GridManagement grid, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    /** A shift to add to the roster of the caller's unit (or a unit in the jurisdiction). */
    record NewShift(String unitCode, Instant startsAt, Instant endsAt, String officer, String leader, String phone) {}

    long addShift(Caller caller, NewShift s) {
        caller.require(Permission.DUTY);
        Region unit = grid.region(caller, blank(s.unitCode()) ? caller.jurisdictionCode() : s.unitCode());
        if (s.startsAt() == null || s.endsAt() == null) {
            throw new CommandRefused("startsAt/endsAt: 请填写班次起止时间");
        }
        if (!s.endsAt().isAfter(s.startsAt())) {
            throw new CommandRefused("endsAt: 结束时间 %s 须晚于开始时间 %s".formatted(s.endsAt(), s.startsAt()));
        }
        if (java.time.Duration.between(s.startsAt(), s.endsAt()).toHours() > 48) {
            throw new CommandRefused("endsAt: 一个班次最长 48 小时");
        }
        if (blank(s.officer())) {
            throw new CommandRefused("officer: 请填写值班员");
        }
        if (blank(s.leader())) {
            throw new CommandRefused("leader: 请填写带班领导");
        }
        long id = jdbc.sql(
                        """
                        insert into command.duty_shifts (unit_code, starts_at, ends_at, officer, leader, phone)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        unit.code(),
                        Timestamp.from(s.startsAt()),
                        Timestamp.from(s.endsAt()),
                        s.officer().strip(),
                        s.leader().strip(),
                        s.phone())
                .query(Long.class)
                .single();
        access.audit(caller, "COMMAND_DUTY_SHIFT_ADDED", "SHIFT", String.valueOf(id), s.officer());
        return id;
    }

    /** Shifts of the caller's unit overlapping [from, to). */
    List<DutyViews.Shift> shifts(Caller caller, Instant from, Instant to) {
        caller.require(Permission.REGION_READ);
        Instant now = Instant.now(clock);
        return jdbc.sql(
                        """
                        select id, unit_code, starts_at, ends_at, officer, leader, phone, handover_note, handed_over_at
                        from command.duty_shifts where unit_code = ? and ends_at > ? and starts_at < ?
                        order by starts_at, id""")
                .params(caller.jurisdictionCode(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> shift(rs, now))
                .list();
    }

    /** The shift on duty now in the unit, if any. */
    Optional<DutyViews.Shift> current(String unitCode) {
        Instant now = Instant.now(clock);
        return jdbc.sql(
                        """
                        select id, unit_code, starts_at, ends_at, officer, leader, phone, handover_note, handed_over_at
                        from command.duty_shifts where unit_code = ? and starts_at <= ? and ends_at > ?
                        order by starts_at desc, id desc limit 1""")
                .params(unitCode, Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> shift(rs, now))
                .optional();
    }

    /** The outgoing officer's handover note (交接班), also written to the log. */
    void handover(Caller caller, long shiftId, String note) {
        caller.require(Permission.DUTY);
        if (blank(note)) {
            throw new CommandRefused("note: 请填写交接班事项");
        }
        String unit = jdbc.sql("select unit_code from command.duty_shifts where id = ?")
                .param(shiftId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new CommandNotFound("班次 %d 不存在".formatted(shiftId)));
        grid.region(caller, unit);
        Instant now = Instant.now(clock);
        jdbc.sql("update command.duty_shifts set handover_note = ?, handed_over_at = ? where id = ?")
                .params(note.strip(), Timestamp.from(now), shiftId)
                .update();
        write(unit, caller.username(), "HANDOVER", note.strip());
    }

    void log(Caller caller, String kind, String text) {
        caller.require(Permission.DUTY);
        if (blank(text)) {
            throw new CommandRefused("text: 请填写值班记录内容");
        }
        String k = blank(kind) ? "NOTE" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("NOTE", "CALL").contains(k)) {
            throw new CommandRefused("kind: 记录类型须为 NOTE 或 CALL，收到 %s".formatted(kind));
        }
        write(caller.jurisdictionCode(), caller.username(), k, text.strip());
    }

    List<DutyViews.LogEntry> logEntries(Caller caller, int limit) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, unit_code, at, author, kind, text from command.duty_log
                        where unit_code = ? order by at desc, id desc limit ?""")
                .params(caller.jurisdictionCode(), Math.clamp(limit, 1, 500))
                .query((rs, n) -> new DutyViews.LogEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /**
     * Raises an alert once per subject, addressed to the duty officer on duty in the county, and
     * writes it to the duty log. Returns false when it was raised before.
     */
    boolean raise(String kind, Region region, String subject, String message) {
        String county = region.path().substring(1, region.path().indexOf('/', 1));
        String target = current(county).map(DutyViews.Shift::officer).orElse(null);
        int n = jdbc.sql(
                        """
                        insert into command.alerts (kind, region_code, path, message, raised_at, target, subject)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (kind, subject) do nothing""")
                .params(
                        kind,
                        region.code(),
                        region.path(),
                        message,
                        Timestamp.from(Instant.now(clock)),
                        target,
                        subject)
                .update();
        if (n == 1) {
            write(county, "system", "ALERT", message + (target == null ? "（当前无值班员）" : "（已推送值班员 " + target + "）"));
        }
        return n == 1;
    }

    List<DutyViews.Alert> alerts(Caller caller, boolean openOnly, int limit) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, kind, region_code, message, raised_at, target, handled_at, handled_by from command.alerts
                        where path like ? and (not ? or handled_at is null) order by raised_at desc, id desc limit ?""")
                .params(caller.pathPattern(), openOnly, Math.clamp(limit, 1, 500))
                .query((rs, n) -> new DutyViews.Alert(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list();
    }

    void handle(Caller caller, long alertId) {
        caller.require(Permission.DUTY);
        String path = jdbc.sql("select path from command.alerts where id = ?")
                .param(alertId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new CommandNotFound("预警 %d 不存在".formatted(alertId)));
        caller.requireCovers(path, "预警 " + alertId);
        int n = jdbc.sql("update command.alerts set handled_at = ?, handled_by = ? where id = ? and handled_at is null")
                .params(Timestamp.from(Instant.now(clock)), caller.username(), alertId)
                .update();
        if (n != 1) {
            throw new CommandConflict("预警 %d 已处理".formatted(alertId));
        }
        access.audit(caller, "COMMAND_ALERT_HANDLED", "ALERT", String.valueOf(alertId), null);
    }

    private void write(String unit, String author, String kind, String text) {
        jdbc.sql("insert into command.duty_log (unit_code, at, author, kind, text) values (?, ?, ?, ?, ?)")
                .params(unit, Timestamp.from(Instant.now(clock)), author, kind, text)
                .update();
    }

    private static DutyViews.Shift shift(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        Instant starts = rs.getTimestamp(3).toInstant();
        Instant ends = rs.getTimestamp(4).toInstant();
        return new DutyViews.Shift(
                rs.getLong(1),
                rs.getString(2),
                starts,
                ends,
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                !now.isBefore(starts) && now.isBefore(ends));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
