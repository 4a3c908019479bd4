package org.pingji.testing;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pingji.grid.GridManagement;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.pingji.platform.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for sample scans ({@link GroupCommit}): request threads hand their scans to a
 * bounded queue and wait; one writer thread drains everything queued (up to {@code
 * maxBatchScans}), validates it against {@link ScanState}, writes it in one transaction and then
 * answers every waiting request. A scan is acknowledged only after its transaction committed. A
 * full queue is refused at once ({@link ScanQueueFull}, HTTP 503 with Retry-After) instead of
 * piling up threads.
 */
@Component
class ScanWriter implements SmartLifecycle, GroupCommit.Handler<ScanWriter.Command<?>> {

    private static final Logger log = LoggerFactory.getLogger(ScanWriter.class);

    /** Work for the writer thread; everything that changes a tube goes through here. */
    sealed interface Command<R> extends GroupCommit.Job<R> permits ScanCommand, SealCommand {}

    record ScanCommand(List<Scan> scans, String sampler, CompletableFuture<List<ScanOutcome>> done)
            implements Command<List<ScanOutcome>> {
        public int weight() {
            return Math.max(1, scans.size());
        }
    }

    record SealCommand(String barcode, String username, CompletableFuture<String> done) implements Command<String> {}

    private final JdbcClient jdbc;
    private final PersonDirectory persons;
    private final TestingSettings settings;
    private final Clock clock;
    private final GroupCommit<Command<?>> commits;
    private volatile ScanState state;

    ScanWriter(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            PersonDirectory persons,
            TestingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.settings = settings;
        this.clock = clock;
        this.commits = new GroupCommit<>(
                new GroupCommit.Settings(
                        "scan-writer",
                        "采样提交",
                        settings.queueCapacity(),
                        settings.maxBatchScans(),
                        settings.commitTimeout(),
                        settings.groupCommit()),
                transaction,
                this,
                ScanQueueFull::new);
    }
    /** The state of open rounds, for the writer's own batches and result processing. */
    ScanState state() {
        ScanState s = state;
        if (s == null) {
            throw new IllegalStateException("The scan writer has not started");
        }
        return s;
    }

    /**
     * Makes a round scannable at its tables once its rows have committed. Round administration
     * changes the writer's state only through this method and the ones below.
     */
    void roundOpened(long roundId, int poolSize, Instant createdAt, List<GridManagement.Site> tables) {
        ScanState s = state();
        var open = new ScanState.Round(roundId, poolSize, createdAt);
        tables.forEach(t -> open.tables.put(
                t.id(), new ScanState.Table(t.id(), t.name(), t.microGridCode(), t.path(), s.samplersOf(t.id()))));
        s.rounds.put(roundId, open);
    }

    /** Stops scans for a closed round (results may still arrive). */
    void roundClosed(long roundId) {
        ScanState.Round open = state().rounds.get(roundId);
        if (open != null) {
            open.open = false;
        }
    }

    /** Lets a sampler scan at the tables (in every open round that has them). */
    void samplerAssigned(List<Long> tableIds, String username) {
        ScanState s = state();
        tableIds.forEach(id -> s.samplersOf(id).add(username));
    }

    /** The samplers assigned to a table (a copy). */
    Set<String> samplersAt(long tableId) {
        return Set.copyOf(state().samplers.getOrDefault(tableId, Set.of()));
    }

    /** True when the sampler is assigned to the table. */
    boolean assigned(long tableId, String username) {
        return state().samplers.getOrDefault(tableId, Set.of()).contains(username);
    }

    /**
     * Writes the scans (group-committed) and returns one outcome per scan, in order. Without
     * group commit (the benchmark's baseline) every scan is its own transaction.
     */
    List<ScanOutcome> submit(List<Scan> scans, String sampler) {
        if (!settings.groupCommit() && scans.size() > 1) {
            List<ScanOutcome> outcomes = new ArrayList<>(scans.size());
            for (Scan scan : scans) {
                outcomes.addAll(submit(List.of(scan), sampler));
            }
            return outcomes;
        }
        return commits.submit(new ScanCommand(List.copyOf(scans), sampler, new CompletableFuture<>()));
    }

    /** Seals an open tube; returns the message for the sampler. */
    String seal(String barcode, String username) {
        return commits.submit(new SealCommand(barcode, username, new CompletableFuture<>()));
    }

    /** Validates the batch against the state and writes it (in the group commit's transaction). */
    @Override
    public Runnable write(List<Command<?>> batch) {
        Set<Long> personIds = new HashSet<>();
        Set<String> residentIds = new HashSet<>();
        for (Command<?> c : batch) {
            if (c instanceof ScanCommand sc) {
                for (Scan s : sc.scans()) {
                    if (s.person() != null && s.person().personId() != null) {
                        personIds.add(s.person().personId());
                    } else if (s.person() != null && s.person().residentId() != null) {
                        residentIds.add(s.person().residentId());
                    }
                }
            }
        }
        Map<Long, PersonRef> byId = persons.byIds(personIds);
        Map<String, PersonRef> byResidentId = persons.byResidentIds(residentIds);
        var changes = new ScanBatch(state(), Instant.now(clock), settings.clockSkew(), byId, byResidentId);
        List<Runnable> answers = new ArrayList<>(batch.size());
        for (Command<?> c : batch) {
            switch (c) {
                case ScanCommand sc -> {
                    List<ScanOutcome> outcomes = sc.scans().stream()
                            .map(s -> changes.apply(s, sc.sampler()))
                            .toList();
                    answers.add(() -> sc.done().complete(outcomes));
                }
                case SealCommand seal -> {
                    try {
                        String message = changes.seal(seal.barcode(), seal.username());
                        answers.add(() -> seal.done().complete(message));
                    } catch (TestingRefused refused) {
                        answers.add(() -> seal.done().completeExceptionally(refused));
                    }
                }
            }
        }
        changes.write(jdbc);
        return () -> answers.forEach(Runnable::run);
    }

    /**
     * Validation changed the state before the batch rolled back: rebuild it from the database
     * and let every waiting request know (clients may safely resend: scans are idempotent).
     */
    @Override
    public boolean retryAlone(List<Command<?>> batch, RuntimeException failure) {
        log.error("Group commit of {} scan commands failed; reloading the scan state", batch.size(), failure);
        state = ScanState.load(jdbc);
        var busy = new ScanQueueFull("写入数据库失败，请稍后重试（可安全重发）");
        batch.forEach(c -> c.done().completeExceptionally(busy));
        return false;
    }

    @Override
    public void start() {
        state = ScanState.load(jdbc);
        commits.start();
        log.info(
                "Scan writer started: {} open rounds, {} tubes, {} scans",
                state.rounds.size(),
                state.tubes.size(),
                state.scanIds.size());
    }

    /** Refuses new scans, writes the queued ones, then ends the writer thread. */
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
