package org.pingji.analytics;

/** Why a ping row was not used. Every input row is either used or counted under exactly one reason. */
public enum BadRowReason {
    /** Not exactly four comma-separated columns (including empty lines). */
    WRONG_COLUMN_COUNT,
    /** The phone is not an 11-digit mainland mobile number (an optional +86 prefix is allowed). */
    BAD_PHONE,
    /** The timestamp is neither ISO-8601 (with offset, or local time in Asia/Shanghai) nor epoch seconds. */
    BAD_TIMESTAMP,
    /** Latitude or longitude is not a finite decimal number. */
    BAD_COORDINATE,
    /** Outside China's bounding box (lat 3.8–53.6, lon 73.5–135.1). */
    OUTSIDE_CHINA,
    /** Before the period's start or at/after its end. */
    OUTSIDE_PERIOD,
    /** Inside the period but before the look-back window (period end minus look-back days). */
    BEFORE_LOOK_BACK
}
