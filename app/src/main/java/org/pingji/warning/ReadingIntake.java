package org.pingji.warning;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.pingji.platform.GroupCommit;
import org.pingji.platform.ServiceBusy;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readings in: messages from MQTT and the readings API are queued and written in batches (one
 * transaction every few milliseconds, {@link GroupCommit}); a message is answered (its MQTT
 * acknowledgement sent) only after the commit. In the same transaction each new reading is
 * checked against its sensor's thresholds (alarms raised, raised a level, cleared with hysteresis),
 * impossible values raise a FAULT, any message of a sensor ends its STALE alarm. A reading older
 * than the sensor's last one, hours late or from the future is stored with a flag and changes no
 * alarm. Messages that are not readings are counted per problem and sensor.
 */
@Component
class ReadingIntake implements SmartLifecycle, GroupCommit.Handler<ReadingIntake.Job> {

    record Job(Incoming message, CompletableFuture<Outcome> done) implements GroupCommit.Job<Outcome> {}

    /** What became of one message. */
    enum Outcome {
        STORED,
        DUPLICATE,
        FLAGGED,
        FAULT,
        PROBLEM
    }

    /** What the intake knows of a sensor's latest messages (arrival time for the stale check). */
    record Seen(Instant lastAt, Instant lastReceived) {}

    private static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(60);

    private final Sensors sensors;
    private final ReadingStore store;
    private final Alarms alarms;
    private final AlarmFeed feed;
    private final Clock clock;
    private final GroupCommit<Job> commits;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile boolean seenLoaded;

    ReadingIntake(
            Sensors sensors,
            ReadingStore store,
            Alarms alarms,
            AlarmFeed feed,
            TransactionTemplate transaction,
            Clock clock) {
        this.sensors = sensors;
        this.store = store;
        this.alarms = alarms;
        this.feed = feed;
        this.clock = clock;
        this.commits = new GroupCommit<>(
                new GroupCommit.Settings("reading-writer", "传感器读数", 50_000, 5_000, Duration.ofSeconds(30), true),
                transaction,
                this,
                ServiceBusy::new);
    }

    /** Queues a message without waiting for its commit (MQTT: acknowledged when the future completes). */
    CompletableFuture<Outcome> offer(Incoming message) throws InterruptedException {
        return commits.submitLater(new Job(message, new CompletableFuture<>()));
    }

    /** Queues a message and waits for its commit (readings API). */
    Outcome submit(Incoming message) {
        return commits.submit(new Job(message, new CompletableFuture<>()));
    }

    /** The latest message times of every sensor that sent one since start or before. */
    Map<String, Seen> seen() {
        loadSeen();
        return seen;
    }

    private void loadSeen() {
        if (!seenLoaded) {
            synchronized (this) {
                if (!seenLoaded) {
                    store.latest().forEach((code, r) -> seen.putIfAbsent(code, new Seen(r.at(), r.receivedAt())));
                    seenLoaded = true;
                }
            }
        }
    }

