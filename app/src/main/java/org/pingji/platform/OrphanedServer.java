package org.pingji.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a kept data folder before the embedded PostgreSQL starts on it (ADR 0011). A platform
 * JVM killed with {@code kill -9} leaves its PostgreSQL running, holding {@code postmaster.pid};
 * a new server on the folder would then refuse to start. The JVM that owns a folder holds a lock
 * on {@code epg-lock} in it (zonky's lock); when that lock is free, no platform owns the folder
 * and a postmaster still serving it is an orphan, which is shut down cleanly (fast shutdown: a
 * checkpoint, then exit) before the new one starts.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private OrphanedServer() {}

    /**
     * Makes {@code dataDir} free for a new server: fails if a running platform holds it, stops a
     * postmaster that serves it without a platform, and drops a {@code postmaster.pid} whose
     * process is not a PostgreSQL of this folder (a pid reused after a reboot).
     */
    static void clear(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (var lockFile = new RandomAccessFile(dataDir.resolve("epg-lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(
                        "Data folder '%s' is in use by another running Pingji platform".formatted(dataDir));
            }
            Optional<ProcessHandle> postmaster = postmaster(pidFile);
            if (postmaster.isEmpty()) {
                return;
            }
            ProcessHandle process = postmaster.get();
            if (!servesFolder(process, dataDir)) {
                log.warn("Removing stale {}: process {} is not its PostgreSQL", pidFile, process.pid());
                Files.deleteIfExists(pidFile);
                return;
            }
            log.warn(
                    "PostgreSQL {} still serves {} although its platform is gone: shutting it down",
                    process.pid(),
                    dataDir);
            stop(process);
        }
    }

    /** The live process named on the first line of {@code postmaster.pid}, if any. */
    static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive);
    }

    private static boolean servesFolder(ProcessHandle process, Path dataDir) {
        String commandLine = process.info().commandLine().orElse("");
        return process.info().command().orElse("").endsWith("/postgres") && commandLine.contains(dataDir.toString());
    }

    private static void stop(ProcessHandle process) throws IOException {
        signal(process, "INT");
        if (awaitExit(process, CLEAN_SHUTDOWN)) {
            log.info("Orphaned PostgreSQL {} shut down cleanly", process.pid());
            return;
        }
        // Still checkpointing after a minute: an immediate shutdown; WAL recovery on the next start.
        signal(process, "QUIT");
        if (!awaitExit(process, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("Orphaned PostgreSQL %d does not stop".formatted(process.pid()));
        }
    }

    /** Sends a signal by name through the shell's {@code kill} built-in (no extra install). */
    static void signal(ProcessHandle process, String name) throws IOException {
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " " + process.pid())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL " + process.pid(), e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }
}
