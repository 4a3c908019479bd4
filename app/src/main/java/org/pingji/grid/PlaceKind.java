package org.pingji.grid;

/** Kinds of place, each located in one micro-grid. */
public enum PlaceKind {
    HOUSEHOLD("households"),
    COMPOUND("compounds"),
    SHOP("shops"),
    VENUE("venues"),
    CHECKPOINT("checkpoints"),
    COLLECTION_POINT("collection_points"),
    SAMPLING_TABLE("sampling_tables"),
    QUARANTINE_SITE("quarantine_sites"),
    WAREHOUSE("warehouses");

    private final String statsColumn;

    PlaceKind(String statsColumn) {
        this.statsColumn = statsColumn;
    }

    /** The roll-up column in {@code grid.region_stats} counting this kind. */
    String statsColumn() {
        return statsColumn;
    }
}
