package org.pingji.warning;

import org.pingji.access.Caller;
import org.springframework.stereotype.Service;

/**
 * Facade of early warning (监测预警).
 *
 * <p>Sensors and alarms (issue #12, part C): sensors publish readings over MQTT to
 * {@code pingji/sensors/{code}}; alarms go to the duty officer on shift.
 */
@Service
public class WarningManagement {

    private final SensorDesk sensors;

    WarningManagement(SensorDesk sensors) {
        this.sensors = sensors;
    }

    // ---- sensors and alarms (part C) ----------------------------------------------------------

    /**
     * A sensor to register: kind one of METHANE (%), CO (ppm), GAS_LEL (%LEL), WATER_LEVEL (m),
     * TEMPERATURE (°C), PEOPLE_COUNT (persons, thresholds from {@code capacity}: 80 % warning, 100 %
     * alarm); thresholds left {@code null} take the kind's defaults.
     */
    public record SensorSpec(
            String code,
            String kind,
            String regionCode,
            String site,
            Integer capacity,
            Integer pollSeconds,
            Double alarmAt,
            Double clearBelow) {}

    /** Registers (or updates) a sensor; needs SENSOR_MANAGE and the region in the jurisdiction. */
    public void registerSensor(Caller caller, SensorSpec spec) {
        SensorKind kind;
        try {
            kind = SensorKind.valueOf(spec.kind());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SensorRefused.invalid("sensor_kind_invalid", "未知的传感器类型：" + spec.kind());
        }
        sensors.register(
                caller,
                new Sensors.NewSensor(
                        spec.code(),
                        kind,
                        spec.regionCode(),
                        spec.site(),
                        spec.capacity(),
                        null,
                        spec.pollSeconds(),
                        null,
                        spec.alarmAt(),
                        null,
                        spec.clearBelow()));
    }

    /** How many sensors are registered in the caller's jurisdiction. */
    public int sensorCount(Caller caller) {
        return sensors.sensors(caller).size();
    }
}
