package org.pingji.warning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.pingji.access.Caller;
import org.pingji.platform.Refusal.Kind;
import org.pingji.warning.Counts.Source;
import org.pingji.warning.WarningManagement.CountRow;
import org.springframework.stereotype.Component;

/**
 * Counts by Excel: the template (信号 | 区域代码 | 日期 | 数量, one example row) and the upload,
 * read with fastexcel from the first sheet; a bad row is refused with its sheet row number and
 * nothing of the file is written.
 */
@Component
class CountSheets {

    static final List<String> HEADERS = List.of("信号", "区域代码", "日期", "数量");
    private static final int MAX_ROWS = 50_000;

    private final WarningManagement warning;

    CountSheets(WarningManagement warning) {
        this.warning = warning;
    }

    void template(OutputStream out, List<Counts.SignalKind> catalogue, String regionCode, LocalDate day)
            throws IOException {
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("监测数据");
        Worksheet names = workbook.newWorksheet("信号目录");
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.value(0, c, HEADERS.get(c));
            sheet.width(c, c == 0 ? 30 : 14);
        }
        sheet.range(0, 0, 0, HEADERS.size() - 1)
                .style()
                .bold()
                .fillColor("DDEBF7")
                .set();
        sheet.range(1, 1, 2000, 1).style().format("@").set();
        sheet.range(1, 2, 2000, 2).style().format("yyyy-mm-dd").set();
        sheet.value(
                1,
                0,
                catalogue.isEmpty()
                        ? "pharmacy_fever_drugs"
                        : catalogue.getFirst().name());
        sheet.value(1, 1, regionCode);
        sheet.value(1, 2, day);
        sheet.value(1, 3, 0);
        names.value(0, 0, "信号");
        names.value(0, 1, "名称");
        for (int i = 0; i < catalogue.size(); i++) {
            names.value(i + 1, 0, catalogue.get(i).name());
            names.value(i + 1, 1, catalogue.get(i).label());
        }
        names.width(0, 30);
        names.width(1, 30);
        workbook.finish();
    }

    /** Reads the upload and stores it all or nothing; returns how many counts were stored. */
    int upload(Caller caller, InputStream in) {
        List<CountRow> rows = new ArrayList<>();
        int firstRow = -1;
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                if (row.getRowNum() == 1 || blank(row)) {
                    continue;
                }
                if (firstRow < 0) {
                    firstRow = row.getRowNum();
                } else if (row.getRowNum() != firstRow + rows.size()) {
                    // a blank line in the middle: keep numbering by sheet row
                    if (firstRow + rows.size() < row.getRowNum()) {
                        throw WarningRefused.row(Kind.INVALID, "row_blank", firstRow + rows.size(), "空行：请删除中间的空行");
                    }
                }
                if (rows.size() >= MAX_ROWS) {
                    throw WarningRefused.invalid("too_many_rows", "一次最多导入 %d 行".formatted(MAX_ROWS));
                }
                rows.add(parse(row));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WarningRefused refused) {
                throw refused;
            }
            throw WarningRefused.invalid("file_unreadable", "无法读取文件（请使用 .xlsx 模板）");
        }
        if (rows.isEmpty()) {
            throw WarningRefused.invalid("counts_empty", "文件中没有数据行");
        }
        return warning.storeAndDetect(caller, rows, Source.EXCEL, null, firstRow);
    }

    private static CountRow parse(Row row) {
        int n = row.getRowNum();
        String signal = text(row, 0);
        String region = text(row, 1);
        LocalDate day = date(row, n);
        Integer count = number(row, n);
        return new CountRow(signal, region, day, count);
    }

    private static boolean blank(Row row) {
        for (int i = 0; i < Math.min(4, row.getCellCount()); i++) {
            if (!text(row, i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int i) {
        if (!row.hasCell(i) || row.getCell(i) == null) {
            return "";
        }
        Cell cell = row.getCell(i);
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal value = cell.asNumber();
            return value.stripTrailingZeros().toPlainString();
        }
        return cell.getText().strip();
    }

    private static LocalDate date(Row row, int n) {
        Cell cell = row.hasCell(2) ? row.getCell(2) : null;
        try {
            if (cell != null && cell.getType() == CellType.NUMBER) {
                return cell.asDate().toLocalDate();
            }
            String text = text(row, 2).replace('/', '-');
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw WarningRefused.row(Kind.INVALID, "date_invalid", n, "日期格式应为 2022-01-01：" + text(row, 2));
        }
    }

    private static Integer number(Row row, int n) {
        String text = text(row, 3);
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw WarningRefused.row(Kind.INVALID, "count_invalid", n, "数量须为整数：" + text);
        }
    }
}
