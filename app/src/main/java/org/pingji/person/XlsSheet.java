package org.pingji.person;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads the first sheet of an Excel 97–2003 ({@code .xls}, also what WPS saves) workbook with
 * Apache POI's HSSF, read only. Numbers become text the way Excel shows them in a cell of the
 * General format: whole numbers in full (a phone typed as a number stays 11 digits), large ones
 * in E-notation (an ID that Excel stored as a number, which has lost its last digits).
 */
final class XlsSheet {

    private XlsSheet() {}

    static void read(Path file, LedgerSheets.Sink sink) throws IOException, InterruptedException {
        try (InputStream in = Files.newInputStream(file);
                HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                int last = Math.max(0, row.getLastCellNum());
                List<String> cells = new ArrayList<>(last);
                for (int i = 0; i < last; i++) {
                    cells.add(text(row.getCell(i)));
                }
                sink.accept(new LedgerSheets.SheetRow(row.getRowNum() + 1, cells));
            }
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : number(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** Whole numbers below 10^15 in full, others in E-notation with six significant digits as Excel shows. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e15) {
            return String.format(java.util.Locale.ROOT, "%.5E", value).replaceFirst("\\.?0+E", "E");
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
