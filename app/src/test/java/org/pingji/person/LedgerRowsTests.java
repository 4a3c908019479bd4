package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    static final List<String> TEMPLATE = List.of("姓名*", "身份证号*", "手机号", "微网格编码*", "户编号*", "住址", "居住类型");
    static final List<String> COMMUNITY = List.of("序号", "姓名", "性别", "身份证号码", "联系电话", "现住址", "与户主关系", "人员类别", "备注");
    static final String ID = "11010519491231002X";

    static LedgerRows rows(List<String> header, Region target) {
        return new LedgerRows(
                WORKER,
                code -> Optional.ofNullable(
                        switch (code) {
                            case "1410291000010101" -> MINE;
                            case "1410291000010102" -> OTHER;
                            case "141029100001" -> VILLAGE;
                            default -> null;
                        }),
                LocalDate.of(2026, 11, 22),
                target,
                LedgerColumns.find(3, header).orElseThrow(),
                value -> "#" + value.hashCode());
    }

    final LedgerRows rows = rows(TEMPLATE, null);
    final List<ImportProblem> problems = new ArrayList<>();

    Optional<LedgerRows.ValidRow> check(int row, String... cells) {
        return rows.check(row, List.of(cells), problems);
    }

    static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void aGoodRowPasses() {
        var row = check(4, "张三", ID, "13800138000", MINE.code(), "0001", "1号楼", "暂住人口");
        assertThat(problems).isEmpty();
        assertThat(row).hasValueSatisfying(r -> {
            assertThat(r.residentId().value()).isEqualTo(ID);
            assertThat(r.residence()).isEqualTo(ResidenceKind.TEMPORARY);
            assertThat(r.region()).isEqualTo(MINE);
            assertThat(r.unassigned()).isFalse();
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
                        new ImportProblem(5, "居住类型", "外星人", "无法识别的居住类型「外星人」，应为户籍、常住、暂住、寄住、流动、外出"));
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
    void findsTheHeaderWithVariantsAndMarksAndListsUnknownColumns() {
        var header = LedgerColumns.find(3, List.of("序号", " 姓名* ", "公民身份号码", "联系电话(手机)", "微网格编码＊", "户号", "政治面貌", ""))
                .orElseThrow();
        assertThat(header.columns())
                .containsEntry("序号", 0)
                .containsEntry("姓名", 1)
                .containsEntry("身份证号", 2)
                .containsEntry("手机号", 3)
                .containsEntry("微网格编码", 4)
                .containsEntry("户编号", 5);
        assertThat(header.unknown()).containsExactly("政治面貌");
        assertThat(LedgerColumns.find(1, List.of("幸福湾社区人口台账"))).isEmpty();
    }

    @Test
    void aCommunityLedgerFormsHouseholdsFromTheRelationToTheHead() {
        LedgerRows community = rows(COMMUNITY, MINE);
        String head = id("14102919800101001");
        String wife = id("14102919820202002");
        String child = id("14102920100303004");
        String other = id("14102919700404005");
        var a = community.check(
                4, List.of("1", "王大山", "男", head, "139 1234 0001", "26号楼1单元101", "户主", "常住", ""), problems);
        var b = community.check(5, List.of("2", "李花", "女", wife, "", "26号楼1单元101", "配偶", "户籍", ""), problems);
        var c = community.check(6, List.of("3", "王小山", "女", child, "", "", "子女", "寄住", ""), problems);
        var d = community.check(
                7, List.of("4", "赵四", "男", other, "139-1234-0004", "26号楼1单元102", "本人", "外出", ""), problems);
        assertThat(problems).isEmpty();
        assertThat(List.of(a, b, c, d)).allSatisfy(r -> assertThat(r).isPresent());
        assertThat(a.get().householdKey())
                .isEqualTo(b.get().householdKey())
                .isEqualTo(c.get().householdKey());
        assertThat(d.get().householdKey()).isNotEqualTo(a.get().householdKey());
        assertThat(List.of(
                        a.get().residence(),
                        b.get().residence(),
                        c.get().residence(),
                        d.get().residence()))
                .containsExactly(
                        ResidenceKind.REGISTERED,
                        ResidenceKind.REGISTERED,
                        ResidenceKind.TEMPORARY,
                        ResidenceKind.AWAY);
        assertThat(d.get().phone()).isEqualTo("13912340004");
        assertThat(a.get().region()).isEqualTo(MINE);
    }

    @Test
    void withoutARelationColumnTheSameAddressIsOneHousehold() {
        LedgerRows byAddress = rows(List.of("姓名", "身份证号", "现住址"), MINE);
        var a = byAddress.check(2, List.of("甲", id("14102919800101001"), "26号楼 1单元101"), problems);
        var b = byAddress.check(3, List.of("乙", id("14102919800101002"), "26号楼1单元101"), problems);
        var c = byAddress.check(4, List.of("丙", id("14102919800101003"), "27号楼"), problems);
        assertThat(a.get().householdKey())
                .isEqualTo(b.get().householdKey())
                .isNotEqualTo(c.get().householdKey());
    }

    @Test
    void checksSexBirthDateExcelNumbersAndNamesTheSerial() {
        LedgerRows community = rows(List.of("序号", "姓名", "性别", "出生日期", "身份证号码", "与户主关系", "人员类别"), MINE);
        String man = id("14102919800101001");
        community.check(4, List.of("7", "张三", "女", "1980年1月2日", man, "户主", "常住"), problems);
        community.check(5, List.of("8", "李四", "男", "", "1.41029E+17", "配偶", "火星人"), problems);
        community.check(6, List.of("9", "王五", "男", "", id("14102919800101011"), "", ""), problems);
        assertThat(problems)
                .containsExactly(
                        new ImportProblem(4, "性别", "女", "性别「女」与身份证号不符（第17位为奇数，应为男）（序号7）"),
                        new ImportProblem(4, "出生日期", "1980年1月2日", "出生日期与身份证号中的出生日期1980-01-01不符（序号7）"),
                        new ImportProblem(
                                5, "身份证号码", "1.41029E+17", "身份证号被Excel存成了数字（1.41029E+17），后几位已丢失：请把该列设为文本格式后重新填写（序号8）"),
                        new ImportProblem(5, "人员类别", "火星人", "无法识别的人员类别「火星人」，应为户籍、常住、暂住、寄住、流动、外出（序号8）"));
    }

    @Test
    void aMemberWithoutAHeadAboveIsReportedAndAHigherTargetLeavesHouseholdsUnassigned() {
        LedgerRows community = rows(COMMUNITY, VILLAGE);
        community.check(4, List.of("1", "孤儿", "男", id("14102919800101001"), "", "", "子女", "", ""), problems);
        var head = community.check(5, List.of("2", "户主", "男", id("14102919800101011"), "", "", "户主", "", ""), problems);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("与户主关系为「子女」，但上方没有户主行（序号1）");
        assertThat(head.get().unassigned()).isTrue();
        assertThat(head.get().region()).isEqualTo(VILLAGE);
    }

    @Test
    void skipsBlankNoteAndExampleRows() {
        LedgerRows community = rows(COMMUNITY, MINE);
        assertThat(community.skip(List.of("", "", ""))).isTrue();
        assertThat(community.skip(List.of("填表说明：身份证号码请填写18位"))).isTrue();
        assertThat(community.skip(List.of("31", "", "", "", ""))).isTrue();
        assertThat(community.skip(List.of("示例", "张三", "男", ID))).isTrue();
        assertThat(community.skip(List.of("1", "张三", "男", ""))).isFalse();
    }
}
