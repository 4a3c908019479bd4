package org.pingji.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The companion pages as the epidemiologist and a grid worker see them. */
@PingjiTest
class CompanionConsoleTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) throws Exception {
        var r = mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
        assertThat(r).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadShowsProgressThenResultsAndBadRows() throws Exception {
        assertThat(page("epi1", "/companion")).contains("时空伴随", "位置数据文件", "病例手机号", "开始计算");
        var created = mvc.post()
                .uri("/companion/runs")
                .multipart()
                .file(new MockMultipartFile("pings", "pings.csv", "text/csv", CompanionRunTests.pings()))
                .param("casePhones", "139 1111 0001\n")
                .param("from", "2026-11-01T00:00")
                .param("to", "2026-11-15T00:00")
                .with(httpBasic("epi1", "demo"))
                .with(csrf())
                .exchange();
        assertThat(created.getResponse().getStatus())
                .as(created.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/companion/runs/");

        String first = page("epi1", location);
        assertThat(first).contains("伴随计算", "139****0001");
        if (first.contains("计算中")) {
            assertThat(first).contains("hx-trigger=\"every 1s\"", "class=\"progress\"");
        }
        long deadline = System.currentTimeMillis() + 180_000;
        String progress;
        do {
            Thread.sleep(500);
            var r = mvc.get()
                    .uri(location + "/progress")
                    .with(httpBasic("epi1", "demo"))
                    .exchange();
            progress = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!progress.contains("计算中")) {
                assertThat(r.getResponse().getHeader("HX-Refresh")).isEqualTo("true");
                break;
            }
        } while (System.currentTimeMillis() < deadline);

        String done = page("epi1", location);
        assertThat(done)
                .contains("完成", "发现时空伴随者 2 人", "13822220001", "13822220002", "30.0", "20.0")
                .contains("列数不是 4 列（含空行）", "坐标不在中国境内", "时间无法识别", "时间不在所选时段内")
                .doesNotContain("13822220003", "hx-trigger");
        assertThat(page("epi1", "/companion"))
                .contains(location.substring(location.lastIndexOf('/') + 1), "139****0001");
    }

    @Test
    void othersAreRefused() throws Exception {
        for (String user : new String[] {"commander", "quarantine1", "resident1"}) {
            assertThat(mvc.get().uri("/companion").with(httpBasic(user, "demo")).exchange())
                    .as(user)
                    .hasStatus(403);
        }
        assertThat(mvc.get()
                        .uri("/companion/follow-ups")
                        .with(httpBasic("epi1", "demo"))
                        .exchange())
                .hasStatus(403);
        assertThat(page("gridworker1", "/companion/follow-ups")).contains("伴随核查", "下一步");
    }
}
