package org.pingji.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import java.io.ByteArrayOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class RiskImportTests {

    @Autowired
    MockMvcTester mvc;

    static byte[] xlsx(String[]... rows) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var wb = new Workbook(out, "pingji", "1.0")) {
            var ws = wb.newWorksheet("风险区");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void anExcelListBecomesAPreviewedNotice() throws Exception {
        byte[] file = xlsx(
                new String[] {"地区", "风险等级", "生效时间"},
                new String[] {"上海市普陀区石泉街道宁强路33号", "中", "2022-04-12 16:00"},
                new String[] {"江苏省南京市江宁区东山街道湖西雅居苑", "高", "2022-04-12 16:00"});
        assertThat(mvc.post()
                        .uri("/api/risk/imports")
                        .multipart()
                        .file(new MockMultipartFile("file", "areas.xlsx", "application/octet-stream", file))
                        .header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(201)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.problems.length()").isEqualTo(0);
                    assertThat(json).extractingPath("$.asOf").isEqualTo("2022-04-12T08:00:00Z");
                    assertThat(json).extractingPath("$.areaCount").isEqualTo(2);
                    assertThat(json).extractingPath("$.adjustments[0].to").isEqualTo("MEDIUM");
                    assertThat(json)
                            .extractingPath("$.adjustments[0].areas[0].resolvedCode")
                            .asString()
                            .startsWith("310107");
                });
    }

    @Test
    void badRowsRefuseTheWholeFileNamingRowAndColumn() throws Exception {
        byte[] file = xlsx(
                new String[] {"地区", "风险等级", "生效时间"},
                new String[] {"上海市普陀区", "特高", "2022-04-12 16:00"},
                new String[] {"", "高", "昨天"});
        assertThat(mvc.post()
                        .uri("/api/risk/imports")
                        .multipart()
                        .file(new MockMultipartFile("file", "areas.xlsx", "application/octet-stream", file))
                        .header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(400)
                .bodyText()
                .contains("第2行风险等级", "第3行地区", "第3行生效时间");
        assertThat(mvc.post()
                        .uri("/api/risk/imports")
                        .multipart()
                        .file(new MockMultipartFile(
                                "file", "areas.xlsx", "application/octet-stream", "not excel".getBytes()))
                        .header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(400)
                .bodyText()
                .contains("无法读取Excel文件");
    }
}
