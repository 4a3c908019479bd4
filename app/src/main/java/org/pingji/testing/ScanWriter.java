package org.pingji.testing;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pingji.grid.GridManagement;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for sample scans. Request threads hand their scans to a bounded queue and wait;
 * one writer thread drains everything queued (up to {@code maxBatchScans}), validates it against
 * {@link ScanState}, writes it in one transaction and then answers every waiting request. A
 * scan is acknowledged only after its transaction committed. A full queue is refused at once
 * ({@link ScanQueueFull}, HTTP 503 with Retry-After) instead of piling up threads.
 */
@Component
class ScanWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanWriter.class);

    /** Work for the writer thread; everything that changes a tube goes through here. */
    sealed interface Command permits ScanCommand, SealCommand {
        int weight();
    }

    record ScanCommand(List<Scan> scans, String sampler, CompletableFuture<List<ScanOutcome>> done) implements Command {
        public int weight() {
            return Math.max(1, scans.size());
        }
    }

    record SealCommand(String barcode, String username, CompletableFuture<String> done) implements Command {
        public int weight() {
            return 1;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PersonDirectory persons;
    private final TestingSettings settings;
    private final Clock clock;
    private final BlockingQueue<Command> queue;
    private final Semaphore capacity;
    private volatile ScanState state;
    private volatile boolean running;
    private Thread thread;

    ScanWriter(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            PersonDirectory persons,
            TestingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.persons = persons;
        this.settings = settings;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.capacity = new Semaphore(settings.queueCapacity());
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

    /** Writes the scans (group-committed) and returns one outcome per scan, in order. */
    List<ScanOutcome> submit(List<Scan> scans, String sampler) {
        var command = new ScanCommand(List.copyOf(scans), sampler, new CompletableFuture<>());
        return await(enqueue(command).done());
    }

    /** Seals an open tube; returns the message for the sampler. */
    String seal(String barcode, String username) {
        return await(enqueue(new SealCommand(barcode, username, new CompletableFuture<>()))
                .done());
    }

    private <C extends Command> C enqueue(C command) {
        if (!running) {
            throw new ScanQueueFull("采样服务正在启动或停止，请稍后重试");
        }
        if (!capacity.tryAcquire(command.weight())) {
            throw new ScanQueueFull("采样提交排队已满（%d），请稍后重试".formatted(settings.queueCapacity()));
        }
        if (!queue.offer(command)) {
            capacity.release(command.weight());
            throw new ScanQueueFull("采样提交排队已满，请稍后重试");
        }
        return command;
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ScanQueueFull("写入超时，请稍后重试（已提交的扫码可安全重发）");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanQueueFull("请求被中断，请重试");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Command> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Command first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int weight = first.weight();
                Command next;
                if (settings.groupCommit()) {
                    while (weight < settings.maxBatchScans() && (next = queue.poll()) != null) {
                        batch.add(next);
                        weight += next.weight();
                    }
                    process(batch);
                } else {
                    processOneByOne(first);
                }
                capacity.release(weight);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // Validation may have changed the state before the failure: rebuild it from the
                // database and let every waiting request know (clients may safely resend).
                log.error("Scan writer failed on a batch of {} commands", batch.size(), e);
                state = ScanState.load(jdbc);
                var failure = new ScanQueueFull("处理失败，请稍后重试（可安全重发）");
                batch.forEach(c -> fail(c, failure));
                capacity.release(batch.stream().mapToInt(Command::weight).sum());
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Command> batch) {
        Set<Long> personIds = new HashSet<>();
        Set<String> residentIds = new HashSet<>();
        for (Command c : batch) {
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
        for (Command c : batch) {
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
        try {
            transaction.executeWithoutResult(status -> changes.write(jdbc));
        } catch (RuntimeException e) {
            log.error("Group commit of {} scans failed; reloading the scan state", changes.sampleCount(), e);
            state = ScanState.load(jdbc);
            var failure = new ScanQueueFull("写入数据库失败，请稍后重试（可安全重发）");
            batch.forEach(c -> fail(c, failure));
            return;
        } catch (Error e) {
            batch.forEach(c -> fail(c, new ScanQueueFull("写入数据库失败，请稍后重试")));
            throw e;
        }
        answers.forEach(Runnable::run);
    }

    /** The baseline without group commit: every scan in its own transaction. */
    private void processOneByOne(Command command) {
        if (!(command instanceof ScanCommand sc)) {
            process(List.of(command));
            return;
        }
        List<ScanOutcome> outcomes = new ArrayList<>(sc.scans().size());
        for (Scan scan : sc.scans()) {
            var single = new ScanCommand(List.of(scan), sc.sampler(), new CompletableFuture<>());
            process(List.of(single));
            try {
                outcomes.addAll(single.done().join());
            } catch (RuntimeException e) {
                sc.done().completeExceptionally(e.getCause() instanceof RuntimeException r ? r : e);
                return;
            }
        }
        sc.done().complete(outcomes);
    }

    private static void fail(Command c, RuntimeException e) {
        switch (c) {
            case ScanCommand sc -> sc.done().completeExceptionally(e);
            case SealCommand seal -> seal.done().completeExceptionally(e);
        }
    }

    @Override
    public void start() {
        state = ScanState.load(jdbc);
        running = true;
        thread = Thread.ofPlatform().name("scan-writer").daemon(false).start(this::loop);
        log.info(
                "Scan writer started: {} open rounds, {} tubes, {} scans",
                state.rounds.size(),
                state.tubes.size(),
                state.scanIds.size());
    }

    @Override
    @PreDestroy
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
