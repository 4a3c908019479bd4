package org.pingji.policy;

/** Where a person comes from or how they were exposed; each edition sets measures for each. */
public enum Exposure {
    HIGH_RISK_AREA("来自高风险区"),
    MEDIUM_RISK_AREA("来自中风险区"),
    RISK_COUNTY("来自有风险区的县（区）"),
    ELSEWHERE("来自其他地区"),
    CLOSE_CONTACT("密切接触者"),
    SECONDARY_CONTACT("密接的密接");

    private final String label;

    Exposure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
