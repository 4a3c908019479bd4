package org.pingji.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A tiny shell process that shuts the embedded PostgreSQL down when the platform JVM dies, however
 * it dies (ADR 0011). Its standard input is a pipe whose only writer is this JVM: when the JVM is
 * gone the kernel closes the pipe, the shell reads end-of-file and sends the postmaster SIGINT (a
 * fast shutdown) — provided {@code postmaster.pid} still names that process, so a normal shutdown
 * that already stopped the server is never followed by a signal to a reused pid.
 */
final class ServerWatchdog {

    private static final String SCRIPT =
            """
            while read -r _; do :; done
            pid=''
            { read -r pid < "$2/postmaster.pid"; } 2>/dev/null
            if [ "$pid" = "$1" ]; then kill -INT "$1"; fi
            """;

    private ServerWatchdog() {}

    /** Starts the watchdog for the postmaster {@code pid} serving {@code dataDir}. */
    static Process watch(long pid, Path dataDir) throws IOException {
        return new ProcessBuilder("/bin/sh", "-c", SCRIPT, "pingji-pg-watchdog", Long.toString(pid), dataDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
