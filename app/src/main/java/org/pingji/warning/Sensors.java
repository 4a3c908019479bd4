package org.pingji.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sensor registry, kept in memory too (the intake looks every reading's sensor up): loaded at
 * start, updated on registration.
 */
@Component
class Sensors {

    /** A registration, already checked against the kind's defaults (see {@link #withDefaults}). */
    record NewSensor(
            String code,
            SensorKind kind,
            String regionCode,
            String site,
            Integer capacity,
            String unit,
            Integer pollSeconds,
            Double warningAt,
            Double alarmAt,
            Double cutAt,
            Double clearBelow) {}

    private final JdbcClient jdbc;
    private final Map<String, Sensor> byCode = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private final List<Consumer<String>> registered = new CopyOnWriteArrayList<>();

    Sensors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called with a sensor's code once its registration committed (the MQTT lanes subscribe to it). */
    void onRegistered(Consumer<String> listener) {
        registered.add(listener);
    }

    Optional<Sensor> find(String code) {
        load();
        return Optional.ofNullable(byCode.get(code));
    }

    Collection<Sensor> all() {
        load();
        return byCode.values();
    }

    List<Sensor> in(String pathPattern) {
        return jdbc.sql("select * from warning.sensors where path like ? order by site, code")
                .param(pathPattern)
                .query(Sensors::map)
                .list();
    }

    private void load() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    jdbc.sql("select * from warning.sensors")
                            .query(Sensors::map)
                            .list()
                            .forEach(s -> byCode.put(s.code(), s));
                    loaded = true;
                }
            }
        }
    }

    /** The sensor with the kind's defaults filled in; refuses inconsistent thresholds. */
    static Sensor withDefaults(NewSensor n, String path) {
        if (n.code() == null || !n.code().matches("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")) {
            throw SensorRefused.invalid("sensor_code_invalid", "传感器编号只能包含字母、数字、点、横线和下划线（最多64位）");
        }
        if (n.site() == null || n.site().isBlank()) {
            throw SensorRefused.invalid("sensor_site_missing", "请填写传感器所在场所");
        }
        int poll = n.pollSeconds() == null ? 30 : n.pollSeconds();
        if (poll < 1 || poll > 86_400) {
            throw SensorRefused.invalid("sensor_poll_invalid", "采集周期应在1到86400秒之间");
        }
        SensorKind k = n.kind();
        Double warning = n.warningAt();
        Double alarm = n.alarmAt();
        Double cut = n.cutAt();
        Double clear = n.clearBelow();
        if (warning == null && alarm == null && cut == null && clear == null) {
            if (k == SensorKind.PEOPLE_COUNT && n.capacity() != null) {
                warning = n.capacity() * 0.8;
                alarm = n.capacity().doubleValue();
                clear = warning;
            } else {
                warning = k.warningAt();
                alarm = k.alarmAt();
                cut = k.cutAt();
                clear = k.clearBelow();
            }
        } else if (alarm != null && clear == null) {
            clear = alarm;
        }
        if (alarm != null && clear != null && clear > alarm) {
            throw SensorRefused.invalid("sensor_thresholds_invalid", "解除值（%s）不能高于报警值（%s）".formatted(clear, alarm));
        }
        if ((warning != null && alarm != null && warning > alarm) || (cut != null && alarm != null && cut < alarm)) {
            throw SensorRefused.invalid("sensor_thresholds_invalid", "阈值应满足 预警值 ≤ 报警值 ≤ 断电值");
        }
        String unit = n.unit() == null || n.unit().isBlank() ? k.unit() : n.unit();
        return new Sensor(
                n.code(),
                k,
                n.regionCode(),
                path,
                n.site().trim(),
                n.capacity(),
                unit,
                poll,
                warning,
                alarm,
                cut,
                clear);
    }

    /** Registers the sensor, or replaces the settings of one with the same code. */
    Sensor save(Sensor s, String by, Instant at) {
        jdbc.sql(
                        """
                        insert into warning.sensors (code, kind, region_code, path, site, capacity, unit, poll_seconds,
                            warning_at, alarm_at, cut_at, clear_below, registered_by, registered_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set kind = excluded.kind, region_code = excluded.region_code,
                            path = excluded.path, site = excluded.site, capacity = excluded.capacity,
                            unit = excluded.unit, poll_seconds = excluded.poll_seconds,
                            warning_at = excluded.warning_at, alarm_at = excluded.alarm_at, cut_at = excluded.cut_at,
                            clear_below = excluded.clear_below""")
                .params(
                        s.code(),
                        s.kind().name(),
                        s.regionCode(),
                        s.path(),
                        s.site(),
                        s.capacity(),
                        s.unit(),
                        s.pollSeconds(),
                        s.warningAt(),
                        s.alarmAt(),
                        s.cutAt(),
                        s.clearBelow(),
                        by,
                        Timestamp.from(at))
                .update();
        load();
        boolean added = byCode.put(s.code(), s) == null;
        if (added) {
            Runnable tell = () -> registered.forEach(l -> l.accept(s.code()));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        tell.run();
                    }
                });
            } else {
                tell.run();
            }
        }
        return s;
    }

    static Sensor map(ResultSet rs, int n) throws SQLException {
        return new Sensor(
                rs.getString("code"),
                SensorKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"),
                rs.getString("path"),
                rs.getString("site"),
                (Integer) rs.getObject("capacity"),
                rs.getString("unit"),
                rs.getInt("poll_seconds"),
                (Double) rs.getObject("warning_at"),
                (Double) rs.getObject("alarm_at"),
                (Double) rs.getObject("cut_at"),
                (Double) rs.getObject("clear_below"));
    }
}
