package org.pingji.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.pingji.platform.CountyTime;
import org.pingji.platform.JobLocks;
import org.pingji.quarantine.QuarantineManagement;
import org.pingji.status.HealthStatus;
import org.pingji.testing.TestingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The counts the platform already has, computed per micro-grid and day through the other
 * modules' facades (source {@code COMPUTED}): new individual positives (testing), fever reports
 * of quarantined persons (quarantine), persons with a red code at the end of the day (status).
 * Nightly shortly after midnight county time for the day before, and on demand.
 */
@Component
class ComputedCounts {

    private static final Logger log = LoggerFactory.getLogger(ComputedCounts.class);

    private final JobLocks jobs;
    private final TestingManagement testing;
    private final QuarantineManagement quarantine;
    private final HealthStatus status;
    private final PersonDirectory persons;
    private final GridManagement grid;
    private final Counts counts;
    private final AlertRaising raising;
    private final CountyTime countyTime;
    private final Clock clock;

    ComputedCounts(
            JobLocks jobs,
            TestingManagement testing,
            QuarantineManagement quarantine,
            HealthStatus status,
            PersonDirectory persons,
            GridManagement grid,
            Counts counts,
            AlertRaising raising,
            CountyTime countyTime,
            Clock clock) {
        this.jobs = jobs;
        this.testing = testing;
        this.quarantine = quarantine;
        this.status = status;
        this.persons = persons;
        this.grid = grid;
        this.counts = counts;
        this.raising = raising;
        this.countyTime = countyTime;
        this.clock = clock;
    }

    /** 00:20 county time: yesterday's computed counts, then detection for yesterday. */
    @Scheduled(cron = "${pingji.warning.nightly-cron:0 20 0 * * *}", zone = "${pingji.zone:Asia/Shanghai}")
    void nightly() {
        // a whole hour taken: the other nodes' 00:20 turn, seconds later, finds it done
        jobs.runOnce("warning.nightly", Duration.ofHours(1), Duration.ofHours(3), this::computeYesterday);
    }

    private void computeYesterday() {
        LocalDate yesterday = counts.today().minusDays(1);
        int stored = compute(yesterday);
        int signals = raising.run(yesterday, yesterday);
        log.info("Warning nightly for {}: {} computed counts, {} signals", yesterday, stored, signals);
    }

    /** The "重新计算" button: recompute a day (not in the future) and run detection for it. */
    int recompute(Caller caller, LocalDate day) {
        caller.require(Permission.SIGNAL_ANALYSE);
        if (day.isAfter(counts.today())) {
            throw WarningRefused.invalid("date_future", "不能计算未来日期 %s".formatted(day));
        }
        int stored = compute(day);
        raising.run(day, day);
        return stored;
    }

    int compute(LocalDate day) {
        Instant from = day.atStartOfDay(countyTime.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(countyTime.zone()).toInstant();
        Instant at = clock.instant();
        int stored = counts.storeComputed("new_positives", day, regions(testing.positivesPerPath(from, to)), at);
        stored += counts.storeComputed("quarantine_fever", day, regions(quarantine.feverReportsPerPath(day)), at);
        Instant end = to.isAfter(at) ? at : to;
        Set<Long> red = status.redPersonsAt(end);
        Map<String, Long> redByPath = new HashMap<>();
        for (PersonRef p : persons.byIds(red).values()) {
            redByPath.merge(p.path(), 1L, Long::sum);
        }
        stored += counts.storeComputed("red_status", day, regions(redByPath), at);
        return stored;
    }

    /** Counts per path as counts per region (the micro-grid whose path it is). */
    private Map<Region, Long> regions(Map<String, Long> byPath) {
        Map<Region, Long> byRegion = new HashMap<>();
        for (var e : byPath.entrySet()) {
            List<String> parts = List.of(e.getKey().split("/"));
            String code = parts.isEmpty() ? "" : parts.getLast();
            grid.findRegion(code).ifPresent(r -> byRegion.merge(r, e.getValue(), Long::sum));
        }
        return byRegion;
    }
}
