package org.pingji.status;

/**
 * Why a code is not green. The bit is the reason's position in a signed code's reason mask; the
 * colour is what the rule makes of it.
 */
public enum ReasonCode {
    POSITIVE(HealthColor.RED, "核酸检测阳性"),
    POOL_POSITIVE(HealthColor.YELLOW, "混管阳性，待单采复核"),
    CLOSE_CONTACT(HealthColor.RED, "密切接触者"),
    SECONDARY_CONTACT(HealthColor.YELLOW, "密接的密接"),
    CENTRAL_QUARANTINE(HealthColor.RED, "集中隔离中"),
    HOME_QUARANTINE(HealthColor.YELLOW, "居家隔离中"),
    HIGH_RISK_ARRIVAL(HealthColor.RED, "来自高风险区"),
    MEDIUM_RISK_ARRIVAL(HealthColor.YELLOW, "来自中风险区"),
    TEST_OVERDUE(HealthColor.YELLOW, "未按时参加核酸检测"),
    FEVER(HealthColor.YELLOW, "报告发热或症状"),
    MANUAL_OVERRIDE(HealthColor.GREEN, "经双人审批的人工调整");

    private final HealthColor color;
    private final String label;

    ReasonCode(HealthColor color, String label) {
        this.color = color;
        this.label = label;
    }

    public HealthColor color() {
        return color;
    }

    public String label() {
        return label;
    }

    public int bit() {
        return 1 << ordinal();
    }
}
