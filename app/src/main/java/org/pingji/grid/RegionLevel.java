package org.pingji.grid;

/** The five levels of the grid, top to bottom, with the length of their codes. */
public enum RegionLevel {
    COUNTY(6, "县"),
    TOWNSHIP(9, "乡镇"),
    VILLAGE(12, "村（社区）"),
    GRID(14, "网格"),
    MICRO_GRID(16, "微网格");

    private final int codeLength;

    private final String label;

    RegionLevel(int codeLength, String label) {
        this.codeLength = codeLength;
        this.label = label;
    }

    /** The level's Chinese name, as messages show it. */
    public String label() {
        return label;
    }

    public int codeLength() {
        return codeLength;
    }
}
