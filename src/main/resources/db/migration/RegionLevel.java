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

    /** The level below this one; micro-grids have none. */
    public RegionLevel below() {
        return switch (this) {
            case COUNTY -> TOWNSHIP;
            case TOWNSHIP -> VILLAGE;
            case VILLAGE -> GRID;
            case GRID -> MICRO_GRID;
            case MICRO_GRID -> throw new IllegalStateException("A micro-grid has no level below it");
        };
    }
}
