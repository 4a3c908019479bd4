package org.pingji.command;

/**
 * A field of the county's daily report form. INTEGER fields are summed up the hierarchy and must
 * lie in [min, max]; TEXT fields are at most {@code max} characters.
 */
public record ReportField(String key, String label, Kind kind, Long min, Long max) {

    /** The field's type. */
    public enum Kind {
        INTEGER,
        TEXT
    }
}
