package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform JVM killed with {@code kill -9} (issue #11 §3): its PostgreSQL stops by itself, and
 * a PostgreSQL orphaned anyway (its watchdog killed too) is shut down by the next start, which
 * comes up on the same folder with the data of before.
 */
class EmbeddedPostgresCrashTests {

    private static final Duration READY = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedPlatformLeavesNoServerBehindAndTheNextStartFindsItsData() throws Exception {
        // kill -9 of the platform alone: its watchdog stops PostgreSQL within seconds.
        Child first = start(1);
        assertThat(first.numbers()).isEqualTo("[1]");
        first.process().destroyForcibly().waitFor();
        ProcessHandle postmaster = ProcessHandle.of(first.postmaster()).orElseThrow();
        assertThat(postmaster
                        .onExit()
                        .completeOnTimeout(null, 15, TimeUnit.SECONDS)
                        .get())
                .as("PostgreSQL %d outlived its platform", first.postmaster())
                .isNotNull();

        // The platform and its watchdog killed: PostgreSQL is left an orphan holding the folder.
        Child second = start(2);
        assertThat(second.numbers()).isEqualTo("[1, 2]");
        for (ProcessHandle watchdog : second.process().children().toList()) {
            watchdog.destroyForcibly();
        }
        second.process().destroyForcibly().waitFor();
        ProcessHandle orphan = ProcessHandle.of(second.postmaster()).orElseThrow();
        Thread.sleep(300);
        assertThat(orphan.isAlive()).as("orphaned PostgreSQL").isTrue();

        // The next start shuts the orphan down cleanly and comes up on the same folder.
        Child third = start(3);
        assertThat(third.numbers()).isEqualTo("[1, 2, 3]");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(third.postmaster()).isNotEqualTo(second.postmaster());
    }

    private record Child(Process process, long postmaster, String numbers) {}

    private Child start(int number) throws IOException, Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-XX:TieredStopAtLevel=1",
                        EmbeddedServerChild.class.getName(),
                        dir.resolve("pg").toString(),
                        Integer.toString(number))
                .redirectErrorStream(true)
                .start();
        children.add(process);
        var ready = CompletableFuture.supplyAsync(() -> readyLine(process));
        String line = ready.get(READY.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("child output").startsWith("READY ");
        String[] parts = line.split(" ", 3);
        return new Child(process, Long.parseLong(parts[1]), parts[2]);
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // discard
            }
        } catch (IOException closed) {
            // the child is gone
        }
    }

    private static String readyLine(Process process) {
        var output = new StringBuilder();
        try {
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    // keep draining so that the child never blocks on a full pipe
                    Thread.ofVirtual().start(() -> drain(reader));
                    return line;
                }
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            output.append(e);
        }
        return output.toString();
    }
}
