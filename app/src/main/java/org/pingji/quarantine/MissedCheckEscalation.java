package org.pingji.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pingji.platform.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few minutes, raises the alerts of twice-daily checks that are overdue (time from the {@link Clock}). */
@Component
class MissedCheckEscalation {

    private static final Logger log = LoggerFactory.getLogger(MissedCheckEscalation.class);

    private final JobLocks jobs;
    private final HealthChecks checks;
    private final Clock clock;

    MissedCheckEscalation(JobLocks jobs, HealthChecks checks, Clock clock) {
        this.jobs = jobs;
        this.checks = checks;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${pingji.quarantine.escalation-interval:5m}",
            initialDelayString = "${pingji.quarantine.escalation-interval:5m}")
    void run() {
        jobs.runOnce("quarantine.missed-checks", Duration.ofSeconds(30), Duration.ofMinutes(30), this::escalate);
    }

    private void escalate() {
        int raised = checks.escalateMissedChecks(Instant.now(clock));
        if (raised > 0) {
            log.info("Missed health checks: {} new alerts", raised);
        }
    }
}
