package org.pingji.analytics;

/**
 * The square grid the definition counts co-presence in.
 *
 * <p>Rows: {@code row = floor(lat * 111320 / cellMeters)} (metres north of the equator on a sphere, 111,320 m per
 * degree). Columns within a row: {@code col = floor(lon * 111320 * cos(rowCentreLat) / cellMeters)}, where
 * {@code rowCentreLat = (row + 0.5) * cellMeters / 111320}, so a cell is {@code cellMeters} wide at its own
 * latitude. Good to well under 1 % inside China; no projection library needed. The Spark job computes the same
 * formula with Spark SQL expressions (same operations in the same order, {@link Math#cos}, {@link Math#toRadians}).
 */
public final class Cells {

    /** Metres per degree of latitude (and of longitude at the equator). */
    public static final double METRES_PER_DEGREE = 111320.0;

    /** Multiplier of the row in the numeric cell key; columns stay below it for every longitude. */
    public static final long ROW_FACTOR = 1_000_000L;

    private Cells() {}

    public static long row(double lat, int cellMeters) {
        return (long) Math.floor(lat * METRES_PER_DEGREE / cellMeters);
    }

    public static long col(double lat, double lon, int cellMeters) {
        double rowCentre = (row(lat, cellMeters) + 0.5) * cellMeters / METRES_PER_DEGREE;
        return (long) Math.floor(lon * METRES_PER_DEGREE * Math.cos(Math.toRadians(rowCentre)) / cellMeters);
    }

    /** Numeric key {@code row * 1,000,000 + col} used for joins. */
    public static long key(double lat, double lon, int cellMeters) {
        return row(lat, cellMeters) * ROW_FACTOR + col(lat, lon, cellMeters);
    }

    /** The key as shown to users: {@code "row:col"} (e.g. {@code 4990:11290}). */
    public static String label(long key) {
        return Math.floorDiv(key, ROW_FACTOR) + ":" + Math.floorMod(key, ROW_FACTOR);
    }

    /** Latitude of a cell's centre. */
    public static double centreLat(long key, int cellMeters) {
        return (Math.floorDiv(key, ROW_FACTOR) + 0.5) * cellMeters / METRES_PER_DEGREE;
    }

    /** Longitude of a cell's centre. */
    public static double centreLon(long key, int cellMeters) {
        double lat = centreLat(key, cellMeters);
        return (Math.floorMod(key, ROW_FACTOR) + 0.5)
                * cellMeters
                / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    }
}
