package org.pingji.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 server per JVM. With a data directory the cluster survives
 * restarts (deleting the folder resets it); without one a throw-away cluster in a temporary
 * folder is used (tests). A server orphaned by a killed platform is shut down before the start,
 * and a watchdog stops the server when this JVM dies (ADR 0011).
 */
final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static String serverDirectory;
    // Kept reachable for the JVM's lifetime: its stdin pipe closes only when this JVM dies.
    private static Process watchdog;

    private EmbeddedPostgres() {}

    static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(
            String dataDirectory, String maxWalSize) {
        String key = dataDirectory == null ? "" : dataDirectory;
        if (server != null) {
            if (!key.equals(serverDirectory)) {
                throw new IllegalStateException(
                        "Embedded PostgreSQL already runs on '%s', asked for '%s'".formatted(serverDirectory, key));
            }
            return server;
        }
        try {
            Builder builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (key.isBlank()) {
                builder.setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Path dir = Path.of(key).toAbsolutePath();
                Files.createDirectories(dir);
                OrphanedServer.clear(dir);
                // zonky starts postgres with -F (no fsync) and synchronous_commit=off for tests;
                // a kept data folder holds real data, so every commit must reach the disk.
                builder.setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // Bulk loads and scan surges write WAL fast: fewer, spread checkpoints.
                        .setServerConfig("max_wal_size", maxWalSize)
                        .setServerConfig("checkpoint_timeout", "15min")
                        .setServerConfig("checkpoint_completion_target", "0.9");
            }
            server = builder.start();
            serverDirectory = key;
            watchdog = watch(server);
            log.info(
                    "Embedded PostgreSQL 17 on 127.0.0.1:{} (data: {})",
                    server.getPort(),
                    key.isBlank() ? "temporary" : key);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start in '%s'".formatted(key), e);
        }
    }

    private static Process watch(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) throws IOException {
        Path dataDir;
        try (var connection = server.getPostgresDatabase().getConnection();
                var rows = connection.createStatement().executeQuery("show data_directory")) {
            rows.next();
            dataDir = Path.of(rows.getString(1));
        } catch (SQLException e) {
            throw new IOException("Cannot read the embedded server's data directory", e);
        }
        var postmaster = OrphanedServer.postmaster(dataDir.resolve("postmaster.pid"))
                .orElseThrow(() -> new IOException("No live postmaster in " + dataDir));
        return ServerWatchdog.watch(postmaster.pid(), dataDir);
    }
}
