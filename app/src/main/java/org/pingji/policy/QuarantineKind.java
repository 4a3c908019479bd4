package org.pingji.policy;

/** Quarantine an edition requires: none, central (集中隔离) or at home (居家隔离). */
public enum QuarantineKind {
    NONE("无需隔离"),
    CENTRAL("集中隔离"),
    HOME("居家隔离");

    private final String label;

    QuarantineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
