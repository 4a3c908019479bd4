package org.pingji.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk loading with PostgreSQL {@code COPY ... FROM STDIN} in text format, inside the current
 * Spring transaction (the connection is the transaction's).
 */
public final class PgCopy {

    private PgCopy() {}

    /** Rows in COPY text format: tab-separated, {@code \N} for null, escapes applied. */
    public static final class Rows {
        private final StringBuilder text = new StringBuilder(1 << 16);
        private boolean rowStarted;
        private long rows;

        /** Appends one field of the current row. */
        public Rows field(Object value) {
            if (rowStarted) {
                text.append('\t');
            }
            rowStarted = true;
            if (value == null) {
                text.append("\\N");
            } else {
                String s = value.toString();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> text.append("\\\\");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        default -> text.append(c);
                    }
                }
            }
            return this;
        }

        /** Ends the current row. */
        public Rows end() {
            text.append('\n');
            rowStarted = false;
            rows++;
            return this;
        }

        public long count() {
            return rows;
        }

        Reader reader() {
            return new java.io.StringReader(text.toString());
        }
    }

    /**
     * Runs {@code copy <table> (<columns>) from stdin} with the rows.
     *
     * @return rows copied
     */
    public static long copy(DataSource dataSource, String tableAndColumns, Rows rows) {
        if (rows.count() == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var api = connection.unwrap(PGConnection.class).getCopyAPI();
            return api.copyIn("copy " + tableAndColumns + " from stdin", rows.reader());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into %s failed: %s".formatted(tableAndColumns, e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
