package org.pingji.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Lab result files (XLSX or CSV, UTF-8): a header row with 试管条码 (or 条码), 结果, optional Ct值
 * and 报告时间, then one tube per row. Every row is checked; any problem rejects the whole file
 * and is reported as (row, column, value, message).
 */
@Component
class ResultFiles {

    /** One problem in an uploaded file; row numbers are as the user sees them (1-based). */
    record RowError(int row, String column, String value, String message) {}

    /** What an upload did: with any error nothing was written. */
    record UploadReport(int accepted, int rejected, int conflicts, List<RowError> errors) {}

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private final TestingManagement testing;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    ResultFiles(TestingManagement testing) {
        this.testing = testing;
    }

    UploadReport upload(Caller caller, MultipartFile file) throws IOException {
        caller.require(Permission.LAB_REPORT);
        if (file == null || file.isEmpty()) {
            return fileError("文件为空");
        }
        List<String[]> rows;
        byte[] head = file.getInputStream().readNBytes(4);
        try (InputStream in = file.getInputStream()) {
            rows = head.length >= 2 && head[0] == 'P' && head[1] == 'K' ? readXlsx(in) : readCsv(in);
        } catch (IOException | RuntimeException e) {
            return fileError("文件无法读取：请上传 xlsx 或 UTF-8 编码的 csv 文件");
        }
        int headerIndex = -1;
        int[] columns = null;
        for (int i = 0; i < Math.min(rows.size(), 20) && headerIndex < 0; i++) {
            columns = headerColumns(rows.get(i));
            if (columns[0] >= 0 && columns[1] >= 0) {
                headerIndex = i;
            }
        }
        if (headerIndex < 0) {
            return fileError("未找到表头：需要「试管条码」和「结果」两列");
        }
        List<RowError> errors = new ArrayList<>();
        List<ResultReport> reports = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (java.util.Arrays.stream(row).allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int rowNo = i + 1;
            String barcode = cell(row, columns[0]);
            ResultReport.Result result = parseResult(cell(row, columns[1]));
            if (result == null) {
                errors.add(new RowError(rowNo, "结果", cell(row, columns[1]), "结果须为阴性、阳性或无效"));
            }
            BigDecimal ct = null;
            String ctText = cell(row, columns[2]);
            if (!ctText.isBlank()) {
                try {
                    ct = new BigDecimal(ctText.trim());
                } catch (NumberFormatException e) {
                    errors.add(new RowError(rowNo, "Ct值", ctText, "Ct值须为数字"));
                }
            }
            Instant at = null;
            String atText = cell(row, columns[3]);
            if (!atText.isBlank()) {
                try {
                    at = atText.contains("T")
                            ? Instant.parse(atText.trim())
                            : LocalDateTime.parse(atText.trim(), LOCAL)
                                    .atZone(zone)
                                    .toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(rowNo, "报告时间", atText, "时间格式应为 yyyy-MM-dd HH:mm"));
                }
            }
            reports.add(new ResultReport(barcode, result, ct, at));
            rowNumbers.add(rowNo);
        }
        if (reports.isEmpty() && errors.isEmpty()) {
            return fileError("文件中没有结果行");
        }
        if (!errors.isEmpty()) {
            return new UploadReport(
                    0, (int) errors.stream().map(RowError::row).distinct().count(), 0, errors);
        }
        List<ResultOutcome> outcomes = testing.recordResults(caller, reports, true);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).outcome() == ResultOutcome.Outcome.REJECTED) {
                errors.add(new RowError(
                        rowNumbers.get(i),
                        "试管条码",
                        reports.get(i).tubeBarcode(),
                        outcomes.get(i).message()));
            }
        }
        if (!errors.isEmpty()) {
            return new UploadReport(0, errors.size(), 0, errors);
        }
        int conflicts = (int) outcomes.stream()
                .filter(o -> o.outcome() == ResultOutcome.Outcome.CONFLICT)
                .count();
        return new UploadReport(outcomes.size() - conflicts, 0, conflicts, List.of());
    }

    private static UploadReport fileError(String message) {
        return new UploadReport(0, 0, 0, List.of(new RowError(0, "文件", "", message)));
    }

    private static int[] headerColumns(String[] row) {
        int[] columns = {-1, -1, -1, -1};
        for (int c = 0; c < row.length; c++) {
            String h = row[c] == null ? "" : row[c].trim().replace("*", "").toLowerCase(Locale.ROOT);
            switch (h) {
                case "试管条码", "条码", "tubebarcode", "barcode" -> columns[0] = c;
                case "结果", "检测结果", "result" -> columns[1] = c;
                case "ct值", "ct", "ctvalue" -> columns[2] = c;
                case "报告时间", "reportedat" -> columns[3] = c;
                default -> {}
            }
        }
        return columns;
    }

    private static String cell(String[] row, int column) {
        return column < 0 || column >= row.length || row[column] == null ? "" : row[column].trim();
    }

    static ResultReport.Result parseResult(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "阴性", "NEGATIVE", "NEG", "-" -> ResultReport.Result.NEGATIVE;
            case "阳性", "POSITIVE", "POS", "+" -> ResultReport.Result.POSITIVE;
            case "无效", "INVALID" -> ResultReport.Result.INVALID;
            default -> null;
        };
    }

    private static List<String[]> readXlsx(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            try (var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach(row -> rows.add(toCells(row)));
            }
        }
        return rows;
    }

    private static String[] toCells(Row row) {
        String[] cells = new String[row.getCellCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.getCellAsString(i).orElse("");
        }
        return cells;
    }

    private static List<String[]> readCsv(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (rows.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.indexOf('\u0000') >= 0) {
                    throw new IOException("binary content");
                }
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
