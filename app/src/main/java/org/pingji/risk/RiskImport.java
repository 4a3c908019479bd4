package org.pingji.risk;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Component;

/**
 * Excel import of risk areas: one row per area with columns 地区, 风险等级 (高/中/低), 生效时间
 * (yyyy-MM-dd HH:mm or an Excel date). Bad rows are reported with row and column and nothing is
 * kept; good files become a notice in the official wording, previewed like a pasted one.
 */
@Component
class RiskImport {

    /** A row that cannot be read. */
    record RowProblem(int row, String column, String message) {}

    /** Thrown with every bad row; nothing was stored. */
    static class BadFile extends IllegalArgumentException {
        final List<RowProblem> problems;

        BadFile(List<RowProblem> problems) {
            super(problems.stream()
                    .limit(10)
                    .map(p -> "第%d行%s：%s".formatted(p.row(), p.column(), p.message()))
                    .reduce((a, b) -> a + "；" + b)
                    .orElse("文件为空"));
            this.problems = problems;
        }
    }

    private static final DateTimeFormatter[] FORMATS = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm"),
        DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
    };

    private final RiskAreas risk;

    RiskImport(RiskAreas risk) {
        this.risk = risk;
    }

    RiskAreas.Notice importXlsx(Caller caller, InputStream in) throws IOException {
        caller.require(Permission.RISK_MANAGE);
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            try (var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach(row -> rows.add(cells(row)));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("无法读取Excel文件（须为 .xlsx）：" + e.getMessage());
        }
        return risk.preview(caller, toNotice(rows), "EXCEL");
    }

    /** Rows (header first) to notice text; refuses with every bad row. */
    static String toNotice(List<String[]> rows) {
        List<RowProblem> problems = new ArrayList<>();
        if (rows.size() < 2) {
            throw new BadFile(List.of(new RowProblem(1, "", "文件没有数据行（第一行为表头：地区、风险等级、生效时间）")));
        }
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String address = r.length > 0 ? r[0].strip() : "";
            String level = r.length > 1 ? r[1].strip() : "";
            String time = r.length > 2 ? r[2].strip() : "";
            if (address.isEmpty() && level.isEmpty() && time.isEmpty()) {
                continue;
            }
            int rowNumber = i + 1;
            if (address.isEmpty()) {
                problems.add(new RowProblem(rowNumber, "地区", "不能为空"));
            }
            String chinese =
                    switch (level.toUpperCase()) {
                        case "高", "高风险", "高风险区", "HIGH" -> "高";
                        case "中", "中风险", "中风险区", "MEDIUM" -> "中";
                        case "低", "低风险", "低风险区", "LOW" -> "低";
                        default -> null;
                    };
            if (chinese == null) {
                problems.add(new RowProblem(rowNumber, "风险等级", "“%s”须为高、中或低".formatted(level)));
            }
            LocalDateTime at = parseTime(time);
            if (at == null) {
                problems.add(new RowProblem(rowNumber, "生效时间", "“%s”不是有效的时间（如 2022-04-12 16:00）".formatted(time)));
            }
            if (address.contains(";") || address.contains("；") || address.contains("、")) {
                problems.add(new RowProblem(rowNumber, "地区", "一行只能填写一个地区"));
            }
            if (chinese != null && at != null && !address.isEmpty()) {
                String header = "截至%d年%d月%d日%d时%d分：新增%s风险区"
                        .formatted(
                                at.getYear(),
                                at.getMonthValue(),
                                at.getDayOfMonth(),
                                at.getHour(),
                                at.getMinute(),
                                chinese);
                blocks.computeIfAbsent(header, k -> new ArrayList<>()).add(address);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadFile(problems);
        }
        if (blocks.isEmpty()) {
            throw new BadFile(List.of(new RowProblem(2, "", "文件没有数据行")));
        }
        StringBuilder text = new StringBuilder();
        blocks.forEach((header, areas) -> text.append(header)
                .append(areas.size())
                .append("个：")
                .append(String.join("；", areas))
                .append("。\n\n"));
        return text.toString().strip();
    }

    private static LocalDateTime parseTime(String text) {
        if (text.matches("\\d+(\\.\\d+)?")) {
            double serial = Double.parseDouble(text); // an Excel date: days since 1899-12-30
            if (serial < 20_000 || serial > 80_000) {
                return null;
            }
            long seconds = Math.round(serial * 86_400);
            return LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(seconds);
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDateTime.parse(text, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static String[] cells(Row row) {
        String[] cells = new String[Math.max(3, row.getCellCount())];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i < row.getCellCount() ? row.getCellAsString(i).orElse("") : "";
        }
        return cells;
    }
}
