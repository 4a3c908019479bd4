package org.pingji.command;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pingji.command}: whether a mode switch needs the second co-leader's
 * confirmation (双组长), the local time by which the day's report is due, the zone of the
 * county's calendar, and how many days back a report may still be filled in.
 */
@ConfigurationProperties("pingji.command")
record CommandSettings(Boolean confirmationRequired, LocalTime reportDeadline, ZoneId zone, Integer backfillDays) {
    CommandSettings {
        confirmationRequired = confirmationRequired == null || confirmationRequired;
        reportDeadline = reportDeadline == null ? LocalTime.of(18, 0) : reportDeadline;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        backfillDays = backfillDays == null ? 30 : backfillDays;
    }
}
