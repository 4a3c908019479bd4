package org.pingji.warning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto run as a child process on 127.0.0.1 with persistence on, for tests and the
 * intake benchmark. No limit on the messages queued for a session ({@code max_queued_messages 0}:
 * Mosquitto's default of 1,000 drops QoS-1 messages beyond it) and {@code inflight} per session as given.
 */
public final class Mosquitto {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port = freePort();
    private final Path dir;
    private final int inflight;
    private Process process;

    public Mosquitto(int inflight) {
        this.inflight = inflight;
        try {
            dir = Files.createTempDirectory("pingji-mosquitto");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(
                conf,
                """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                autosave_interval 1
                max_queued_messages 0
                max_inflight_messages %d
                user root
                log_dest file %s/mosquitto.log
                """
                        .formatted(port, dir, inflight, dir));
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Instant end = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(end)) {
            try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    /** SIGTERM: mosquitto writes its persistence file on the way out. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
