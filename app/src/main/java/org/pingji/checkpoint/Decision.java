package org.pingji.checkpoint;

/** What a checkpoint does with a traveller or a vehicle, ordered by severity. */
public enum Decision {
    PASS("通行"),
    FAST_TEST("落地快检"),
    SPECIAL_LANE("特殊通道"),
    TRANSFER("闭环转运");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Decision worst(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
