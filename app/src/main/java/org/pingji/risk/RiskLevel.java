package org.pingji.risk;

/** Risk level of an area as published (高/中/低风险区). */
public enum RiskLevel {
    HIGH("高风险区"),
    MEDIUM("中风险区"),
    LOW("低风险区");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static RiskLevel ofChinese(String c) {
        return switch (c) {
            case "高" -> HIGH;
            case "中" -> MEDIUM;
            case "低" -> LOW;
            default -> throw new IllegalArgumentException("未知的风险等级：" + c);
        };
    }
}
