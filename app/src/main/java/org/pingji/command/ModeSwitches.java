package org.pingji.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessRefused;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 平急转换: switches of the county or a township between NORMAL and EMERGENCY. A switch asked for
 * by one commander is in force once a second user with the commander role confirms it (when
 * {@code pingji.command.confirmation-required}); then the plans of the new mode are activated.
 * The state per scope is cached in memory, since every console page shows it.
 */
@Component
class ModeSwitches {

    /** One scope's own rows: the latest switch in force and the pending one. */
    private record State(
            Mode mode, Instant since, String switchedBy, String confirmedBy, String reason, Pending pending) {}

    private record Pending(long id, Mode mode, String requestedBy, Instant requestedAt, String reason) {}

    /** A switch as listed in the history. */
    record Entry(
            long id,
            String scopeCode,
            Mode mode,
            String reason,
            String requestedBy,
            Instant requestedAt,
            String confirmedBy,
            Instant confirmedAt,
            String status) {}

    private static final State NONE = new State(null, null, null, null, null, null);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Plans plans;
    private final CommandSettings settings;
    private final Clock clock;
    private final Map<String, State> cache = new ConcurrentHashMap<>();

    ModeSwitches(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            GridManagement grid,
            AccessManagement access,
            Plans plans,
            CommandSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.grid = grid;
        this.access = access;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    /** The scope of a switch: the given county or township, or the caller's own region. */
    Region scope(Caller caller, String regionCode) {
        Region region = grid.region(
                caller, regionCode == null || regionCode.isBlank() ? caller.jurisdictionCode() : regionCode);
        if (region.level() != RegionLevel.COUNTY && region.level() != RegionLevel.TOWNSHIP) {
            throw new CommandRefused("regionCode: 只有县或乡镇可以切换平战状态，%s 是%s".formatted(region.code(), region.level()));
        }
        return region;
    }

    ModeView view(Caller caller, String regionCode) {
        caller.require(Permission.REGION_READ);
        Region below = belowTownship(caller, regionCode);
        // a village or grid officer sees the mode in force over their area (read-only)
        return below != null ? effective(below.path()) : view(scope(caller, regionCode));
    }

    /** The caller's own region when no scope is asked and it lies below township level, else null. */
    private Region belowTownship(Caller caller, String regionCode) {
        if (regionCode != null && !regionCode.isBlank()) {
            return null;
        }
        Region own = grid.region(caller, caller.jurisdictionCode());
        return own.level() == RegionLevel.COUNTY || own.level() == RegionLevel.TOWNSHIP ? null : own;
    }

    /** The mode in force where the path lies: the nearest scope with a switch in force, else NORMAL. */
    ModeView effective(String path) {
        String[] codes = path.substring(1).split("/");
        for (int i = Math.min(codes.length, 2) - 1; i >= 0; i--) {
            State s = state(codes[i]);
            if (s.mode() != null || s.pending() != null || i == 0) {
                return view(grid.findRegion(codes[i]).orElseThrow());
            }
        }
        throw new IllegalStateException("No scope for path " + path);
    }

    private ModeView view(Region scope) {
        State own = state(scope.code());
        State inForce = own;
        if (own.mode() == null && scope.level() == RegionLevel.TOWNSHIP) {
            inForce = state(scope.parentCode());
        }
        Pending p = own.pending();
        return new ModeView(
                scope.code(),
                scope.name(),
                inForce.mode() == null ? Mode.NORMAL : inForce.mode(),
                inForce.since(),
                inForce.switchedBy(),
                inForce.confirmedBy(),
                inForce.reason(),
                p == null ? null : p.mode(),
                p == null ? null : p.requestedBy(),
                p == null ? null : p.requestedAt(),
                p == null ? null : p.reason());
    }

    /** Asks for a switch; in force at once unless the second co-leader must confirm it. */
    ModeView request(Caller caller, Mode mode, String reason, String regionCode) {
        caller.require(Permission.COMMAND_MODE);
        if (mode == null) {
            throw new CommandRefused("mode: 请选择 NORMAL（平时）或 EMERGENCY（战时）");
        }
        if (reason == null || reason.isBlank()) {
            throw new CommandRefused("reason: 请填写切换原因");
        }
        if (reason.length() > 500) {
            throw new CommandRefused("reason: 切换原因最多 500 字，现为 %d 字".formatted(reason.length()));
        }
        Region scope = scope(caller, regionCode);
        ModeView current = view(scope);
        if (current.mode() == mode) {
            throw new CommandConflict("%s 已处于%s状态（自 %s 起），无需切换"
                    .formatted(scope.name(), label(mode), current.since() == null ? "启用" : current.since()));
        }
        if (current.pendingConfirmation()) {
            throw new CommandConflict("%s 已有一项切换至%s的申请（%s 提出）待确认"
                    .formatted(scope.name(), label(current.pendingMode()), current.pendingRequestedBy()));
        }
        Instant now = Instant.now(clock);
        boolean confirm = settings.confirmationRequired();
        transaction.executeWithoutResult(tx -> {
            long id = jdbc.sql(
                            """
                            insert into command.mode_switches
                              (scope_code, scope_path, mode, reason, requested_by, requested_at, confirmed_at, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            scope.code(),
                            scope.path(),
                            mode.name(),
                            reason.strip(),
                            caller.username(),
                            Timestamp.from(now),
                            confirm ? null : Timestamp.from(now),
                            confirm ? "PENDING" : "IN_FORCE")
                    .query(Long.class)
                    .single();
            if (!confirm) {
                plans.onModeInForce(scope.code(), mode, id, now);
            }
            access.audit(
                    caller,
                    confirm ? "COMMAND_MODE_REQUESTED" : "COMMAND_MODE_SWITCHED",
                    "REGION",
                    scope.code(),
                    mode + ": " + reason.strip());
        });
        cache.remove(scope.code());
        return view(scope);
    }

    /** The second co-leader confirms the pending switch: it is in force and its plans activate. */
    ModeView confirm(Caller caller, String regionCode) {
        caller.require(Permission.COMMAND_MODE);
        Region scope = scope(caller, regionCode);
        Pending pending = state(scope.code()).pending();
        if (pending == null) {
            throw new CommandConflict("%s 没有待确认的平战切换".formatted(scope.name()));
        }
        if (pending.requestedBy().equals(caller.username())) {
            throw new AccessRefused("切换由 %s 提出，须由另一位组长确认".formatted(pending.requestedBy()));
        }
        Instant now = Instant.now(clock);
        transaction.executeWithoutResult(tx -> {
            int updated = jdbc.sql(
                            """
                            update command.mode_switches set status = 'IN_FORCE', confirmed_by = ?, confirmed_at = ?
                            where id = ? and status = 'PENDING'""")
                    .params(caller.username(), Timestamp.from(now), pending.id())
                    .update();
            if (updated != 1) {
                throw new CommandConflict("该切换申请已被处理");
            }
            plans.onModeInForce(scope.code(), pending.mode(), pending.id(), now);
            access.audit(
                    caller,
                    "COMMAND_MODE_CONFIRMED",
                    "REGION",
                    scope.code(),
                    pending.mode() + " requested by " + pending.requestedBy());
        });
        cache.remove(scope.code());
        return view(scope);
    }

    /** Withdraws the pending switch (either co-leader). */
    ModeView cancel(Caller caller, String regionCode) {
        caller.require(Permission.COMMAND_MODE);
        Region scope = scope(caller, regionCode);
        Pending pending = state(scope.code()).pending();
        if (pending == null) {
            throw new CommandConflict("%s 没有待确认的平战切换".formatted(scope.name()));
        }
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update command.mode_switches set status = 'CANCELLED' where id = ? and status = 'PENDING'")
                    .param(pending.id())
                    .update();
            access.audit(
                    caller,
                    "COMMAND_MODE_CANCELLED",
                    "REGION",
                    scope.code(),
                    pending.mode().name());
        });
        cache.remove(scope.code());
        return view(scope);
    }

    List<Entry> history(Caller caller, String regionCode) {
        caller.require(Permission.REGION_READ);
        if (belowTownship(caller, regionCode) != null) {
            return List.of(); // switches are made above their area
        }
        Region scope = scope(caller, regionCode);
        return jdbc.sql(
                        """
                        select id, scope_code, mode, reason, requested_by, requested_at, confirmed_by, confirmed_at, status
                        from command.mode_switches where scope_path like ? order by id desc limit 100""")
                .param(scope.path() + "%")
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        Mode.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    private State state(String scopeCode) {
        return cache.computeIfAbsent(scopeCode, this::load);
    }

    private State load(String scopeCode) {
        Optional<State> inForce = jdbc.sql(
                        """
                        select mode, confirmed_at, requested_by, confirmed_by, reason from command.mode_switches
                        where scope_code = ? and status = 'IN_FORCE' order by confirmed_at desc, id desc limit 1""")
                .param(scopeCode)
                .query((rs, n) -> new State(
                        Mode.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        null))
                .optional();
        Pending pending = jdbc.sql(
                        """
                        select id, mode, requested_by, requested_at, reason from command.mode_switches
                        where scope_code = ? and status = 'PENDING'""")
                .param(scopeCode)
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        Mode.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .optional()
                .orElse(null);
        State s = inForce.orElse(NONE);
        return new State(s.mode(), s.since(), s.switchedBy(), s.confirmedBy(), s.reason(), pending);
    }

    static String label(Mode mode) {
        return mode == Mode.EMERGENCY ? "战时" : "平时";
    }
}
