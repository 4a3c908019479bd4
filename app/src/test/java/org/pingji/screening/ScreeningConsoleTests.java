package org.pingji.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The screening pages render in Chinese for the users who work with them. */
@PingjiTest
class ScreeningConsoleTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aNoticeWithProblemsIsPreviewedWithItsLinesAndCannotBeApplied() {
        var r = mvc.post()
                .uri("/api/risk/notices")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .content("截至2022年3月16日6时：\n低风险区调整为中风险区3个：江苏省常州市武进区湖塘镇张家村；火星省某地。")
                .exchange();
        assertThat(r).hasStatus(201);
        int id = com.jayway.jsonpath.JsonPath.read(org.pingji.TestHttp.body(r), "$.id");
        assertThat(mvc.get().uri("/risk/notices/" + id).header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyText()
                .contains("公告预览", "声明3个，实际列出2个", "无法识别“火星省某地”", "第2行", "发布生效", "disabled", "修正公告文本");
        assertThat(mvc.post()
                        .uri("/api/risk/notices/" + id + "/apply")
                        .header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(409)
                .bodyText()
                .contains("问题");
        // fixed and previewed again, nothing was applied in between
        assertThat(mvc.put()
                        .uri("/api/risk/notices/" + id)
                        .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                        .content("截至2022年3月16日6时：低风险区调整为中风险区1个：江苏省常州市武进区湖塘镇张家村。"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.problems.length()")
                .isEqualTo(0);
        assertThat(mvc.post()
                        .uri("/api/risk/notices")
                        .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .hasStatus(403);
    }

    @Test
    void theScreeningPagesRender() {
        assertThat(mvc.get().uri("/risk").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyText()
                .contains("风险区", "粘贴官方公告", "手工设置风险区");
        assertThat(mvc.get().uri("/checkpoints").header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatusOk()
                .bodyText()
                .contains("今日车辆", "点对点转运");
        assertThat(mvc.get().uri("/transfers").header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatusOk()
                .bodyText()
                .contains("点对点转运");
        assertThat(mvc.get().uri("/arrivals").header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyText()
                .contains("来返人员", "分区统计", "待办任务");
        assertThat(mvc.get().uri("/arrivals/report").header(HttpHeaders.AUTHORIZATION, basic("resident1")))
                .hasStatusOk()
                .bodyText()
                .contains("来返报备", "出发地")
                .doesNotContain("身份证号");
        assertThat(mvc.get().uri("/verify").header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatusOk()
                .bodyText()
                .contains("离线核验", "data-status-keys");
    }
}
