package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The warning pages as their users see them: tabs, the sentinel's form and the Excel upload. */
@PingjiTest
class SignalPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningManagement warning;

    @Test
    void everyTabOpensForTheEpidemiologistAndTheDemoSignalIsListed() {
        assertThat(page(mvc, "epi1", "/warning/signals")).contains("预警信号", "昌宁镇", "药店退热类药品购买登记", "待确认");
        assertThat(page(mvc, "epi1", "/warning/data")).contains("Excel 导入", "下载模板", "重新计算", "演示数据");
        assertThat(page(mvc, "epi1", "/warning/completeness")).contains("昌宁镇康宁大药房", "未报");
        assertThat(page(
                        mvc,
                        "epi1",
                        "/warning/completeness?date=" + warning.today().minusDays(1)))
                .contains("按时")
                .doesNotContain("迟报");
        assertThat(page(mvc, "duty1", "/warning/measures")).contains("响应率", "合计");
        assertThat(page(mvc, "duty1", "/warning/settings")).contains("C2", "乡镇");
        assertThat(page(mvc, "duty1", "/warning/data")).doesNotContain("Excel 导入");
        long id = jdbc.sql("select min(id) from warning.alerts where region_code = '141029100'")
                .query(Long.class)
                .single();
        assertThat(page(mvc, "duty1", "/warning/signals/" + id)).contains("每日计数", "data-chart", "生成信号");
        assertThat(mvc.get()
                        .uri("/warning/signals")
                        .with(httpBasic("pharmacy1", "demo"))
                        .exchange())
                .hasStatus(403);
        assertThat(page(mvc, "pharmacy1", "/warning/report")).contains("href=\"/warning/report\"", "数据上报");
    }

    @Test
    void theSentinelReportsOnItsFormAndASecondReportReplaces() {
        LocalDate day = warning.today().minusDays(3);
        assertThat(page(mvc, "pharmacy1", "/warning/report?date=" + day)).contains("康宁大药房", "药店止咳类药品购买登记");
        for (int n : new int[] {33, 31}) {
            assertThat(mvc.post()
                            .uri("/warning/report")
                            .with(httpBasic("pharmacy1", "demo"))
                            .with(csrf())
                            .param("date", day.toString())
                            .param("c_pharmacy_cough_drugs", String.valueOf(n))
                            .exchange())
                    .hasStatus3xxRedirection();
        }
        assertThat(jdbc.sql("select count from warning.counts where unit_code = 'YD141029100' and day = ?"
                                + " and signal = 'pharmacy_cough_drugs'")
                        .param(day)
                        .query(Integer.class)
                        .single())
                .isEqualTo(31);
        assertThat(page(mvc, "pharmacy1", "/warning/report?date=" + day)).contains("value=\"31\"");
    }

    @Test
    void anUploadWithABadRowStoresNothingAndNamesTheSheetRow() throws IOException {
        LocalDate day = warning.today().minusDays(2);
        long before = jdbc.sql("select count(*) from warning.counts")
                .query(Long.class)
                .single();
        var bad = upload(sheet(day, "12", "-3"));
        assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/warning/data");
        assertThat((String) bad.getMvcResult().getFlashMap().get("error")).contains("第3行", "不小于0");
        assertThat(jdbc.sql("select count(*) from warning.counts")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        var good = upload(sheet(day, "12", "4"));
        assertThat((String) good.getMvcResult().getFlashMap().get("notice")).contains("已保存 2 条");
        assertThat(jdbc.sql("select count(*) from warning.counts where signal = 'test_upload' and source = 'EXCEL'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(mvc.get()
                        .uri("/warning/data/template.xlsx")
                        .with(httpBasic("epi1", "demo"))
                        .exchange())
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult upload(byte[] xlsx) {
        return mvc.post()
                .uri("/warning/data/upload")
                .multipart()
                .file(new MockMultipartFile("file", "counts.xlsx", "application/octet-stream", xlsx))
                .with(httpBasic("epi1", "demo"))
                .with(csrf())
                .exchange();
    }

    private static byte[] sheet(LocalDate day, String first, String second) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("监测数据");
        String[] header = {"信号", "区域代码", "日期", "数量"};
        for (int c = 0; c < 4; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "test_upload");
        sheet.value(1, 1, "141029101");
        sheet.value(1, 2, day.toString());
        sheet.value(1, 3, Integer.parseInt(first));
        sheet.value(2, 0, "test_upload");
        sheet.value(2, 1, "141029102");
        sheet.value(2, 2, day);
        sheet.value(2, 3, Integer.parseInt(second));
        sheet.style(2, 2).format("yyyy-mm-dd").set();
        workbook.finish();
        return out.toByteArray();
    }
}
