package org.pingji.warning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with sensors and alarms, permission and jurisdiction checked: register sensors
 * (SENSOR_MANAGE), post readings, list, acknowledge and dispose of alarms (ALARM_HANDLE) in the
 * caller's region subtree.
 */
@Component
class SensorDesk {

    private final Sensors sensors;
    private final ReadingIntake intake;
    private final ReadingStore store;
    private final Alarms alarms;
    private final AlarmFeed feed;
    private final GridManagement grid;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SensorDesk(
            Sensors sensors,
            ReadingIntake intake,
            ReadingStore store,
            Alarms alarms,
            AlarmFeed feed,
            GridManagement grid,
            TransactionTemplate transaction,
            Clock clock) {
        this.sensors = sensors;
        this.intake = intake;
        this.store = store;
        this.alarms = alarms;
        this.feed = feed;
        this.grid = grid;
        this.transaction = transaction;
        this.clock = clock;
    }

    Sensor register(Caller caller, Sensors.NewSensor n) {
        caller.require(Permission.SENSOR_MANAGE);
        if (n.kind() == null) {
            throw SensorRefused.invalid("sensor_kind_invalid", "请选择传感器类型");
        }
        if (n.regionCode() == null) {
            throw SensorRefused.invalid("sensor_region_missing", "请选择所在区域");
        }
        Region region = grid.region(caller, n.regionCode());
        Sensor s = Sensors.withDefaults(n, region.path());
        sensors.find(s.code()).ifPresent(old -> caller.requireCovers(old.path(), "传感器 " + old.code()));
        return sensors.save(s, caller.username(), Instant.now(clock));
    }

    List<Sensor> sensors(Caller caller) {
        requireAny(caller);
        return sensors.in(caller.pathPattern());
    }

    Sensor sensor(Caller caller, String code) {
        requireAny(caller);
        Sensor s = sensors.find(code).orElseThrow(() -> SensorRefused.notFound("传感器 " + code));
        caller.requireCovers(s.path(), "传感器 " + code);
        return s;
    }

    List<ReadingStore.Point> readings(Caller caller, String code, Instant from, int limit) {
        sensor(caller, code);
        return store.series(code, from, Math.min(Math.max(limit, 1), 5_000));
    }

    ReadingIntake.Outcome post(Caller caller, String code, Double value, Instant at) {
        caller.require(Permission.SENSOR_MANAGE);
        Instant now = Instant.now(clock);
        sensors.find(code).ifPresent(s -> caller.requireCovers(s.path(), "传感器 " + code));
        Incoming m = value == null
                ? new Incoming(code, null, null, now, "NO_VALUE", "{}")
                : new Incoming(code, value, at == null ? now : at, now, null, "{\"value\":" + value + "}");
        return intake.submit(m);
    }

    List<Alarms.AlarmView> alarms(Caller caller, String state, int limit) {
        caller.require(Permission.ALARM_HANDLE);
        if (state != null
                && !List.of("OPEN", "ACKNOWLEDGED", "CLEARED", "DISPOSED", "ACTIVE")
                        .contains(state)) {
            throw SensorRefused.invalid("alarm_state_invalid", "报警状态应为 OPEN、ACKNOWLEDGED、CLEARED、DISPOSED 或 ACTIVE");
        }
        return alarms.list(caller.pathPattern(), state, Math.min(Math.max(limit, 1), 1_000));
    }

    Alarms.AlarmView alarm(Caller caller, long id) {
        caller.require(Permission.ALARM_HANDLE);
        Alarms.AlarmView a = alarms.find(id).orElseThrow(() -> SensorRefused.notFound("报警 " + id));
        caller.requireCovers(sensors.find(a.sensorCode()).map(Sensor::path).orElse("/"), "报警 " + id);
        return a;
    }

    List<Alarms.Event> events(Caller caller, long id) {
        alarm(caller, id);
        return alarms.events(id);
    }

    Alarms.AlarmView acknowledge(Caller caller, long id) {
        Alarms.AlarmView a = alarm(caller, id);
        Instant now = Instant.now(clock);
        Boolean done = transaction.execute(t -> alarms.acknowledge(id, caller.username(), now));
        if (!Boolean.TRUE.equals(done) && !"ACKNOWLEDGED".equals(a.state())) {
            throw SensorRefused.conflict("alarm_not_open", "该报警已%s，无需确认".formatted(stateLabel(a.state())));
        }
        publish(a);
        return alarm(caller, id);
    }

    Alarms.AlarmView dispose(Caller caller, long id, String what) {
        Alarms.AlarmView a = alarm(caller, id);
        if (what == null || what.isBlank()) {
            throw SensorRefused.invalid("disposal_missing", "请填写处置情况");
        }
        Instant now = Instant.now(clock);
        Boolean done = transaction.execute(t -> alarms.dispose(id, caller.username(), what.trim(), now));
        if (!Boolean.TRUE.equals(done)) {
            throw SensorRefused.conflict("alarm_disposed", "该报警已处置");
        }
        publish(a);
        return alarm(caller, id);
    }

    List<Map<String, Object>> problems(Caller caller) {
        caller.require(Permission.SENSOR_MANAGE);
        return store.problems();
    }

    Map<String, Long> activePerSite(Caller caller) {
        requireAny(caller);
        return alarms.activePerSite(caller.pathPattern());
    }

    private void publish(Alarms.AlarmView a) {
        sensors.find(a.sensorCode()).ifPresent(s -> feed.publish(List.of(new AlarmFeed.Change(a.id(), s.path()))));
    }

    private static void requireAny(Caller caller) {
        if (!caller.can(Permission.ALARM_HANDLE)) {
            caller.require(Permission.SENSOR_MANAGE);
        }
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "OPEN" -> "待确认";
            case "ACKNOWLEDGED" -> "已确认";
            case "CLEARED" -> "已解除";
            case "DISPOSED" -> "已处置";
            default -> state;
        };
    }
}
