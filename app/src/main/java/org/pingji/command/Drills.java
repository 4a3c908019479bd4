package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records of drills other than testing drills (those belong to the testing module). */
@Component
class Drills {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    Drills(JdbcClient jdbc, GridManagement grid, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    /** A drill to record or update. */
    record DrillForm(
            String name,
            String scenario,
            String regionCode,
            Instant plannedAt,
            Instant startedAt,
            Instant endedAt,
            Integer participants,
            String findings) {}

    long record(Caller caller, Long id, DrillForm f) {
        if (!caller.can(Permission.DUTY)) {
            caller.require(Permission.COMMAND_MODE);
        }
        if (f.name() == null || f.name().isBlank()) {
            throw new CommandRefused("name: 请填写演练名称");
        }
        if (f.scenario() == null || f.scenario().isBlank()) {
            throw new CommandRefused("scenario: 请填写演练场景");
        }
        if (f.plannedAt() == null) {
            throw new CommandRefused("plannedAt: 请填写计划时间");
        }
        if (f.endedAt() != null && f.startedAt() == null) {
            throw new CommandRefused("startedAt: 有结束时间时须填写开始时间");
        }
        if (f.startedAt() != null && f.endedAt() != null && !f.endedAt().isAfter(f.startedAt())) {
            throw new CommandRefused("endedAt: 结束时间 %s 须晚于开始时间 %s".formatted(f.endedAt(), f.startedAt()));
        }
        int participants = f.participants() == null ? 0 : f.participants();
        if (participants < 0 || participants > 100_000) {
            throw new CommandRefused("participants: 参演人数须在 0 到 100000 之间，收到 %d".formatted(participants));
        }
        Region region = grid.region(caller, blank(f.regionCode()) ? caller.jurisdictionCode() : f.regionCode());
        long drill;
        if (id == null) {
            drill = jdbc.sql(
                            """
                            insert into command.drills (name, scenario, region_code, path, planned_at, started_at, ended_at,
                              participants, findings, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            f.name().strip(),
                            f.scenario().strip(),
                            region.code(),
                            region.path(),
                            Timestamp.from(f.plannedAt()),
                            ts(f.startedAt()),
                            ts(f.endedAt()),
                            participants,
                            f.findings(),
                            caller.username(),
                            Timestamp.from(Instant.now(clock)))
                    .query(Long.class)
                    .single();
        } else {
            String path = jdbc.sql("select path from command.drills where id = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new CommandNotFound("演练 %d 不存在".formatted(id)));
            caller.requireCovers(path, "演练 " + id);
            jdbc.sql(
                            """
                            update command.drills set name = ?, scenario = ?, region_code = ?, path = ?, planned_at = ?,
                              started_at = ?, ended_at = ?, participants = ?, findings = ? where id = ?""")
                    .params(
                            f.name().strip(),
                            f.scenario().strip(),
                            region.code(),
                            region.path(),
                            Timestamp.from(f.plannedAt()),
                            ts(f.startedAt()),
                            ts(f.endedAt()),
                            participants,
                            f.findings(),
                            id)
                    .update();
            drill = id;
        }
        access.audit(caller, "COMMAND_DRILL_RECORDED", "DRILL", String.valueOf(drill), f.name());
        return drill;
    }

    List<DrillView> list(Caller caller) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, name, scenario, region_code, planned_at, started_at, ended_at, participants, findings,
                          created_by from command.drills where path like ? order by planned_at desc, id desc limit 200""")
                .param(caller.pathPattern())
                .query((rs, n) -> {
                    Instant started = rs.getTimestamp(6) == null
                            ? null
                            : rs.getTimestamp(6).toInstant();
                    Instant ended = rs.getTimestamp(7) == null
                            ? null
                            : rs.getTimestamp(7).toInstant();
                    String code = rs.getString(4);
                    return new DrillView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            code,
                            grid.findRegion(code).map(Region::name).orElse(code),
                            rs.getTimestamp(5).toInstant(),
                            started,
                            ended,
                            rs.getInt(8),
                            rs.getString(9),
                            rs.getString(10),
                            started != null && ended != null
                                    ? Duration.between(started, ended).toMinutes()
                                    : null);
                })
                .list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
