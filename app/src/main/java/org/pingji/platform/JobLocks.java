package org.pingji.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduled work that must run once across all platform nodes. Every node schedules the job; the
 * one that takes the job's row in {@code platform.job_lock} runs it, the others skip this turn.
 * The lock is held at least {@code atLeast} (so a node whose schedule fires a few seconds later,
 * or whose clock is skewed, does not run the same turn again) and at most {@code atMost} (so the
 * job moves to another node when its node dies mid-run). All times are the database's.
 */
@Component
public class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

    private final JdbcClient jdbc;
    private final String node;

    JobLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's name as it appears in {@code locked_by}. */
    public String node() {
        return node;
    }

    /**
     * Runs {@code work} when no node holds the job's lock; returns whether it ran here.
     *
     * @param atLeast how long the turn stays taken after it began, even if the work was quicker
     *     (use a little less than the job's period)
     * @param atMost how long a node may hold the job before another may take it over (longer than
     *     the job can take)
     */
    public boolean runOnce(String job, Duration atLeast, Duration atMost, Runnable work) {
        if (!atMost.minus(atLeast).isPositive()) {
            throw new IllegalArgumentException("atMost must exceed atLeast for job " + job);
        }
        boolean taken = jdbc.sql(
                        """
                        insert into platform.job_lock (name, locked_until, locked_at, locked_by)
                        values (:name, now() + make_interval(secs => :atMost), now(), :node)
                        on conflict (name) do update
                           set locked_until = excluded.locked_until, locked_at = excluded.locked_at,
                               locked_by = excluded.locked_by, finished_at = null
                         where job_lock.locked_until <= now()
                        returning name""")
                .param("name", job)
                .param("atMost", atMost.toMillis() / 1000.0)
                .param("node", node)
                .query(String.class)
                .optional()
                .isPresent();
        if (!taken) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            try {
                jdbc.sql(
                                """
                                update platform.job_lock
                                   set locked_until = greatest(locked_at + make_interval(secs => :atLeast), now()),
                                       finished_at = now()
                                 where name = :name and locked_by = :node""")
                        .param("atLeast", atLeast.toMillis() / 1000.0)
                        .param("name", job)
                        .param("node", node)
                        .update();
            } catch (RuntimeException e) {
                // the lock then expires at atMost: the next turn is late, never doubled
                log.warn("job {}: could not release its lock ({})", job, e.getMessage());
            }
        }
    }
}
