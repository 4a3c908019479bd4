package org.pingji.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The Chinese console pages of command: what each user sees, forms, and the Excel daily report. */
@PingjiTest
class CommandConsoleTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) throws Exception {
        var result = mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandPageShowsTheModeBannerAndItsContent() throws Exception {
        String dashboard = page("commander", "/command");
        assertThat(dashboard)
                .contains("mode-banner", "一张图", "id=\"kpi-population\"", "户籍人口", "本轮核酸检测覆盖率")
                .contains("在隔离人数", "今日来返人员", "echarts.min.js", "id=\"map\"")
                .doesNotContain("在隔离人数（暂无数据）");
        assertThat(page("commander", "/command/mode")).contains("平战转换", "申请切换至");
        assertThat(page("coleader", "/command/plans")).contains("乡宁县新冠肺炎疫情应急处置预案", "综合协调组", "教育防控组");
        assertThat(page("commander", "/command/directives")).contains("下达指令", "昌宁镇");
        assertThat(page("township1", "/command/directives")).contains("id=\"issue-form\"", "城关社区");
        assertThat(page("duty1", "/command/directives")).contains("指令下达").doesNotContain("id=\"issue-form\"");
        assertThat(page("duty1", "/command/duty")).contains("值班值守", "排班表", "id=\"shift-form\"");
        assertThat(page("duty1", "/command/drills")).contains("应急演练", "id=\"drill-form\"");
        assertThat(page("village1", "/persons")).contains("mode-banner");
        var echarts = mvc.get()
                .uri("/_static/echarts/6.0.0/dist/echarts.min.js")
                .with(httpBasic("commander", "demo"))
                .exchange();
        assertThat(echarts).hasStatusOk();
        assertThat(mvc.get()
                        .uri("/command/map.json?region=141029&metric=population")
                        .with(httpBasic("commander", "demo")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.features.length()")
                .isEqualTo(10);
    }

    @Test
    void aTownshipFillsItsReportOnTheFormAndTheCountyExportsTheDay() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        var bad = mvc.post()
                .uri("/command/reports")
                .with(httpBasic("township1", "demo"))
                .with(csrf())
                .param("date", day.toString())
                .param("region", "141029100")
                .param("f_arrivalsScreened", "十二")
                .exchange();
        assertThat(bad).hasStatus3xxRedirection();
        assertThat(bad.getMvcResult().getFlashMap().get("error").toString()).contains("须为整数");
        var filled = mvc.post()
                .uri("/command/reports")
                .with(httpBasic("township1", "demo"))
                .with(csrf())
                .param("date", day.toString())
                .param("region", "141029100")
                .param("f_arrivalsScreened", "12")
                .param("f_inQuarantine", "3")
                .param("f_testsDone", "20500")
                .param("f_inspections", "4")
                .param("f_problemsFound", "2")
                .param("f_problems", "两处采样点排队过长，已增设采样台")
                .exchange();
        assertThat(filled).hasStatus3xxRedirection();
        assertThat(filled.getMvcResult().getFlashMap().get("notice")).isEqualTo("日报已报送");
        String county = page("commander", "/command/reports?date=" + day + "&region=141029");
        assertThat(county).contains("昌宁镇", "20500", "迟报", "未报", "应报 10 个单位，已报 1 个，未报 9 个，迟报 1 个");

        var xlsx = mvc.get()
                .uri("/command/reports/" + day + ".xlsx?region=141029")
                .with(httpBasic("commander", "demo"))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        try (var wb =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("乡宁县疫情防控工作日报");
            assertThat(rows.get(1).getCellText(0)).contains("应报 10 个单位，已报 1 个，未报 9 个");
            assertThat(rows.get(2).getCellText(1)).isEqualTo("单位");
            assertThat(rows.get(2).getCellText(2)).isEqualTo("排查来返人员（人）");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("昌宁镇");
            assertThat(rows.get(3).getCellText(4)).isEqualTo("20500");
            assertThat(rows.get(3).getCellText(7)).isEqualTo("两处采样点排队过长，已增设采样台");
            assertThat(rows.get(3).getCellText(10)).isEqualTo("迟报");
            assertThat(rows.get(4).getCellText(10)).isEqualTo("未报");
            var total = rows.get(13);
            assertThat(total.getCellText(1)).isEqualTo("合计");
            assertThat(total.getCellText(4)).isEqualTo("20500");
        }
        assertThat(mvc.get()
                        .uri("/command/reports/" + day + ".xlsx?region=141029101")
                        .with(httpBasic("township1", "demo")))
                .hasStatus(404);
    }

    @Test
    void aDutyOfficerKeepsTheRosterTheLogAndRecordsADrill() throws Exception {
        var log = mvc.post()
                .uri("/command/duty/log")
                .with(httpBasic("duty1", "demo"))
                .with(csrf())
                .param("kind", "CALL")
                .param("text", "昌宁镇来电：城关社区发现发热人员一名")
                .exchange();
        assertThat(log).hasStatus3xxRedirection();
        assertThat(page("duty1", "/command/duty")).contains("昌宁镇来电：城关社区发现发热人员一名", "来电");
        var drill = mvc.post()
                .uri("/command/drills")
                .with(httpBasic("duty1", "demo"))
                .with(csrf())
                .param("name", "汛期转移演练")
                .param("scenario", "暴雨致河道水位超警，转移沿河群众")
                .param("regionCode", "141029100")
                .param("plannedAt", "2026-06-20T09:00")
                .param("startedAt", "2026-06-20T09:05")
                .param("endedAt", "2026-06-20T10:35")
                .param("participants", "320")
                .param("findings", "转移路线指示牌不足")
                .exchange();
        assertThat(drill).hasStatus3xxRedirection();
        assertThat(drill.getMvcResult().getFlashMap().get("notice")).isEqualTo("演练已记录");
        assertThat(page("commander", "/command/drills")).contains("汛期转移演练", "90 分钟", "320", "昌宁镇");
        var wrong = mvc.post()
                .uri("/command/drills")
                .with(httpBasic("duty1", "demo"))
                .with(csrf())
                .param("name", "倒序")
                .param("scenario", "x")
                .param("plannedAt", "2026-06-20T09:00")
                .param("startedAt", "2026-06-20T10:00")
                .param("endedAt", "2026-06-20T09:00")
                .exchange();
        assertThat(wrong.getMvcResult().getFlashMap().get("error").toString()).contains("须晚于开始时间");
        assertThat(mvc.post()
                        .uri("/command/drills")
                        .with(httpBasic("sampler1", "demo"))
                        .with(csrf())
                        .param("name", "x")
                        .param("scenario", "x")
                        .param("plannedAt", "2026-06-20T09:00")
                        .exchange()
                        .getMvcResult()
                        .getFlashMap()
                        .get("error")
                        .toString())
                .contains("无权执行：切换平战状态和管理预案");
    }
}
