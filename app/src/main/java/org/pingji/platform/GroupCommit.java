package org.pingji.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: request threads hand their jobs to a bounded queue and wait; one drainer thread
 * takes everything queued (up to {@code maxBatchWeight}), writes it in one transaction through
 * the {@link Handler} and then answers every waiting caller. A job is answered only after its
 * transaction committed (a durable acknowledgement), or with its own error. A full queue is
 * refused at once with the busy error (HTTP 503 with Retry-After) instead of piling up threads.
 * {@link #stop()} refuses new jobs, writes everything already queued and then ends the thread.
 *
 * <p>When a batch's transaction fails, the handler decides: by default every job of the batch
 * is written again alone, in its own transaction, so that only the failing job is refused (with
 * its own exception) and the others commit.
 *
 * @param <J> the jobs; each carries the future its caller waits on
 */
public final class GroupCommit<J extends GroupCommit.Job<?>> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One caller's work: the future it waits on and its weight in the queue (scans, checks). */
    public interface Job<R> {
        CompletableFuture<R> done();

        default int weight() {
            return 1;
        }
    }

    /** What the drainer does with a batch. */
    public interface Handler<J> {
        /**
         * Writes the batch inside its one transaction (validation that needs the database
         * happens here too) and returns what to answer once the transaction committed. A job
         * refused by validation is answered with its own exception through its future.
         */
        Runnable write(List<J> batch);

        /**
         * The batch's transaction failed and was rolled back. Return {@code true} to answer each
         * job on its own (a batch of several is written again job by job, each in its own
         * transaction; a job alone gets the failure itself), {@code false} to fail every job
         * not yet answered with the busy error.
         */
        default boolean retryAlone(List<J> batch, RuntimeException failure) {
            return true;
        }
    }

    /**
     * @param name the drainer thread's name
     * @param what what is written, in Chinese, for the busy messages (e.g. 采样提交)
     * @param capacity the queue's capacity in job weight
     * @param maxBatchWeight the most weight one transaction writes
     * @param commitTimeout how long a caller waits for its commit
     * @param grouped {@code false}: one job per transaction (a benchmark's baseline)
     */
    public record Settings(
            String name, String what, int capacity, int maxBatchWeight, Duration commitTimeout, boolean grouped) {
        public Settings {
            if (capacity < 1 || maxBatchWeight < 1) {
                throw new IllegalArgumentException(
                        "group commit %s: capacity and batch must be positive".formatted(name));
            }
        }
    }

    private final Settings settings;
    private final TransactionTemplate transaction;
    private final Handler<J> handler;
    private final Function<String, ? extends RuntimeException> busy;
    private final BlockingQueue<J> queue;
    private final Semaphore capacity;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param busy makes the busy error from its Chinese message (e.g. {@link ServiceBusy#ServiceBusy})
     */
    public GroupCommit(
            Settings settings,
            TransactionTemplate transaction,
            Handler<J> handler,
            Function<String, ? extends RuntimeException> busy) {
        this.settings = settings;
        this.transaction = transaction;
        this.handler = handler;
        this.busy = busy;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.capacity = new Semaphore(settings.capacity());
    }

    /** Starts the drainer thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(settings.name()).daemon(false).start(this::loop);
    }

    /** Refuses new jobs, writes the queued ones and waits (up to 10 s) for the thread to end. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        // A job offered while the thread was ending would wait for nothing: refuse it.
        for (J left; (left = queue.poll()) != null; ) {
            left.done().completeExceptionally(busy.apply(settings.what() + "服务已停止，请稍后重试"));
            capacity.release(left.weight());
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** How many jobs wait in the queue (not counting the batch being written). */
    public int queued() {
        return queue.size();
    }

    /** Queues the job and waits for its answer: its result after the commit, or its error. */
    public <R> R submit(Job<R> job) {
        @SuppressWarnings("unchecked")
        J queued = (J) job;
        enqueue(queued);
        return await(job.done());
    }

    /**
     * Queues the job and returns at once with the future answered after its commit; when the
     * queue is full, waits for room instead of refusing (backpressure for a source that cannot be
     * refused and retries by itself, such as unacknowledged MQTT messages).
     */
    public <R> CompletableFuture<R> submitLater(Job<R> job) throws InterruptedException {
        @SuppressWarnings("unchecked")
        J queued = (J) job;
        if (!running) {
            throw busy.apply(settings.what() + "服务正在启动或停止，请稍后重试");
        }
        capacity.acquire(job.weight());
        if (!queue.offer(queued)) {
            capacity.release(job.weight());
            throw busy.apply(settings.what() + "排队已满，请稍后重试");
        }
        return job.done();
    }

    private void enqueue(J job) {
        if (!running) {
            throw busy.apply(settings.what() + "服务正在启动或停止，请稍后重试");
        }
        if (!capacity.tryAcquire(job.weight())) {
            throw busy.apply("%s排队已满（%d），请稍后重试".formatted(settings.what(), settings.capacity()));
        }
        if (!queue.offer(job)) {
            capacity.release(job.weight());
            throw busy.apply(settings.what() + "排队已满，请稍后重试");
        }
    }

    private <R> R await(CompletableFuture<R> future) {
        try {
            return future.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw busy.apply("写入超时，请稍后重试");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.apply("请求被中断，请重试");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<J> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                J first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int weight = first.weight();
                J next;
                while (settings.grouped() && weight < settings.maxBatchWeight() && (next = queue.poll()) != null) {
                    batch.add(next);
                    weight += next.weight();
                }
                try {
                    commit(batch);
                } finally {
                    capacity.release(weight);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("Group commit {} failed on a batch of {} jobs", settings.name(), batch.size(), e);
                failAll(batch, "处理失败，请稍后重试");
                if (e instanceof Error error) {
                    throw error;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<J> batch) {
        Runnable answers;
        try {
            answers = transaction.execute(status -> handler.write(batch));
        } catch (RuntimeException e) {
            if (!handler.retryAlone(batch, e)) {
                log.error("Group commit {} of {} jobs failed", settings.name(), batch.size(), e);
                failAll(batch, "写入数据库失败，请稍后重试");
            } else if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
            } else {
                log.warn(
                        "Group commit {} of {} jobs failed ({}); writing each alone",
                        settings.name(),
                        batch.size(),
                        e.toString());
                batch.forEach(this::commitAlone);
            }
            return;
        }
        if (answers != null) {
            answers.run();
        }
    }

    private void commitAlone(J job) {
        try {
            Runnable answer = transaction.execute(status -> handler.write(List.of(job)));
            if (answer != null) {
                answer.run();
            }
        } catch (RuntimeException e) {
            job.done().completeExceptionally(e);
        }
    }

    private void failAll(List<J> batch, String message) {
        RuntimeException failure = busy.apply(message);
        batch.forEach(j -> j.done().completeExceptionally(failure));
    }
}
