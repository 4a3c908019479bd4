package org.pingji.command;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The daily report as the county lays it out: a title row, a line with the date, deadline and
 * completeness, a header row, one row per unit (序号, 单位, the form's fields, 报送人, 报送时间,
 * 状态) and a 合计 row.
 */
@Component
class ReportExport {

    private final CommandSettings settings;

    ReportExport(CommandSettings settings) {
        this.settings = settings;
    }

    void write(ReportSummary s, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("日报");
        List<ReportField> fields = s.fields();
        int columns = 2 + fields.size() + 3;
        sheet.value(0, 0, "%s疫情防控工作日报".formatted(s.regionName()));
        sheet.range(0, 0, 0, columns - 1).merge();
        sheet.range(0, 0, 0, columns - 1)
                .style()
                .bold()
                .fontSize(16)
                .horizontalAlignment("center")
                .set();
        sheet.rowHeight(0, 28);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy年M月d日");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(settings.zone());
        sheet.value(
                1,
                0,
                "报送日期：%s　截止时间：%s　应报 %d 个单位，已报 %d 个，未报 %d 个，迟报 %d 个"
                        .formatted(
                                s.date().format(day),
                                time.format(s.deadline()),
                                s.expected(),
                                s.reported(),
                                s.missing().size(),
                                s.late().size()));
        sheet.range(1, 0, 1, columns - 1).merge();
        int c = 0;
        sheet.value(2, c++, "序号");
        sheet.value(2, c++, "单位");
        for (ReportField f : fields) {
            sheet.value(2, c++, f.label());
        }
        sheet.value(2, c++, "报送人");
        sheet.value(2, c++, "报送时间");
        sheet.value(2, c, "状态");
        sheet.range(2, 0, 2, columns - 1)
                .style()
                .bold()
                .fillColor("DDEBF7")
                .horizontalAlignment("center")
                .wrapText(true)
                .borderStyle("thin")
                .set();
        List<ReportSummary.Row> rows = s.children().isEmpty() && s.own() != null ? List.of(s.own()) : s.children();
        int r = 3;
        for (ReportSummary.Row row : rows) {
            c = 0;
            sheet.value(r, c++, r - 2);
            sheet.value(r, c++, row.name());
            for (ReportField f : fields) {
                if (f.kind() == ReportField.Kind.INTEGER) {
                    Long v = row.totals().get(f.key());
                    if (v != null) {
                        sheet.value(r, c, v);
                    }
                } else {
                    sheet.value(r, c, row.texts().getOrDefault(f.key(), ""));
                }
                c++;
            }
            sheet.value(r, c++, row.submittedBy() == null ? "" : row.submittedBy());
            sheet.value(r, c++, row.submittedAt() == null ? "" : time.format(row.submittedAt()));
            sheet.value(r, c, !row.reported() ? "未报" : row.late() ? "迟报" : "已报");
            if (!row.reported()) {
                sheet.style(r, c).fontColor("C00000").bold().set();
            }
            sheet.range(r, 0, r, columns - 1).style().borderStyle("thin").set();
            r++;
        }
        c = 0;
        sheet.value(r, c++, "");
        sheet.value(r, c++, "合计");
        for (ReportField f : fields) {
            if (f.kind() == ReportField.Kind.INTEGER) {
                sheet.value(r, c, s.totals().getOrDefault(f.key(), 0L));
            }
            c++;
        }
        sheet.range(r, 0, r, columns - 1).style().bold().borderStyle("thin").set();
        sheet.width(0, 6);
        sheet.width(1, 24);
        for (int i = 0; i < fields.size(); i++) {
            sheet.width(2 + i, fields.get(i).kind() == ReportField.Kind.TEXT ? 40 : 14);
        }
        sheet.width(columns - 3, 14);
        sheet.width(columns - 2, 14);
        sheet.width(columns - 1, 8);
        workbook.finish();
    }
}
