package org.pingji.person;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.HouseholdKey;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a person ledger from XLSX: the sheet is streamed row by row, the header row is found
 * below any title rows, every row is checked, resident IDs are checked against the database in
 * bulk, and only a file without a single problem is written — households and persons with
 * {@code COPY} in one transaction.
 */
@Component
class LedgerImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerImport.class);

    static final int MAX_REPORTED = 1_000;
    private static final int HEADER_SEARCH_ROWS = 20;

    /** Progress of an import for the progress bar: rows read and the current phase. */
    interface Progress {
        void update(String phase, int rowsRead);

        Progress NONE = (phase, rows) -> {};
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final PersonManagement persons;
    private final PersonalDataVault vault;
    private final AccessManagement access;
    private final Clock clock;

    LedgerImport(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            GridManagement grid,
            PersonManagement persons,
            PersonalDataVault vault,
            AccessManagement access,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.grid = grid;
        this.persons = persons;
        this.vault = vault;
        this.access = access;
        this.clock = clock;
    }

    /** Copies an upload to a temporary file (the reader needs random access) and imports it. */
    ImportResult importStream(Caller caller, InputStream in, Progress progress) throws IOException {
        File file = Files.createTempFile("pingji-import", ".xlsx").toFile();
        try {
            Files.copy(in, file.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return importFile(caller, file, progress);
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    ImportResult importFile(Caller caller, File file, Progress progress) {
        caller.require(Permission.LEDGER_IMPORT);
        if (file.length() == 0) {
            return failed(new ImportProblem(0, "文件", "", "文件为空"));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<LedgerRows.ValidRow> valid = new ArrayList<>();
        LedgerRows rows = new LedgerRows(caller, grid::findRegion, LocalDate.now(clock));
        AtomicInteger read = new AtomicInteger();
        long started = System.nanoTime();
        // One thread parses the sheet's XML, this one checks the rows: the two halves of the
        // work overlap on two cores.
        BlockingQueue<SheetRow> queue = new ArrayBlockingQueue<>(10_000);
        var reader = new CompletableFuture<Void>();
        Thread.ofPlatform().name("ledger-reader").daemon(true).start(() -> readSheet(file, queue, reader));
        Map<String, Integer> columns = null;
        boolean incomplete = false;
        try {
            for (SheetRow row = queue.take(); row != SheetRow.END; row = queue.take()) {
                int n = read.incrementAndGet();
                if (n % 5_000 == 0) {
                    progress.update("READING", n);
                }
                if (columns == null) {
                    if (row.number() <= HEADER_SEARCH_ROWS) {
                        Map<String, Integer> found = LedgerColumns.find(row.cells());
                        if (!found.isEmpty()) {
                            columns = found;
                            for (String c : LedgerColumns.REQUIRED) {
                                if (!found.containsKey(c)) {
                                    problems.add(new ImportProblem(row.number(), c, "", "缺少必填列「%s」".formatted(c)));
                                }
                            }
                            // Without all required columns every row would fail the same way: report the columns only.
                            incomplete = !problems.isEmpty();
                        }
                    }
                    continue;
                }
                if (incomplete || row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                rows.check(row.number(), columns, row.cells(), problems).ifPresent(valid::add);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (java.util.concurrent.CompletionException e) {
            return failed(new ImportProblem(0, "文件", "", "文件不是有效的 Excel（xlsx）文件，请用模板填写后上传"));
        }
        if (columns == null) {
            return failed(new ImportProblem(0, "表头", "", "前%d行中没有找到包含「姓名」和「身份证号」的表头行".formatted(HEADER_SEARCH_ROWS)));
        }
        log.info("Import: {} rows read and checked in {} ms", read.get(), (System.nanoTime() - started) / 1_000_000);
        if (valid.isEmpty() && problems.isEmpty()) {
            return failed(new ImportProblem(0, "文件", "", "文件中没有数据行"));
        }
        progress.update("CHECKING", read.get());
        problems.addAll(alreadyRegistered(valid));
        if (!problems.isEmpty()) {
            int rejected =
                    (int) problems.stream().map(ImportProblem::row).distinct().count();
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
            return new ImportResult(
                    0,
                    rejected,
                    List.copyOf(problems.subList(0, Math.min(MAX_REPORTED, problems.size()))),
                    problems.size(),
                    0);
        }
        progress.update("WRITING", read.get());
        long writing = System.nanoTime();
        int households = write(valid);
        log.info(
                "Import: {} persons in {} households written in {} ms",
                valid.size(),
                households,
                (System.nanoTime() - writing) / 1_000_000);
        access.audit(
                caller,
                "LEDGER_IMPORT",
                "FILE",
                null,
                "%d persons, %d new households".formatted(valid.size(), households));
        progress.update("DONE", read.get());
        return new ImportResult(valid.size(), 0, List.of(), 0, households);
    }

    /** A sheet row handed from the reader thread; {@link #END} ends the sheet. */
    private record SheetRow(int number, List<String> cells) {
        static final SheetRow END = new SheetRow(-1, List.of());
    }

    /** Streams the first sheet into the queue; a broken file completes {@code done} exceptionally. */
    private static void readSheet(File file, BlockingQueue<SheetRow> queue, CompletableFuture<Void> done) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file);
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                queue.put(new SheetRow(row.getRowNum(), cells(row)));
            }
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        } finally {
            try {
                queue.put(SheetRow.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ImportResult failed(ImportProblem problem) {
        return new ImportResult(0, 0, List.of(problem), 1, 0);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.hasCell(i) && row.getCell(i) != null ? row.getCell(i).getText() : "");
        }
        return cells;
    }

    /** Rows whose resident ID is registered already: one query per 10,000 IDs. */
    private List<ImportProblem> alreadyRegistered(List<LedgerRows.ValidRow> valid) {
        List<ImportProblem> problems = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (int from = 0; from < valid.size(); from += 10_000) {
            List<LedgerRows.ValidRow> chunk = valid.subList(from, Math.min(valid.size(), from + 10_000));
            Map<String, LedgerRows.ValidRow> byHash = new HashMap<>(chunk.size() * 2);
            byte[][] hashes = new byte[chunk.size()][];
            for (int i = 0; i < chunk.size(); i++) {
                hashes[i] = vault.hash(chunk.get(i).residentId().value());
                byHash.put(hex.formatHex(hashes[i]), chunk.get(i));
            }
            jdbc.sql("select id_hash from person.persons where id_hash = any(?)")
                    .param(hashes)
                    .query(rs -> {
                        LedgerRows.ValidRow row = byHash.get(hex.formatHex(rs.getBytes(1)));
                        problems.add(new ImportProblem(
                                row.row(),
                                LedgerColumns.RESIDENT_ID,
                                row.residentId().masked(),
                                "身份证号已登记"));
                    });
        }
        return problems;
    }

    /** Households first (found or created), then persons by COPY; returns the households involved. */
    private int write(List<LedgerRows.ValidRow> valid) {
        return transaction.execute(status -> {
            Map<HouseholdKey, String> addresses = new HashMap<>();
            valid.forEach(r -> addresses.merge(
                    new HouseholdKey(r.microGrid().code(), r.householdKey()),
                    r.address() == null ? "" : r.address(),
                    (a, b) -> a.isEmpty() ? b : a));
            Map<HouseholdKey, Long> households = grid.ensureHouseholds(addresses);
            Map<String, Long> perGrid = new HashMap<>();
            for (int from = 0; from < valid.size(); from += 20_000) {
                List<LedgerRows.ValidRow> chunk = valid.subList(from, Math.min(valid.size(), from + 20_000));
                long[] ids = persons.allocateIds(chunk.size());
                var rows = new PgCopy.Rows();
                for (int i = 0; i < chunk.size(); i++) {
                    LedgerRows.ValidRow r = chunk.get(i);
                    Long household =
                            households.get(new HouseholdKey(r.microGrid().code(), r.householdKey()));
                    NewPerson person =
                            new NewPerson(r.name(), null, null, r.microGrid().code(), household, r.residence());
                    persons.appendRow(rows, ids[i], person, r.residentId(), r.phone(), r.microGrid());
                    perGrid.merge(r.microGrid().code(), 1L, Long::sum);
                }
                PgCopy.copy(dataSource, PersonManagement.PERSON_COPY_COLUMNS, rows);
            }
            grid.adjustPopulation(perGrid);
            return (int) households.size();
        });
    }
}
