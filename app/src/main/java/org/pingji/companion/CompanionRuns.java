package org.pingji.companion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.Phone;
import org.pingji.policy.PolicyEditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts companion runs: validates the request, keeps the uploaded pings, runs the Spark job on one
 * background worker at a time and stores its result through {@link CompanionResults}.
 */
@Component
class CompanionRuns {

    private static final Logger log = LoggerFactory.getLogger(CompanionRuns.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CompanionJobLauncher launcher;
    private final CompanionSettings settings;
    private final CompanionResults results;
    private final AccessManagement access;
    private final PolicyEditions policy;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "companion-runs");
        t.setDaemon(true);
        return t;
    });

    CompanionRuns(
            JdbcClient jdbc,
            TransactionTemplate tx,
            CompanionJobLauncher launcher,
            CompanionSettings settings,
            CompanionResults results,
            AccessManagement access,
            PolicyEditions policy,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.launcher = launcher;
        this.settings = settings;
        this.results = results;
        this.access = access;
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs cut off by a restart cannot resume: they are marked FAILED. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        jdbc.sql(
                        "update companion.runs set state = 'FAILED', error = '平台重启，计算中断', finished_at = ? where state = 'RUNNING'")
                .param(java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    /**
     * Validates the request, keeps the uploaded pings and starts the run in the background; returns its id.
     *
     * @throws IllegalArgumentException for an empty file, no or malformed case phones, or {@code from >= to}
     */
    long start(Caller caller, CompanionManagement.NewRun run, String fileName, InputStream pings) throws IOException {
        caller.require(Permission.COMPANION_RUN);
        if (run.from() == null || run.to() == null) {
            throw new IllegalArgumentException("请求须包含 from 和 to（ISO-8601 时间）");
        }
        if (!run.from().isBefore(run.to())) {
            throw new IllegalArgumentException("时段开始 %s 不早于结束 %s".formatted(run.from(), run.to()));
        }
        if (run.casePhones() == null || run.casePhones().isEmpty()) {
            throw new IllegalArgumentException("casePhones 不能为空：至少需要一个病例手机号");
        }
        List<String> cases = new ArrayList<>();
        for (String raw : run.casePhones()) {
            String phone = Phone.parseOptional(raw);
            if (phone == null) {
                throw new IllegalArgumentException("casePhones 含空号码");
            }
            if (!cases.contains(phone)) {
                cases.add(phone);
            }
        }
        launcher.requireJob();
        Path dir = Files.createDirectories(Path.of(settings.workDir())).resolve("run-" + java.util.UUID.randomUUID());
        Files.createDirectories(dir);
        Path raw = dir.resolve("upload");
        long bytes;
        try (InputStream in = pings) {
            bytes = Files.copy(in, raw);
        }
        if (bytes == 0) {
            deleteQuietly(dir);
            throw new IllegalArgumentException("pings 文件为空");
        }
        PingFormat format = PingFormat.detect(raw, fileName);
        Path file = dir.resolve(format.fileName());
        Files.move(raw, file);
        Instant now = Instant.now(clock);
        CompanionDefinition definition = CompanionDefinition.of(policy.inForce(now), settings);
        long id = jdbc.sql(
                        """
                        insert into companion.runs (created_by, jurisdiction_code, path, period_from, period_to, case_count,
                            case_phones_masked, file_name, file_bytes, definition, state, progress, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?) returning id""")
                .params(
                        caller.username(),
                        caller.jurisdictionCode(),
                        caller.jurisdictionPath(),
                        java.sql.Timestamp.from(run.from()),
                        java.sql.Timestamp.from(run.to()),
                        cases.size(),
                        String.join(", ", cases.stream().map(Phone::mask).toList()),
                        fileName == null ? "pings" : fileName,
                        bytes,
                        definition.text(),
                        java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
        access.audit(caller, "COMPANION_RUN_START", "COMPANION_RUN", Long.toString(id), cases.size() + " case phones");
        worker.submit(
                () -> execute(caller, id, file, format == PingFormat.PARQUET, run.from(), run.to(), cases, definition));
        return id;
    }

    private void execute(
            Caller caller,
            long id,
            Path file,
            boolean parquet,
            Instant from,
            Instant to,
            List<String> cases,
            CompanionDefinition definition) {
        try {
            double[] last = {0};
            CompanionJobLauncher.JobResult result = launcher.run(file, parquet, from, to, cases, definition, p -> {
                if (p - last[0] >= 0.01 || p >= 1.0) {
                    last[0] = p;
                    jdbc.sql("update companion.runs set progress = ? where id = ?")
                            .params(Math.min(p, 0.99), id)
                            .update();
                }
            });
            tx.executeWithoutResult(s -> results.store(caller, id, result));
            deleteQuietly(file.getParent());
        } catch (Exception e) {
            log.warn("Companion run {} failed (files kept in {})", id, file.getParent(), e);
            jdbc.sql("update companion.runs set state = 'FAILED', error = ?, finished_at = ? where id = ?")
                    .params(
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                            java.sql.Timestamp.from(Instant.now(clock)),
                            id)
                    .update();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }
}
