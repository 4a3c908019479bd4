package org.pingji.command;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pingji.command}: whether a mode switch needs the second co-leader's
 * confirmation (双组长), the local time by which the day's report is due, the zone of the
 * county's calendar, how many days back a report may still be filled in, and how long the
 * dashboard reuses a testing-coverage figure (many big screens poll the same figures; 0 = never).
 */
@ConfigurationProperties("pingji.command")
record CommandSettings(
        Boolean confirmationRequired,
        LocalTime reportDeadline,
        ZoneId zone,
        Integer backfillDays,
        Duration metricCache) {
    CommandSettings {
        confirmationRequired = confirmationRequired == null || confirmationRequired;
        reportDeadline = reportDeadline == null ? LocalTime.of(18, 0) : reportDeadline;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        backfillDays = backfillDays == null ? 30 : backfillDays;
        metricCache = metricCache == null ? Duration.ofSeconds(10) : metricCache;
    }
}
