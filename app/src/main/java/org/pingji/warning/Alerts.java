package org.pingji.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.platform.DutyRoster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals (预警信号) raised by detection and their response: one signal per signal, region
 * and day whatever methods alarmed, assigned to the duty officer on shift for the region, then
 * acknowledged → verified (初步核实) → dismissed with a reason, or escalated to a suspected event
 * (疑似事件) → closed with an outcome. Every step is timed and attributed in
 * {@code warning.alert_steps}; a step the state does not allow is refused (409).
 */
@Component
class Alerts {

    /** The states of a signal; {@code DISMISSED} and {@code CLOSED} are final. */
    enum State {
        OPEN("待确认"),
        ACKNOWLEDGED("已确认"),
        VERIFIED("已核实"),
        DISMISSED("已排除"),
        ESCALATED("疑似事件"),
        CLOSED("已关闭");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A raised signal as lists and the detail show it. */
    record AlertView(
            long id,
            String signal,
            String signalLabel,
            String regionCode,
            String regionName,
            String level,
            LocalDate day,
            List<String> methods,
            long observed,
            double upperBound,
            double score,
            State state,
            String dutyUnit,
            String assignee,
            Instant raisedAt,
            Instant answeredAt,
            String verifyNote,
            String reason,
            String eventNote,
            String outcome) {
        public String stateLabel() {
            return state.label();
        }
    }

    /** One step of the response: what, when, by whom, with what note. */
    record Step(String step, Instant at, String by, String note) {}

    /** What detection found for one signal, region and day (methods de-duplicated). */
    record Raised(
            String signal,
            String regionCode,
            String path,
            String level,
            LocalDate day,
            List<String> methods,
            long observed,
            double upperBound,
            double score) {}

    private final JdbcClient jdbc;
    private final DutyRoster roster;
    private final Clock clock;
    private final RegionNames names;

    Alerts(JdbcClient jdbc, DutyRoster roster, Clock clock, RegionNames names) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.clock = clock;
        this.names = names;
    }

