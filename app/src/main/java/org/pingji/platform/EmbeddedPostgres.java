package org.pingji.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 server per JVM. With a data directory the cluster survives
 * restarts (deleting the folder resets it); without one a throw-away cluster in a temporary
 * folder is used (tests).
 */
final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static String serverDirectory;

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
            log.info(
                    "Embedded PostgreSQL 17 on 127.0.0.1:{} (data: {})",
                    server.getPort(),
                    key.isBlank() ? "temporary" : key);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start in '%s'".formatted(key), e);
        }
    }
}
