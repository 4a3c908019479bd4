package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;

class LedgerRowsTests {

    static final Region MINE = new Region(
            "1410291000010101",
            "第1微网格",
            RegionLevel.MICRO_GRID,
            "14102910000101",
            "/141029/141029100/141029100001/14102910000101/1410291000010101/");
    static final Region OTHER = new Region(
            "1410291000010102",
            "第2微网格",
            RegionLevel.MICRO_GRID,
            "14102910000101",
            "/141029/141029100/141029100001/14102910000101/1410291000010102/");
    static final Region VILLAGE =
            new Region("141029100001", "城关社区", RegionLevel.VILLAGE, "141029100", "/141029/141029100/141029100001/");
    static final Caller WORKER = new Caller(1, "gridworker1", "网格员", Role.GRID_WORKER, MINE.code(), MINE.path());
    static final Map<String, Integer> COLUMNS =
            Map.of("姓名", 0, "身份证号", 1, "手机号", 2, "微网格编码", 3, "户编号", 4, "住址", 5, "居住类型", 6);
    static final String ID = "11010519491231002X";

    final LedgerRows rows = new LedgerRows(
            WORKER,
            code -> Optional.ofNullable(
                    switch (code) {
                        case "1410291000010101" -> MINE;
                        case "1410291000010102" -> OTHER;
                        case "141029100001" -> VILLAGE;
                        default -> null;
                    }),
            LocalDate.of(2026, 11, 22));
    final List<ImportProblem> problems = new ArrayList<>();

    Optional<LedgerRows.ValidRow> check(int row, String... cells) {
        return rows.check(row, COLUMNS, List.of(cells), problems);
    }

    @Test
    void aGoodRowPasses() {
        var row = check(4, "张三", ID, "13800138000", MINE.code(), "0001", "1号楼", "暂住人口");
        assertThat(problems).isEmpty();
        assertThat(row).hasValueSatisfying(r -> {
            assertThat(r.residentId().value()).isEqualTo(ID);
            assertThat(r.residence()).isEqualTo(ResidenceKind.TEMPORARY);
            assertThat(r.microGrid()).isEqualTo(MINE);
        });
    }

    @Test
    void everyBadFieldIsReportedWithRowColumnValueAndReason() {
        assertThat(check(5, "", "110105194912310021", "1380013800", "1410299999999999", "", "", "外星人"))
                .isEmpty();
        assertThat(problems)
                .containsExactly(
                        new ImportProblem(5, "姓名", "", "姓名不能为空"),
                        new ImportProblem(5, "身份证号", "1101**********0021", "身份证号校验位错误（应为X）"),
                        new ImportProblem(5, "手机号", "1380013800", "手机号应为11位，实际为10位"),
                        new ImportProblem(5, "微网格编码", "1410299999999999", "未知的区划代码"),
                        new ImportProblem(5, "户编号", "", "户编号不能为空"),
                        new ImportProblem(5, "居住类型", "外星人", "居住类型应为户籍人口、暂住人口或流动人口"));
    }

    @Test
    void refusesFutureBirthDatesRegionsThatAreNotMicroGridsAndMicroGridsOutsideTheJurisdiction() {
        String future = "14102920300101001";
        check(6, "未来", future + ResidentId.checkCharacter(future), "", VILLAGE.code(), "1", "", "");
        check(7, "越界", ID, "", OTHER.code(), "1", "", "");
        assertThat(problems)
                .extracting(ImportProblem::message)
                .containsExactly("身份证号中的出生日期2030-01-01晚于今天", "该代码不是微网格", "该微网格不在您的辖区");
    }

    @Test
    void aRepeatedIdNamesTheFirstRow() {
        check(4, "张三", ID, "", MINE.code(), "1", "", "");
        check(9, "张三", ID.toLowerCase(), "", MINE.code(), "1", "", "");
        assertThat(problems).containsExactly(new ImportProblem(9, "身份证号", "1101**********002X", "身份证号与第4行重复"));
    }

    @Test
    void findsTheHeaderWithVariantsAndMarks() {
        assertThat(LedgerColumns.find(List.of("序号", " 姓名* ", "公民身份号码", "联系电话", "微网格编码＊", "户号")))
                .containsEntry("姓名", 1)
                .containsEntry("身份证号", 2)
                .containsEntry("手机号", 3)
                .containsEntry("微网格编码", 4)
                .containsEntry("户编号", 5);
        assertThat(LedgerColumns.find(List.of("幸福湾社区人口台账"))).isEmpty();
    }
}
