package org.pingji.policy;

import java.util.List;

/**
 * What an edition requires of one exposure.
 *
 * @param testDays days on which a test is due, day 1 being the day of arrival or of the start
 * @param monitoringDays days of home health monitoring after the quarantine (or alone)
 */
public record Measures(
        Exposure exposure, QuarantineKind quarantine, int quarantineDays, List<Integer> testDays, int monitoringDays) {

    public Measures {
        if (quarantineDays < 0 || quarantineDays > 60 || monitoringDays < 0 || monitoringDays > 60) {
            throw new IllegalArgumentException("%s: 隔离天数和健康监测天数须在0到60之间".formatted(exposure.label()));
        }
        if (quarantine == QuarantineKind.NONE && quarantineDays != 0) {
            throw new IllegalArgumentException("%s: 无需隔离时隔离天数须为0".formatted(exposure.label()));
        }
        if (quarantine != QuarantineKind.NONE && quarantineDays == 0) {
            throw new IllegalArgumentException("%s: 隔离天数须大于0".formatted(exposure.label()));
        }
        testDays = testDays.stream().sorted().distinct().toList();
        if (testDays.stream().anyMatch(d -> d < 1 || d > 60)) {
            throw new IllegalArgumentException("%s: 检测日须在第1到第60天之间".formatted(exposure.label()));
        }
    }

    /** Total days under measures (quarantine then monitoring). */
    public int totalDays() {
        return quarantineDays + monitoringDays;
    }
}
