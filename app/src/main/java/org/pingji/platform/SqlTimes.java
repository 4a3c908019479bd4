package org.pingji.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Null-safe mapping between {@link Instant}s and JDBC timestamps (a null column stays null). */
public final class SqlTimes {

    private SqlTimes() {}

    /** The instant in a timestamp column, or null when the column is null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The instant in a named timestamp column, or null when the column is null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A JDBC timestamp for an instant, or null for null. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
