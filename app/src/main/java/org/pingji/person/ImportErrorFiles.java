package org.pingji.person;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.pingji.access.Caller;
import org.springframework.stereotype.Component;

/**
 * The rows an import refused, given back as a workbook in the ledger's own layout with a
 * 错误原因 column, to be corrected and imported again. Each file belongs to the user who imported
 * and is kept in memory for an hour.
 */
@Component
class ImportErrorFiles {

    static final String URL = "/api/imports/persons/errors/";

    private record Stored(String owner, Instant created, byte[] content) {}

    private final Map<String, Stored> files = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportErrorFiles(Clock clock) {
        this.clock = clock;
    }

    /** Writes the workbook and returns the path to download it from. */
    String store(
            Caller caller,
            LedgerColumns.Header header,
            Map<Integer, List<String>> badRows,
            List<ImportProblem> problems) {
        Instant now = Instant.now(clock);
        files.values().removeIf(f -> f.created().isBefore(now.minusSeconds(3600)));
        String id = UUID.randomUUID().toString();
        files.put(id, new Stored(caller.username(), now, workbook(header, badRows, problems)));
        return URL + id;
    }

    /** The caller's file; other users' files do not exist for them. */
    Optional<byte[]> find(Caller caller, String id) {
        return Optional.ofNullable(files.get(id))
                .filter(f -> f.owner().equals(caller.username()))
                .map(Stored::content);
    }

    static byte[] workbook(
            LedgerColumns.Header header, Map<Integer, List<String>> badRows, List<ImportProblem> problems) {
        Map<Integer, String> reasons = new HashMap<>();
        problems.stream()
                .collect(Collectors.groupingBy(
                        ImportProblem::row,
                        Collectors.mapping(p -> p.column() + "：" + p.message(), Collectors.joining("；"))))
                .forEach(reasons::put);
        var out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Pingji", "1.0");
            Worksheet ws = wb.newWorksheet("未导入的行");
            List<String> headers = header.cells();
            ws.value(0, 0, "原行号");
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c + 1, headers.get(c));
                ws.width(c + 1, 18);
            }
            int reasonColumn = headers.size() + 1;
            ws.value(0, reasonColumn, "错误原因");
            ws.width(reasonColumn, 60);
            ws.range(0, 0, 0, reasonColumn).style().bold().fillColor("FCE4D6").set();
            int r = 1;
            for (var bad : badRows.entrySet()) {
                ws.value(r, 0, bad.getKey());
                List<String> cells = bad.getValue() == null ? List.of() : bad.getValue();
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                        ws.value(r, c + 1, cells.get(c));
                    }
                }
                ws.value(r, reasonColumn, reasons.getOrDefault(bad.getKey(), ""));
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
