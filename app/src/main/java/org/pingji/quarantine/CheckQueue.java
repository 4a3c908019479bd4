package org.pingji.quarantine;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pingji.platform.GroupCommit;
import org.pingji.platform.ServiceBusy;
import org.pingji.quarantine.Views.CheckResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of single health checks (one per request: a self-report on the phone page, a
 * check entered on a placement): checks queued by request threads are written together in one
 * transaction every few milliseconds, each request answered after the commit. A check refused
 * in the batch (unknown placement, released, time out of range) is answered with its own error
 * and the others are written; should the batch's statement fail, each check is written again
 * alone.
 */
@Component
class CheckQueue implements SmartLifecycle, GroupCommit.Handler<CheckQueue.Job> {

    record Job(CheckRecorder.Row row, CompletableFuture<CheckResult> done) implements GroupCommit.Job<CheckResult> {}

    private final CheckRecorder recorder;
    private final Clock clock;
    private final GroupCommit<Job> commits;

    CheckQueue(CheckRecorder recorder, TransactionTemplate transaction, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
        this.commits = new GroupCommit<>(
                new GroupCommit.Settings("check-writer", "健康监测登记", 10_000, 1_000, Duration.ofSeconds(10), true),
                transaction,
                this,
                ServiceBusy::new);
    }

    /** Records the check (its own values already validated) and waits for the commit. */
    CheckResult submit(CheckRecorder.Row row) {
        return commits.submit(new Job(row, new CompletableFuture<>()));
    }

    @Override
    public Runnable write(List<Job> batch) {
        Instant now = Instant.now(clock);
        Map<Long, CheckRecorder.Target> targets = recorder.targets(
                batch.stream().map(j -> j.row().placementId()).distinct().toList());
        List<Runnable> answers = new ArrayList<>(batch.size());
        List<Job> admitted = new ArrayList<>(batch.size());
        for (Job job : batch) {
            RuntimeException refused =
                    CheckRecorder.refusal(job.row(), targets.get(job.row().placementId()), now);
            if (refused == null) {
                admitted.add(job);
            } else {
                answers.add(() -> job.done().completeExceptionally(refused));
            }
        }
        if (!admitted.isEmpty()) {
            List<CheckResult> results =
                    recorder.write(admitted.stream().map(Job::row).toList(), targets, now);
            for (int i = 0; i < admitted.size(); i++) {
                Job job = admitted.get(i);
                CheckResult result = results.get(i);
                answers.add(() -> job.done().complete(result));
            }
        }
        return () -> answers.forEach(Runnable::run);
    }

    @Override
    public void start() {
        commits.start();
    }

    /** Refuses new checks, writes the queued ones, then ends the writer thread. */
    @Override
    @PreDestroy
    public void stop() {
        commits.stop();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }
}
