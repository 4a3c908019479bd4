package org.pingji.person;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pingji.access.AccessRefused;
import org.pingji.access.Caller;
import org.pingji.grid.RegionNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Console imports run in the background so the page can show a progress bar; each job belongs
 * to the user who started it and is forgotten an hour after it finished.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A running or finished import. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final long fileBytes;
        final Instant started;
        volatile String phase = "READING";
        volatile int rowsRead;
        volatile ImportResult result;
        volatile Instant finished;

        Job(String owner, long fileBytes, Instant started) {
            this.owner = owner;
            this.fileBytes = fileBytes;
            this.started = started;
        }

        ImportProgress view() {
            ImportResult r = result;
            return new ImportProgress(id, r == null ? phase : "DONE", rowsRead, r == null ? percent() : 100, r);
        }

        /** Rough percent: reading is most of the work; exact phases after that. */
        int percent() {
            return switch (phase) {
                case "READING" -> Math.min(80, (int) (rowsRead * 100L * 60 / Math.max(1, fileBytes)));
                case "CHECKING" -> 85;
                case "WRITING" -> 92;
                default -> 100;
            };
        }
    }

    private final LedgerImport imports;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ImportJobs(LedgerImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    Job start(Caller caller, java.nio.file.Path file, LedgerImport.Request request) throws java.io.IOException {
        Instant now = Instant.now(clock);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(now.minusSeconds(3600)));
        Job job = new Job(caller.username(), java.nio.file.Files.size(file), now);
        jobs.put(job.id, job);
        executor.submit(() -> {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                job.result = imports.importStream(caller, in, request, (phase, rows) -> {
                    job.phase = phase;
                    job.rowsRead = rows;
                });
            } catch (Exception e) {
                log.error("Import job {} failed", job.id, e);
                job.result = ImportResult.failed(new ImportProblem(0, "文件", "", failure(e)));
            } finally {
                job.phase = "DONE";
                job.finished = Instant.now(clock);
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file; the OS cleans it up
                }
            }
        });
        return job;
    }

    private static String failure(Exception e) {
        return e instanceof AccessRefused || e instanceof RegionNotFound ? "导入区域不存在或不在您的辖区" : "导入失败，请重试";
    }

    /** The caller's job with the id; other users' jobs do not exist for them. */
    ImportProgress find(Caller caller, String id) {
        return java.util.Optional.ofNullable(jobs.get(id))
                .filter(j -> j.owner.equals(caller.username()))
                .map(Job::view)
                .orElseThrow(() -> new IllegalArgumentException("导入任务 %s 不存在".formatted(id)));
    }
}
