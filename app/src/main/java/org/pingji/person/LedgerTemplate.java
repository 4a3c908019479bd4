package org.pingji.person;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The import template in the layout of a community ledger. The ID, phone and code columns are
 * formatted as text ({@code @}) for the first {@value #ROWS} data rows, so Excel keeps what is
 * typed instead of turning an ID into 1.41029E+17; 性别, 与户主关系 and 人员类别 offer drop-downs
 * (list validation against a hidden-away 选项 sheet); the example row is marked 示例 and skipped on
 * import.
 */
final class LedgerTemplate {

    static final int ROWS = 2_000;
    static final List<String> HEADERS =
            List.of("序号", "姓名*", "性别", "身份证号码*", "联系电话", "现住址", "与户主关系", "人员类别", "微网格编码", "户编号");
    static final List<String> SEXES = List.of("男", "女");
    static final List<String> RELATIONS = List.of("户主", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他");
    static final List<String> KINDS = List.of("常住", "户籍", "暂住", "寄住", "流动", "外出");
    private static final int[] TEXT_COLUMNS = {3, 4, 8, 9};

    private LedgerTemplate() {}

    static void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("人口信息台账");
        Worksheet options = workbook.newWorksheet("选项");
        Worksheet notes = workbook.newWorksheet("填写说明");
        int last = HEADERS.size() - 1;
        sheet.value(0, 0, "××社区人口信息台账（　年　月）");
        sheet.range(0, 0, 0, last).merge();
        sheet.style(0, 0).bold().fontSize(14).horizontalAlignment("center").set();
        sheet.value(1, 0, "填报单位：");
        sheet.value(1, 5, "填报日期：");
        for (int c = 0; c <= last; c++) {
            sheet.value(2, c, HEADERS.get(c));
            sheet.width(c, c == 5 ? 30 : c == 3 ? 22 : 14);
        }
        sheet.range(2, 0, 2, last).style().bold().fillColor("DDEBF7").set();
        for (int c : TEXT_COLUMNS) {
            sheet.range(3, c, 3 + ROWS, c).style().format("@").set();
        }
        List<String> example =
                List.of("示例", "张三", "女", "11010519491231002X", "13800138000", "26号楼1单元101室", "户主", "常住", "", "");
        for (int c = 0; c < example.size(); c++) {
            if (!example.get(c).isEmpty()) {
                sheet.value(3, c, example.get(c));
            }
        }
        sheet.range(3, 0, 3, last)
                .style()
                .fontColor("808080")
                .italic()
                .format("@")
                .set();
        dropDown(sheet, options, 0, 2, SEXES, DataValidationErrorStyle.STOP);
        // Ledgers know more relations (儿媳, 外孙 …): the list suggests, the import accepts any.
        dropDown(sheet, options, 1, 6, RELATIONS, DataValidationErrorStyle.WARNING);
        dropDown(sheet, options, 2, 7, KINDS, DataValidationErrorStyle.STOP);
        sheet.freezePane(0, 3);
        String[] lines = {
            "第3行为表头，第4行为示例（序号填“示例”的行不会导入，可删除）；列的顺序可以调整，多余的列会被忽略",
            "姓名*：不超过50个字",
            "性别：男或女，须与身份证号第17位一致（奇数为男、偶数为女）",
            "身份证号码*：18位，末位可为X；出生日期和校验位会被核验。该列已设为文本格式，请勿改为数字格式",
            "联系电话：11位手机号，可含空格或短横线",
            "与户主关系：户主（或本人）一行开一户，其下方的配偶、子女等成员归入该户；不填此列时，现住址相同的人员归为一户",
            "人员类别：常住、户籍、暂住、寄住、流动或外出",
            "微网格编码、户编号：可不填；导入时选择的微网格优先",
            "导入时可选择：有错误则全部不导入；或导入正确的行，错误的行（含错误原因）可下载修改后再导入"
        };
        for (int i = 0; i < lines.length; i++) {
            notes.value(i, 0, lines[i]);
        }
        notes.width(0, 100);
        workbook.finish();
    }

    /** Writes the values into a column of the options sheet and validates the template column against it. */
    private static void dropDown(
            Worksheet sheet,
            Worksheet options,
            int optionColumn,
            int column,
            List<String> values,
            DataValidationErrorStyle style) {
        for (int i = 0; i < values.size(); i++) {
            options.value(i, optionColumn, values.get(i));
        }
        sheet.range(3, column, 3 + ROWS, column)
                .validateWithList(options.range(0, optionColumn, values.size() - 1, optionColumn))
                .allowBlank(true)
                .errorStyle(style)
                .showErrorMessage(true)
                .errorTitle("请从下拉列表中选择")
                .error("可选：" + String.join("、", values));
    }
}
