package org.pingji.person;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.person.LedgerSheets.SheetRow;
import org.springframework.stereotype.Component;

/**
 * Imports a person ledger (xlsx, xls or csv) as communities keep it: the sheet is streamed row by
 * row, the header row is found below any title rows by its Chinese synonyms, every row is checked,
 * resident IDs are checked against the database in bulk, and then either nothing is written (any
 * problem, {@link ImportMode#ALL_OR_NOTHING}) or the good rows are ({@link ImportMode#GOOD_ROWS},
 * the bad ones go back as a workbook).
 */
@Component
class LedgerImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerImport.class);

    static final int MAX_REPORTED = 1_000;
    private static final int HEADER_SEARCH_ROWS = 30;

    /** Progress of an import for the progress bar: rows read and the current phase. */
    interface Progress {
        void update(String phase, int rowsRead);

        Progress NONE = (phase, rows) -> {};
    }

    /** What to import into and how; {@code region} null means each row names its micro-grid. */
    record Request(String region, ImportMode mode) {}

    private final GridManagement grid;
    private final LedgerWriter writer;
    private final LedgerDuplicates duplicates;
    private final ImportErrorFiles errorFiles;
    private final PersonalDataVault vault;
    private final AccessManagement access;
    private final Clock clock;

    LedgerImport(
            GridManagement grid,
            LedgerWriter writer,
            LedgerDuplicates duplicates,
            ImportErrorFiles errorFiles,
            PersonalDataVault vault,
            AccessManagement access,
            Clock clock) {
        this.grid = grid;
        this.writer = writer;
        this.duplicates = duplicates;
        this.errorFiles = errorFiles;
        this.vault = vault;
        this.access = access;
        this.clock = clock;
    }

    /** Copies an upload to a temporary file (the readers need random access) and imports it. */
    ImportResult importStream(Caller caller, InputStream in, Request request, Progress progress) throws IOException {
        Path file = Files.createTempFile("pingji-import", ".ledger");
        try {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return importFile(caller, file, request, progress);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    ImportResult importFile(Caller caller, Path file, Request request, Progress progress) throws IOException {
        caller.require(Permission.LEDGER_IMPORT);
        Region target = request.region() == null || request.region().isBlank()
                ? null
                : grid.region(caller, request.region().trim());
        if (Files.size(file) == 0) {
            return ImportResult.failed(new ImportProblem(0, "文件", "", "文件为空"));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<LedgerRows.ValidRow> valid = new ArrayList<>();
        Map<Integer, List<String>> badRows = new java.util.TreeMap<>();
        HexFormat hex = HexFormat.of();
        int read = 0;
        long started = System.nanoTime();
        // One thread parses the file, this one checks the rows: the two halves overlap on two cores.
        BlockingQueue<SheetRow> queue = new ArrayBlockingQueue<>(10_000);
        var reader = new CompletableFuture<Void>();
        Thread.ofPlatform().name("ledger-reader").daemon(true).start(() -> readSheet(file, queue, reader));
        LedgerColumns.Header header = null;
        LedgerRows rows = null;
        try {
            for (SheetRow row = queue.take(); row != SheetRow.END; row = queue.take()) {
                if (++read % 5_000 == 0) {
                    progress.update("READING", read);
                }
                if (header == null) {
                    if (row.number() <= HEADER_SEARCH_ROWS) {
                        header = LedgerColumns.find(row.number(), row.cells()).orElse(null);
                        if (header != null) {
                            rows = new LedgerRows(
                                    caller,
                                    grid::findRegion,
                                    LocalDate.now(clock),
                                    target,
                                    header,
                                    v -> hex.formatHex(vault.hash(v), 0, 12));
                        }
                    }
                    continue;
                }
                if (rows.skip(row.cells())) {
                    continue;
                }
                int before = problems.size();
                rows.check(row.number(), row.cells(), problems).ifPresent(valid::add);
                if (problems.size() > before) {
                    badRows.put(row.number(), row.cells());
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (CompletionException e) {
            log.info("Import: unreadable file: {}", e.getCause().toString());
            return ImportResult.failed(new ImportProblem(0, "文件", "", "无法读取该文件：请上传 Excel（xlsx、xls）或 CSV 文件"));
        }
        if (header == null) {
            return ImportResult.failed(
                    new ImportProblem(0, "表头", "", "前%d行中没有找到包含「姓名」和「身份证号」的表头行".formatted(HEADER_SEARCH_ROWS)));
        }
        log.info("Import: {} rows read and checked in {} ms", read, (System.nanoTime() - started) / 1_000_000);
        if (valid.isEmpty() && problems.isEmpty()) {
            return ImportResult.failed(new ImportProblem(0, "文件", "", "文件中没有数据行"));
        }
        progress.update("CHECKING", read);
        var checked = duplicates.check(valid, rows::header);
        checked.problems().forEach(p -> badRows.putIfAbsent(p.row(), null));
        problems.addAll(checked.problems());
        List<LedgerRows.ValidRow> good = valid;
        byte[][] hashes = checked.hashes();
        if (!checked.problems().isEmpty()) {
            List<LedgerRows.ValidRow> keep = new ArrayList<>(valid.size());
            List<byte[]> keepHashes = new ArrayList<>(valid.size());
            for (int i = 0; i < valid.size(); i++) {
                if (badRows.containsKey(valid.get(i).row())) {
                    badRows.put(valid.get(i).row(), valid.get(i).cells());
                } else {
                    keep.add(valid.get(i));
                    keepHashes.add(hashes[i]);
                }
            }
            good = keep;
            hashes = keepHashes.toArray(byte[][]::new);
        }
        problems.sort(Comparator.comparingInt(ImportProblem::row));
        List<ImportProblem> reported = List.copyOf(problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
        boolean writeGood = request.mode() == ImportMode.GOOD_ROWS && !good.isEmpty();
        if (!problems.isEmpty() && !writeGood) {
            return new ImportResult(0, badRows.size(), reported, problems.size(), 0, 0, header.unknown(), null);
        }
        progress.update("WRITING", read);
        long writing = System.nanoTime();
        LedgerWriter.Written written = writer.write(good, hashes);
        log.info(
                "Import: {} persons in {} households written in {} ms",
                good.size(),
                written.households(),
                (System.nanoTime() - writing) / 1_000_000);
        access.audit(
                caller,
                "LEDGER_IMPORT",
                "REGION",
                target == null ? null : target.code(),
                "%d persons, %d households (%d unassigned), %d rows rejected"
                        .formatted(good.size(), written.households(), written.unassigned(), badRows.size()));
        String errorFile = problems.isEmpty() ? null : errorFiles.store(caller, header, badRows, problems);
        progress.update("DONE", read);
        return new ImportResult(
                good.size(),
                badRows.size(),
                reported,
                problems.size(),
                written.households(),
                written.unassigned(),
                header.unknown(),
                errorFile);
    }

    /** Streams the first sheet into the queue; a broken file completes {@code done} exceptionally. */
    private static void readSheet(Path file, BlockingQueue<SheetRow> queue, CompletableFuture<Void> done) {
        try {
            LedgerSheets.read(file, queue::put);
            done.complete(null);
        } catch (Exception | LinkageError e) {
            done.completeExceptionally(e);
        } finally {
            try {
                queue.put(SheetRow.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
