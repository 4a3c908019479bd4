package org.pingji.grid;

/** The five levels of the grid, top to bottom, with the length of their codes. */
public enum RegionLevel {
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12),
    GRID(14),
    MICRO_GRID(16);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }
}
