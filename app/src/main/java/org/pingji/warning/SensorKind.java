package org.pingji.warning;

/**
 * What a sensor measures, with its unit, the range of physically possible values (a value outside
 * is a fault of the sensor, not an alarm) and the default thresholds (AQ 6201 / AQ 1029 for coal
 * mines: methane alarm at 1.0 %, power cut at 1.5 %, power back only below 1.0 %; CO alarm at 24
 * ppm). A threshold that is {@code null} is not checked.
 */
enum SensorKind {
    METHANE("%", 0, 100, null, 1.0, 1.5, 1.0),
    CO("ppm", 0, 10_000, null, 24.0, null, 24.0),
    GAS_LEL("%LEL", 0, 100, 25.0, 50.0, null, 20.0),
    WATER_LEVEL("m", -100, 1_000, null, null, null, null),
    TEMPERATURE("°C", -60, 200, null, 60.0, null, 55.0),
    /** Occupancy of a venue: thresholds from its capacity (80 % warning, 100 % alarm). */
    PEOPLE_COUNT("人", 0, 10_000_000, null, null, null, null);

    private final String unit;
    private final double min;
    private final double max;
    private final Double warningAt;
    private final Double alarmAt;
    private final Double cutAt;
    private final Double clearBelow;

    SensorKind(String unit, double min, double max, Double warningAt, Double alarmAt, Double cutAt, Double clearBelow) {
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.warningAt = warningAt;
        this.alarmAt = alarmAt;
        this.cutAt = cutAt;
        this.clearBelow = clearBelow;
    }

    String unit() {
        return unit;
    }

    /** True when the value cannot be measured by a working sensor of this kind. */
    boolean impossible(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) || value < min || value > max;
    }

    Double warningAt() {
        return warningAt;
    }

    Double alarmAt() {
        return alarmAt;
    }

    Double cutAt() {
        return cutAt;
    }

    Double clearBelow() {
        return clearBelow;
    }

    public String label() {
        return switch (this) {
            case METHANE -> "甲烷";
            case CO -> "一氧化碳";
            case GAS_LEL -> "可燃气体";
            case WATER_LEVEL -> "水位";
            case TEMPERATURE -> "温度";
            case PEOPLE_COUNT -> "客流人数";
        };
    }
}
