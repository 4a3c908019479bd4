package org.pingji.tracing;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pingji.tracing}.
 *
 * @param exposureWindow a check-in this long before or after a case's stay at the same place
 *     makes the person a candidate contact
 * @param initialReport deadline of the initial report, from confirmation
 * @param trajectory deadline of the trajectory (itinerary) report
 * @param preliminaryReport deadline of the preliminary investigation report
 */
@ConfigurationProperties("pingji.tracing")
record TracingSettings(
        @DefaultValue("30m") Duration exposureWindow,
        @DefaultValue("2h") Duration initialReport,
        @DefaultValue("4h") Duration trajectory,
        @DefaultValue("24h") Duration preliminaryReport,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
