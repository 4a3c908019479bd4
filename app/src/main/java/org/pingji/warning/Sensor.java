package org.pingji.warning;

/**
 * A registered sensor with its thresholds. Threshold levels: {@code warningAt} raises WARNING,
 * {@code alarmAt} ALARM, {@code cutAt} POWER_CUT (the most severe; the cut itself is done on site);
 * a threshold alarm at ALARM or above is cleared only below {@code clearBelow} (hysteresis), a
 * WARNING alone below {@code warningAt}.
 */
record Sensor(
        String code,
        SensorKind kind,
        String regionCode,
        String path,
        String site,
        Integer capacity,
        String unit,
        int pollSeconds,
        Double warningAt,
        Double alarmAt,
        Double cutAt,
        Double clearBelow) {

    /** The threshold level the value reaches, or {@code null} below every threshold. */
    AlarmLevel levelOf(double value) {
        if (cutAt != null && value >= cutAt) {
            return AlarmLevel.POWER_CUT;
        }
        if (alarmAt != null && value >= alarmAt) {
            return AlarmLevel.ALARM;
        }
        if (warningAt != null && value >= warningAt) {
            return AlarmLevel.WARNING;
        }
        return null;
    }

    /** True when an active threshold alarm at {@code level} ends with this value. */
    boolean clears(AlarmLevel level, double value) {
        if (level == AlarmLevel.WARNING) {
            return warningAt == null || value < warningAt;
        }
        double below = clearBelow != null ? clearBelow : alarmAt != null ? alarmAt : Double.POSITIVE_INFINITY;
        return value < below;
    }
}