    @Override
    public Runnable write(List<Job> batch) {
        loadSeen();
        Instant now = Instant.now(clock);
        Map<Job, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> problemCounts = new HashMap<>();
        Map<String, Map<String, Incoming>> problemLast = new HashMap<>();
        List<ReadingStore.Row> rows = new ArrayList<>();
        Map<String, Job> jobOfRow = new HashMap<>();
        Set<String> touched = new HashSet<>();
        Set<String> noValue = new HashSet<>();
        for (Job job : batch) {
            Incoming m = job.message();
            Sensor s = sensors.find(m.sensorCode()).orElse(null);
            String problem = s == null ? "UNKNOWN_SENSOR" : m.problem();
            if (problem != null) {
                problemCounts.computeIfAbsent(problem, k -> new HashMap<>()).merge(m.sensorCode(), 1, Integer::sum);
                problemLast.computeIfAbsent(problem, k -> new HashMap<>()).put(m.sensorCode(), m);
                outcomes.put(job, Outcome.PROBLEM);
                if (s != null && "NO_VALUE".equals(problem)) {
                    noValue.add(s.code());
                    touched.add(s.code());
                }
                continue;
            }
            Instant at = m.at().truncatedTo(ChronoUnit.MICROS);
            ReadingStore.Row row = new ReadingStore.Row(s.code(), at, m.value(), now, flag(s, at, m.value(), now));
            String key = ReadingStore.key(s.code(), at);
            if (jobOfRow.putIfAbsent(key, job) != null) {
                outcomes.put(job, Outcome.DUPLICATE);
                continue;
            }
            rows.add(row);
            touched.add(s.code());
        }
        Set<String> inserted = store.insert(rows);
        store.countProblems(problemLast, problemCounts, now);
        List<AlarmFeed.Change> changes = new ArrayList<>();
        Map<String, Map<String, Alarms.Active>> active = alarms.active(touched);
        rows.sort(Comparator.comparing(ReadingStore.Row::at));
        for (ReadingStore.Row r : rows) {
            String key = ReadingStore.key(r.sensorCode(), r.at());
            Job job = jobOfRow.get(key);
            if (!inserted.contains(key)) {
                outcomes.put(job, Outcome.DUPLICATE);
                continue;
            }
            Sensor s = sensors.find(r.sensorCode()).orElseThrow();
            Map<String, Alarms.Active> mine = active.computeIfAbsent(s.code(), k -> new HashMap<>());
            Seen before = seen.get(s.code());
            seen.put(
                    s.code(),
                    new Seen(
                            r.flag() == null
                                            && (before == null
                                                    || before.lastAt() == null
                                                    || r.at().isAfter(before.lastAt()))
                                    ? r.at()
                                    : before == null ? null : before.lastAt(),
                            now));
            Alarms.Active stale = mine.remove("STALE");
            if (stale != null) {
                alarms.clear(stale.id(), r.value(), now);
                changes.add(new AlarmFeed.Change(stale.id(), s.path()));
            }
            if ("FAULT".equals(r.flag())) {
                if (!mine.containsKey("FAULT")) {
                    alarms.raise(s, "FAULT", AlarmLevel.FAULT, r.value(), now).ifPresent(id -> {
                        mine.put("FAULT", new Alarms.Active(id, s.code(), "FAULT", AlarmLevel.FAULT));
                        changes.add(new AlarmFeed.Change(id, s.path()));
                    });
                }
                outcomes.put(job, Outcome.FAULT);
                continue;
            }
            if (r.flag() != null) {
                outcomes.put(job, Outcome.FLAGGED);
                continue;
            }
            Alarms.Active fault = mine.remove("FAULT");
            if (fault != null) {
                alarms.clear(fault.id(), r.value(), now);
                changes.add(new AlarmFeed.Change(fault.id(), s.path()));
            }
            threshold(s, r.value(), mine, now, changes);
            outcomes.put(job, Outcome.STORED);
        }
        for (String code : noValue) {
            Sensor s = sensors.find(code).orElseThrow();
            Map<String, Alarms.Active> mine = active.computeIfAbsent(code, k -> new HashMap<>());
            if (!mine.containsKey("FAULT")) {
                alarms.raise(s, "FAULT", AlarmLevel.FAULT, null, now).ifPresent(id -> {
                    mine.put("FAULT", new Alarms.Active(id, code, "FAULT", AlarmLevel.FAULT));
                    changes.add(new AlarmFeed.Change(id, s.path()));
                });
            }
        }
        return () -> {
            outcomes.forEach((job, outcome) -> job.done().complete(outcome));
            feed.publish(changes);
        };
    }

    private void threshold(
            Sensor s, double value, Map<String, Alarms.Active> mine, Instant now, List<AlarmFeed.Change> changes) {
        AlarmLevel level = s.levelOf(value);
        Alarms.Active current = mine.get("THRESHOLD");
        if (current == null) {
            if (level != null) {
                alarms.raise(s, "THRESHOLD", level, value, now).ifPresent(id -> {
                    mine.put("THRESHOLD", new Alarms.Active(id, s.code(), "THRESHOLD", level));
                    changes.add(new AlarmFeed.Change(id, s.path()));
                });
            }
        } else if (level != null && level.compareTo(current.level()) > 0) {
            alarms.levelUp(current.id(), level, value, now);
            mine.put("THRESHOLD", new Alarms.Active(current.id(), s.code(), "THRESHOLD", level));
            changes.add(new AlarmFeed.Change(current.id(), s.path()));
        } else if (s.clears(current.level(), value)) {
            alarms.clear(current.id(), value, now);
            mine.remove("THRESHOLD");
            changes.add(new AlarmFeed.Change(current.id(), s.path()));
        } else {
            alarms.notePeak(current.id(), value);
        }
    }

    /** FAULT for an impossible value, FUTURE ahead of the clock, LATE behind the last or hours old. */
    private String flag(Sensor s, Instant at, double value, Instant now) {
        if (s.kind().impossible(value)) {
            return "FAULT";
        }
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return "FUTURE";
        }
        Seen before = seen.get(s.code());
        if ((before != null && before.lastAt() != null && !at.isAfter(before.lastAt()))
                || at.isBefore(now.minusSeconds(Math.max(3600, 2L * s.pollSeconds())))) {
            return "LATE";
        }
        return null;
    }

    @Override
    public void start() {
        commits.start();
    }

    @Override
    @PreDestroy
    public void stop() {
        commits.stop();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }

    @Override
    public int getPhase() {
        // Started before the MQTT subscriber and stopped after it, so no message finds it stopped.
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
