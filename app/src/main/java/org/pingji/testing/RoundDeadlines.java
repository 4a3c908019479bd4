package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pingji.platform.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes rounds whose deadline has passed (checked every minute). */
@Component
class RoundDeadlines {

    private static final Logger log = LoggerFactory.getLogger(RoundDeadlines.class);
    private final JobLocks jobs;
    private final JdbcClient jdbc;
    private final TestingManagement testing;
    private final Clock clock;

    RoundDeadlines(JobLocks jobs, JdbcClient jdbc, TestingManagement testing, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.testing = testing;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pingji.testing.deadline-check:60s}")
    void closeOverdueRounds() {
        jobs.runOnce("testing.round-deadlines", Duration.ofSeconds(10), Duration.ofMinutes(10), this::closeOverdue);
    }

    private void closeOverdue() {
        jdbc.sql("select id from testing.rounds where status = 'OPEN' and deadline < ?")
                .param(Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .list()
                .forEach(id -> {
                    testing.close(id);
                    log.info("Round {} closed at its deadline", id);
                });
    }
}
