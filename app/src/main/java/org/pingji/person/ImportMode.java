package org.pingji.person;

/**
 * How an import treats bad rows: {@link #ALL_OR_NOTHING} writes nothing when any row is bad;
 * {@link #GOOD_ROWS} writes the good rows and gives the bad ones back as a workbook.
 */
public enum ImportMode {
    ALL_OR_NOTHING,
    GOOD_ROWS
}
