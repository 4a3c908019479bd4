package org.pingji.person;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a ledger while it is still being read and checked: checked rows go in chunks to a writer
 * thread that holds one transaction open, checks each chunk's IDs against the register and copies
 * it in. The database works while the sheet is parsed instead of after it (on two cores the write
 * was the half that waited). Only the import's end decides: with no problem anywhere the
 * transaction commits; otherwise it rolls back, so nothing is half-written, and the caller writes
 * the good rows again if asked to ({@link ImportMode#GOOD_ROWS}).
 */
@Component
class LedgerStream {

    /** What the writer found and did: register duplicates, every row's ID hash, the write if committed. */
    record Outcome(List<ImportProblem> duplicates, byte[][] hashes, LedgerWriter.Written written) {}

    private record Chunk(List<LedgerRows.ValidRow> rows, boolean writable) {}

    private record End(boolean commit) {}

    private final TransactionTemplate transaction;
    private final LedgerWriter writer;
    private final LedgerDuplicates duplicates;

    /** Rows per chunk; package-private so that a test can make every chunk small. */
    int chunkSize = 10_000;

    LedgerStream(TransactionTemplate transaction, LedgerWriter writer, LedgerDuplicates duplicates) {
        this.transaction = transaction;
        this.writer = writer;
        this.duplicates = duplicates;
    }

    Session start(UnaryOperator<String> header) {
        return new Session(header, chunkSize);
    }

    /** One import's stream; closing it without {@link #finish} rolls the write back. */
    final class Session implements AutoCloseable {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        private final CompletableFuture<Outcome> done = new CompletableFuture<>();
        private final int size;
        private List<LedgerRows.ValidRow> buffer = new ArrayList<>();
        private boolean ended;

        private Session(UnaryOperator<String> header, int size) {
            this.size = size;
            Thread.ofPlatform().name("ledger-writer").daemon(true).start(() -> run(header));
        }

        /** A checked row; {@code writable} is false once any row had a problem. */
        void add(LedgerRows.ValidRow row, boolean writable) {
            buffer.add(row);
            if (buffer.size() >= size) {
                send(new Chunk(buffer, writable));
                buffer = new ArrayList<>();
            }
        }

        /** Sends the last rows and the decision, then waits for the writer. */
        Outcome finish(boolean commit) {
            if (!buffer.isEmpty()) {
                send(new Chunk(buffer, commit));
                buffer = new ArrayList<>();
            }
            send(new End(commit));
            ended = true;
            return await();
        }

        @Override
        public void close() {
            if (!ended) {
                ended = true;
                try {
                    send(new End(false));
                    await();
                } catch (RuntimeException e) {
                    // the write is rolled back either way; the import's own error is what counts
                }
            }
        }

        private void send(Object message) {
            try {
                while (!queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
                    if (done.isDone()) {
                        await(); // the writer failed: its error, not a hang
                        throw new IllegalStateException("ledger writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted", e);
            }
        }

        private Outcome await() {
            try {
                return done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        private void run(UnaryOperator<String> header) {
            try {
                done.complete(transaction.execute(status -> {
                    List<ImportProblem> found = new ArrayList<>();
                    List<byte[]> hashes = new ArrayList<>();
                    LedgerWriter.Tally tally = new LedgerWriter.Tally();
                    boolean writing = true;
                    while (true) {
                        Object message = take();
                        if (message instanceof Chunk chunk) {
                            var checked = duplicates.check(chunk.rows(), header);
                            found.addAll(checked.problems());
                            hashes.addAll(List.of(checked.hashes()));
                            writing &= chunk.writable() && found.isEmpty();
                            if (writing) {
                                writer.writeChunk(chunk.rows(), checked.hashes(), tally);
                            }
                        } else {
                            boolean commit = ((End) message).commit() && writing;
                            LedgerWriter.Written written = commit ? writer.finish(tally) : null;
                            if (!commit) {
                                status.setRollbackOnly();
                            }
                            return new Outcome(found, hashes.toArray(byte[][]::new), written);
                        }
                    }
                }));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }

        private Object take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted", e);
            }
        }
    }
}