    /**
     * Records a detection result: a new signal is assigned to the duty officer on shift for the
     * region; a signal already raised for the day takes the union of the methods and the higher
     * score. Returns the signal's id and whether it is new.
     */
    @Transactional
    long raise(Raised r) {
        Instant now = clock.instant();
        Optional<Long> existing = jdbc.sql(
                        "select id from warning.alerts where signal = ? and region_code = ? and day = ? for update")
                .params(r.signal(), r.regionCode(), r.day())
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql(
                            """
                            update warning.alerts set
                                methods = (select array_agg(distinct m order by m) from unnest(methods || ?) m),
                                observed = greatest(observed, ?), upper_bound = least(upper_bound, ?),
                                score = greatest(score, ?)
                            where id = ?""")
                    .params(r.methods().toArray(String[]::new), r.observed(), r.upperBound(), r.score(), existing.get())
                    .update();
            return existing.get();
        }
        Optional<DutyRoster.OnDuty> duty = roster.onDuty(r.path(), now);
        long id = jdbc.sql(
                        """
                        insert into warning.alerts (signal, region_code, path, level, day, methods, observed,
                            upper_bound, score, duty_unit, assignee, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        r.signal(),
                        r.regionCode(),
                        r.path(),
                        r.level(),
                        r.day(),
                        r.methods().toArray(String[]::new),
                        r.observed(),
                        r.upperBound(),
                        r.score(),
                        duty.map(DutyRoster.OnDuty::unitCode).orElse(null),
                        duty.map(DutyRoster.OnDuty::officer).orElse(null),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        step(id, "RAISED", now, "system", String.join("、", r.methods()));
        return id;
    }

    /** The signals of the jurisdiction in one state (all when null), ranked: highest score first. */
    List<AlertView> list(Caller caller, State state, int limit) {
        caller.require(Permission.SIGNAL_ANALYSE);
        return jdbc.sql(
                        """
                        select a.*, s.label from warning.alerts a join warning.signals s on s.name = a.signal
                        where a.path like ? and (cast(? as text) is null or a.state = ?)
                        order by case when a.state in ('DISMISSED', 'CLOSED') then 1 else 0 end,
                                 a.score desc, length(a.path), a.day desc, a.id desc
                        limit ?""")
                .params(
                        caller.pathPattern(),
                        state == null ? null : state.name(),
                        state == null ? null : state.name(),
                        limit)
                .query(this::view)
                .list();
    }

    /** One signal inside the jurisdiction; 404 otherwise. */
    AlertView get(Caller caller, long id) {
        caller.require(Permission.SIGNAL_ANALYSE);
        return find(caller, id);
    }

    private AlertView find(Caller caller, long id) {
        return jdbc.sql(
                        """
                        select a.*, s.label from warning.alerts a join warning.signals s on s.name = a.signal
                        where a.id = ? and a.path like ?""")
                .params(id, caller.pathPattern())
                .query(this::view)
                .optional()
                .orElseThrow(() -> WarningRefused.notFound("预警信号 " + id));
    }

    List<Step> steps(Caller caller, long id) {
        get(caller, id);
        return jdbc.sql("select step, at, by_user, note from warning.alert_steps where alert_id = ? order by at, step")
                .param(id)
                .query((rs, n) -> new Step(
                        rs.getString("step"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("by_user"),
                        rs.getString("note")))
                .list();
    }

    @Transactional
    AlertView acknowledge(Caller caller, long id) {
        return move(caller, id, State.OPEN, State.ACKNOWLEDGED, "ACKNOWLEDGED", null, "");
    }

    @Transactional
    AlertView verify(Caller caller, long id, String note) {
        return move(
                caller,
                id,
                State.ACKNOWLEDGED,
                State.VERIFIED,
                "VERIFIED",
                required(note, "核实情况"),
                "verify_note = ?, answered_at = ?,");
    }

    @Transactional
    AlertView dismiss(Caller caller, long id, String reason) {
        return move(caller, id, State.VERIFIED, State.DISMISSED, "DISMISSED", required(reason, "排除理由"), "reason = ?,");
    }

    @Transactional
    AlertView escalate(Caller caller, long id, String note) {
        return move(
                caller, id, State.VERIFIED, State.ESCALATED, "ESCALATED", required(note, "事件说明"), "event_note = ?,");
    }

    @Transactional
    AlertView close(Caller caller, long id, String outcome) {
        return move(caller, id, State.ESCALATED, State.CLOSED, "CLOSED", required(outcome, "处置结果"), "outcome = ?,");
    }

    private AlertView move(Caller caller, long id, State from, State to, String step, String note, String set) {
        caller.require(Permission.SIGNAL_RESPOND);
        AlertView alert = find(caller, id);
        if (alert.state() != from) {
            throw WarningRefused.conflict(
                    "预警信号 %d 当前为“%s”，不能%s（须为“%s”）".formatted(id, alert.state().label(), verb(to), from.label()));
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String sql =
                "update warning.alerts set " + set + " state = ?, version = version + 1 where id = ? and state = ?";
        List<Object> params = new java.util.ArrayList<>();
        if (note != null) {
            params.add(note);
        }
        if (set.contains("answered_at")) {
            params.add(at);
        }
        params.addAll(List.of(to.name(), id, from.name()));
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw WarningRefused.conflict("预警信号 %d 已被他人处理，请刷新".formatted(id));
        }
        step(id, step, now, caller.username(), note);
        return find(caller, id);
    }

    private static String verb(State to) {
        return switch (to) {
            case OPEN -> "重新打开";
            case ACKNOWLEDGED -> "确认";
            case VERIFIED -> "核实";
            case DISMISSED -> "排除";
            case ESCALATED -> "上报为疑似事件";
            case CLOSED -> "关闭";
        };
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw WarningRefused.invalid("note_missing", "请填写" + what);
        }
        if (text.length() > 2000) {
            throw WarningRefused.invalid("note_too_long", what + "不能超过2000字");
        }
        return text.strip();
    }

    private void step(long id, String step, Instant at, String by, String note) {
        jdbc.sql("insert into warning.alert_steps (alert_id, step, at, by_user, note) values (?, ?, ?, ?, ?)")
                .params(id, step, Timestamp.from(at), by, note)
                .update();
    }

    private AlertView view(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        String code = rs.getString("region_code");
        return new AlertView(
                rs.getLong("id"),
                rs.getString("signal"),
                rs.getString("label"),
                code,
                names.name(code),
                rs.getString("level"),
                rs.getDate("day").toLocalDate(),
                List.of((String[]) rs.getArray("methods").getArray()),
                rs.getLong("observed"),
                rs.getDouble("upper_bound"),
                rs.getDouble("score"),
                State.valueOf(rs.getString("state")),
                rs.getString("duty_unit"),
                rs.getString("assignee"),
                rs.getTimestamp("raised_at").toInstant(),
                answered == null ? null : answered.toInstant(),
                rs.getString("verify_note"),
                rs.getString("reason"),
                rs.getString("event_note"),
                rs.getString("outcome"));
    }
}
