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
        private static final java.util.HexFormat HEX = java.util.HexFormat.of();
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
                appendEscaped(value.toString());
            }
            return this;
        }

        /** Appends a {@code bytea} field in hex form (null allowed). */
        public Rows bytes(byte[] value) {
            if (value == null) {
                return field(null);
            }
            if (rowStarted) {
                text.append('\t');
            }
            rowStarted = true;
            text.append("\\\\x"); // COPY text format doubles the backslash of bytea's \x prefix
            HEX.formatHex(text, value);
            return this;
        }

        private void appendEscaped(String s) {
            int length = s.length();
            int i = 0;
            while (i < length) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i == length) {
                text.append(s); // the common case: nothing to escape
                return;
            }
            text.append(s, 0, i);
            for (; i < length; i++) {
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

        /** The COPY text built so far. */
        String text() {
            return text.toString();
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
