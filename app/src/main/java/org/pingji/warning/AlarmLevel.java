package org.pingji.warning;

/** Levels of a sensor alarm; the threshold levels are ordered by severity. */
enum AlarmLevel {
    WARNING,
    ALARM,
    POWER_CUT,
    STALE,
    FAULT;

    public String label() {
        return switch (this) {
            case WARNING -> "预警";
            case ALARM -> "报警";
            case POWER_CUT -> "断电";
            case STALE -> "数据中断";
            case FAULT -> "传感器故障";
        };
    }
}
