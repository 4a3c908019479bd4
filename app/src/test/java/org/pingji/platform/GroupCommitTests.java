package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared group commit on the real database: jobs queued together are written in one
 * transaction; a job whose row fails in the batch is refused alone while the rest commit; a
 * full queue is refused at once with the Chinese busy message; stopping writes what is queued.
 */
@PingjiTest
class GroupCommitTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    record Job(int n, CompletableFuture<Integer> done) implements GroupCommit.Job<Integer> {}

    /** Writes each job's number; the first write waits for the gate so that the rest pile up. */
    class Writer implements GroupCommit.Handler<Job> {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public Runnable write(List<Job> batch) {
            if (writes.getAndIncrement() == 0) {
                try {
                    assertThat(gate.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            synchronized (batchSizes) {
                batchSizes.add(batch.size());
            }
            for (Job job : batch) {
                jdbc.sql("insert into group_commit_probe (n) values (?)")
                        .param(job.n())
                        .update();
            }
            return () -> batch.forEach(j -> j.done().complete(j.n()));
        }
    }

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists group_commit_probe (n int primary key check (n >= 0))")
                .update();
        jdbc.sql("delete from group_commit_probe").update();
    }

    long rows() {
        return jdbc.sql("select count(*) from group_commit_probe")
                .query(Long.class)
                .single();
    }

    GroupCommit<Job> commits(Writer writer, int capacity) {
        return new GroupCommit<>(
                new GroupCommit.Settings("probe-writer", "测试写入", capacity, 1_000, Duration.ofSeconds(20), true),
                transaction,
                writer,
                ServiceBusy::new);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void aRowFailingInTheBatchIsRefusedAloneAndTheOthersCommit() throws Exception {
        var writer = new Writer();
        var commits = commits(writer, 100);
        commits.start();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> held = callers.submit(() -> commits.submit(new Job(0, new CompletableFuture<>())));
            await(() -> writer.writes.get() == 1);
            List<Future<Integer>> rest = new ArrayList<>();
            for (int n = 1; n <= 40; n++) {
                int value = n;
                rest.add(callers.submit(() -> commits.submit(new Job(value, new CompletableFuture<>()))));
            }
            Future<Integer> bad = callers.submit(() -> commits.submit(new Job(-1, new CompletableFuture<>())));
            await(() -> commits.queued() == 41);
            writer.gate.countDown();

            assertThat(held.get()).isZero();
            for (int n = 1; n <= 40; n++) {
                assertThat(rest.get(n - 1).get()).isEqualTo(n);
            }
            assertThatThrownBy(bad::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            commits.stop();
        }
        assertThat(rows()).isEqualTo(41);
        // One batch of all 41 queued jobs failed on the bad row, then each was written alone.
        assertThat(writer.batchSizes).startsWith(1, 41).hasSize(2 + 41);
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndStoppingWritesWhatIsQueued() throws Exception {
        var writer = new Writer();
        var commits = commits(writer, 3);
        commits.start();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> accepted = new ArrayList<>();
            accepted.add(callers.submit(() -> commits.submit(new Job(0, new CompletableFuture<>()))));
            await(() -> writer.writes.get() == 1);
            accepted.add(callers.submit(() -> commits.submit(new Job(1, new CompletableFuture<>()))));
            accepted.add(callers.submit(() -> commits.submit(new Job(2, new CompletableFuture<>()))));
            await(() -> commits.queued() == 2);
            // The job being written still holds its place: the queue of 3 is full.
            assertThatThrownBy(() -> commits.submit(new Job(3, new CompletableFuture<>())))
                    .isInstanceOf(ServiceBusy.class)
                    .hasMessage("测试写入排队已满（3），请稍后重试");

            Future<?> stopping = callers.submit(commits::stop);
            await(() -> !commits.isRunning());
            assertThatThrownBy(() -> commits.submit(new Job(4, new CompletableFuture<>())))
                    .isInstanceOf(ServiceBusy.class)
                    .hasMessageContaining("服务正在启动或停止");
            writer.gate.countDown();
            stopping.get(20, TimeUnit.SECONDS);
            for (int n = 0; n < 3; n++) {
                assertThat(accepted.get(n).get()).isEqualTo(n);
            }
        }
        assertThat(rows()).isEqualTo(3);
    }
}
