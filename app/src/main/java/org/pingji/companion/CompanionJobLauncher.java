package org.pingji.companion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the analytics module's {@code CompanionJobMain} in a child JVM (Spark stays off the platform's classpath:
 * Spring Boot 4 and Spark disagree on Jackson and logging). Reads {@code PROGRESS p} lines from its standard
 * output; Spark's log goes to {@code job.log} beside the upload.
 */
@Component
class CompanionJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(CompanionJobLauncher.class);

    /** What the job reports, read from its result file. */
    record JobResult(long usedRows, Map<String, Long> badRows, List<JobCompanion> companions) {}

    record JobCompanion(
            String phone, String cell, String casePhone, long overlapSeconds, Instant firstSeen, Instant lastSeen) {}

    private final CompanionSettings settings;
    private final JsonMapper json;

    CompanionJobLauncher(CompanionSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Throws {@link CompanionJobUnavailable} with the places looked at when the job is not built. */
    Path requireJob() {
        Path target = settings.jobTarget();
        if (target == null) {
            throw new CompanionJobUnavailable(
                    "时空伴随计算任务未构建：未找到 analytics/target/job-classpath.txt（在仓库根目录运行 ./mvnw -pl analytics package，"
                            + "或设置 pingji.companion.analytics-dir）");
        }
        return target;
    }

    JobResult run(
            Path pings,
            boolean parquet,
            Instant from,
            Instant to,
            List<String> casePhones,
            CompanionDefinition d,
            DoubleConsumer progress)
            throws IOException, InterruptedException {
        Path target = requireJob();
        Path dir = pings.getParent();
        Path out = dir.resolve("result.json");
        Path cases = dir.resolve("case-phones.txt");
        Files.write(cases, casePhones);
        List<String> command = new ArrayList<>();
        command.add(settings.java());
        Files.readAllLines(target.resolve("classes/pingji-job-jvm-flags.txt")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(command::add);
        command.add("-Xmx" + settings.heap());
        command.add("-cp");
        command.add(target.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(target.resolve("job-classpath.txt")).trim());
        command.add("org.pingji.analytics.CompanionJobMain");
        add(command, "--master", settings.master());
        add(command, "--pings", pings.toString());
        add(command, "--format", parquet ? "parquet" : "csv");
        add(command, "--from", from.toString());
        add(command, "--to", to.toString());
        add(command, "--case-phones-file", cases.toString());
        add(command, "--out", out.toString());
        add(command, "--cell-meters", Integer.toString(d.cellMeters()));
        add(command, "--min-overlap-minutes", Integer.toString(d.minOverlapMinutes()));
        add(command, "--look-back-days", Integer.toString(d.lookBackDays()));
        add(
                command,
                "--accumulated-hours",
                d.accumulatedHours() == null ? "0" : d.accumulatedHours().toString());
        add(command, "--max-ping-gap-minutes", Long.toString(d.maxPingGapMinutes()));
        add(command, "--shuffle-partitions", "4");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(dir.resolve("job.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        String failure = null;
        boolean done = false;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("PROGRESS ")) {
                    progress.accept(Double.parseDouble(line.substring(9).trim()));
                } else if (line.equals("DONE")) {
                    done = true;
                } else if (line.startsWith("FAILED")) {
                    failure = line.substring(6).trim();
                }
            }
        } finally {
            if (!process.waitFor(settings.timeout().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                failure = "timed out after " + settings.timeout();
            }
        }
        int exit = process.exitValue();
        if (!done || exit != 0) {
            log.warn("Companion job in {} ended with exit {}: {}", dir, exit, failure);
            throw new IllegalStateException(
                    failure != null
                            ? failure
                            : "Spark job exited with %d, see %s".formatted(exit, dir.resolve("job.log")));
        }
        return json.readValue(out.toFile(), JobResult.class);
    }

    private static void add(List<String> command, String name, String value) {
        command.add(name);
        command.add(value);
    }
}
