package org.pingji.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pingji.platform.DutyRoster;
import org.pingji.platform.JobLocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled checks of the sensors: STALE when a sensor sent nothing for 2 polling cycles
 * (measured on the platform's clock at arrival, so a late or future-dated reading is no silence);
 * an alarm unacknowledged for 5 minutes escalates to the leader on duty (领导带班), 5 minutes later
 * to the county command; day partitions of the readings are created two days ahead.
 */
@Component
class AlarmJobs {

    private final JobLocks jobs;
    private final Sensors sensors;
    private final ReadingIntake intake;
    private final Alarms alarms;
    private final AlarmFeed feed;
    private final ReadingStore store;
    private final ObjectProvider<DutyRoster> roster;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration escalateAfter;
    private final Instant started;
    private final Map<String, Instant> noticed = new ConcurrentHashMap<>();

    AlarmJobs(
            JobLocks jobs,
            Sensors sensors,
            ReadingIntake intake,
            Alarms alarms,
            AlarmFeed feed,
            ReadingStore store,
            ObjectProvider<DutyRoster> roster,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${pingji.warning.escalate-after:5m}") Duration escalateAfter) {
        this.jobs = jobs;
        this.sensors = sensors;
        this.intake = intake;
        this.alarms = alarms;
        this.feed = feed;
        this.store = store;
        this.roster = roster;
        this.transaction = transaction;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
        this.started = Instant.now(clock);
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${pingji.warning.stale-check:5s}")
    void checkStale() {
        Instant now = Instant.now(clock);
        Map<String, ReadingIntake.Seen> seen = intake.seen();
        List<Sensor> silent = new ArrayList<>();
        for (Sensor s : sensors.all()) {
            ReadingIntake.Seen last = seen.get(s.code());
            // Never heard of since this start (or since it was registered): counted from the time
            // this check first saw it, so neither a restart nor a new sensor is a silence.
            Instant since = last == null || last.lastReceived().isBefore(started)
                    ? noticed.computeIfAbsent(s.code(), c -> now)
                    : last.lastReceived();
            if (since.plusSeconds(2L * s.pollSeconds()).isBefore(now)) {
                silent.add(s);
            }
        }
        if (silent.isEmpty()) {
            return;
        }
        List<AlarmFeed.Change> changes = new ArrayList<>();
        transaction.executeWithoutResult(t -> {
            var active = alarms.active(silent.stream().map(Sensor::code).toList());
            for (Sensor s : silent) {
                if (active.getOrDefault(s.code(), Map.of()).containsKey("STALE")) {
                    continue;
                }
                alarms.raise(s, "STALE", AlarmLevel.STALE, null, now)
                        .ifPresent(id -> changes.add(new AlarmFeed.Change(id, s.path())));
            }
        });
        feed.publish(changes);
    }

    @Scheduled(initialDelay = 10_000, fixedDelayString = "${pingji.warning.escalation-check:15s}")
    void escalate() {
        jobs.runOnce("warning.escalation", Duration.ofSeconds(5), Duration.ofMinutes(5), this::escalateUnacknowledged);
    }

    private void escalateUnacknowledged() {
        Instant now = Instant.now(clock);
        List<AlarmFeed.Change> changes = new ArrayList<>();
        transaction.executeWithoutResult(t -> {
            for (Alarms.AlarmView a : alarms.unacknowledged(now.minus(escalateAfter), 1)) {
                String leader = a.leader() != null ? a.leader() : "带班领导";
                alarms.escalate(a.id(), 1, leader, now);
                changes.add(new AlarmFeed.Change(a.id(), pathOf(a)));
            }
            for (Alarms.AlarmView a : alarms.unacknowledged(now.minus(escalateAfter.multipliedBy(2)), 2)) {
                if (a.escalation() < 1) {
                    continue;
                }
                alarms.escalate(a.id(), 2, countyCommand(pathOf(a), now), now);
                changes.add(new AlarmFeed.Change(a.id(), pathOf(a)));
            }
        });
        feed.publish(changes);
    }

    @Scheduled(initialDelay = 1_000, fixedDelay = 3_600_000)
    void partitionsAhead() {
        jobs.runOnce("warning.partitions", Duration.ofMinutes(10), Duration.ofMinutes(30), this::createPartitions);
    }

    private void createPartitions() {
        Instant now = Instant.now(clock);
        store.ensurePartitions(List.of(now, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
    }

    private String pathOf(Alarms.AlarmView a) {
        return sensors.find(a.sensorCode()).map(Sensor::path).orElse("/");
    }

    /** The county unit's shift (its leader, else its officer), else the name of the county command. */
    private String countyCommand(String path, Instant now) {
        String[] parts = path.split("/");
        String county = parts.length > 1 ? "/" + parts[1] + "/" : path;
        Optional<DutyRoster.OnDuty> duty =
                Optional.ofNullable(roster.getIfAvailable()).flatMap(r -> r.onDuty(county, now));
        return "县指挥部"
                + duty.map(d -> "（" + (d.leader() != null ? d.leader() : d.officer()) + "）")
                        .orElse("");
    }
}
