package org.pingji.status;

/** The colour of a health code, ordered by severity. */
public enum HealthColor {
    GREEN("绿码"),
    YELLOW("黄码"),
    RED("红码");

    private final String label;

    HealthColor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public HealthColor worst(HealthColor other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
