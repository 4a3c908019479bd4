package org.pingji.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import org.slf4j.LoggerFactory;

/**
 * A platform stand-in for {@link EmbeddedPostgresCrashTests}, run as a child JVM: starts the
 * embedded server on the folder {@code args[0]}, records the number {@code args[1]}, prints
 * {@code READY <postmaster pid> <numbers recorded so far>} and lives until its stdin closes.
 */
final class EmbeddedServerChild {

    private EmbeddedServerChild() {}

    public static void main(String[] args) throws IOException, SQLException {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        var server = EmbeddedPostgres.start(args[0], "64MB");
        var numbers = new ArrayList<Integer>();
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table if not exists crash_probe (n int primary key)");
            statement.execute("insert into crash_probe values (" + Integer.parseInt(args[1]) + ")");
            try (var rows = statement.executeQuery("select n from crash_probe order by n")) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        long pid = OrphanedServer.postmaster(Path.of(args[0]).resolve("postmaster.pid"))
                .orElseThrow()
                .pid();
        System.out.println("READY " + pid + " " + numbers);
        System.out.flush();
        while (System.in.read() >= 0) {
            // lives until the parent closes stdin
        }
        System.exit(0);
    }
}
