package org.pingji.quarantine;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pingji.quarantine}.
 *
 * @param checkTimes local times at which the twice-daily checks are due; a check counts for the
 *     slot whose half of the day (before or after noon) it falls in
 * @param gridWorkerAfter a check still missing this long after it was due escalates to the grid worker
 * @param townshipAfter and this long after, to the township
 * @param feverThreshold degrees Celsius at or above which a temperature is fever
 * @param feverClinic where a person with fever or a listed symptom is referred
 */
@ConfigurationProperties("pingji.quarantine")
record QuarantineSettings(
        @DefaultValue({"08:00", "18:00"}) List<LocalTime> checkTimes,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("2h") Duration gridWorkerAfter,
        @DefaultValue("6h") Duration townshipAfter,
        @DefaultValue("37.3") double feverThreshold,
        @DefaultValue("乡宁县人民医院发热门诊") String feverClinic) {

    QuarantineSettings {
        if (checkTimes.size() != 2
                || !checkTimes.get(0).isBefore(LocalTime.NOON)
                || checkTimes.get(1).isBefore(LocalTime.NOON)) {
            throw new IllegalArgumentException(
                    "pingji.quarantine.check-times: one morning and one afternoon time, got " + checkTimes);
        }
        if (!gridWorkerAfter.isPositive() || townshipAfter.compareTo(gridWorkerAfter) <= 0) {
            throw new IllegalArgumentException("pingji.quarantine: township-after %s must exceed grid-worker-after %s"
                    .formatted(townshipAfter, gridWorkerAfter));
        }
    }
}
