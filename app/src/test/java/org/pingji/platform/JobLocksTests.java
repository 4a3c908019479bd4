package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Run-once scheduling across nodes, each node played by its own {@link JobLocks} on the one database. */
@PingjiTest
class JobLocksTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void ofEightNodesFiringTheSameTurnAtOnceExactlyOneRunsTheJob() throws Exception {
        List<JobLocks> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(new JobLocks(jdbc));
        }
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> ran = new ArrayList<>();
            for (JobLocks node : nodes) {
                ran.add(pool.submit(() -> {
                    start.await();
                    return node.runOnce("test.turn", Duration.ofMinutes(1), Duration.ofMinutes(5), () -> {
                        runs.incrementAndGet();
                        sleep(200);
                    });
                }));
            }
            start.countDown();
            int here = 0;
            for (Future<Boolean> f : ran) {
                here += f.get() ? 1 : 0;
            }
            assertThat(here).isEqualTo(1);
        }
        assertThat(runs).hasValue(1);
        // a node whose schedule fires later in the same turn (or whose clock is behind) skips it
        assertThat(nodes.get(3)
                        .runOnce("test.turn", Duration.ofMinutes(1), Duration.ofMinutes(5), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobHeldByANodeThatDiedMovesToAnotherNodeWhenItsLockExpires() {
        // node "dead" took the job and died mid-run: its lock ran out a moment ago
        jdbc.sql(
                        """
                        insert into platform.job_lock (name, locked_until, locked_at, locked_by)
                        values ('test.takeover', now() - interval '1 second', now() - interval '10 minutes', 'dead')""")
                .update();
        JobLocks alive = new JobLocks(jdbc);
        AtomicInteger runs = new AtomicInteger();
        assertThat(alive.runOnce("test.takeover", Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("select locked_by from platform.job_lock where name = 'test.takeover'")
                        .query(String.class)
                        .single())
                .isEqualTo(alive.node());
        // a lock still held (not expired) is never taken over
        jdbc.sql("update platform.job_lock set locked_until = now() + interval '1 minute', locked_by = 'busy'"
                        + " where name = 'test.takeover'")
                .update();
        assertThat(alive.runOnce("test.takeover", Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingJobReleasesItsTurnAndTheNextTurnRuns() {
        JobLocks node = new JobLocks(jdbc);
        assertThatThrownBy(() -> node.runOnce("test.failing", Duration.ZERO, Duration.ofMinutes(5), () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        AtomicInteger runs = new AtomicInteger();
        assertThat(node.runOnce("test.failing", Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(1);
        assertThatThrownBy(() -> node.runOnce("test.bad", Duration.ofMinutes(5), Duration.ofMinutes(5), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
