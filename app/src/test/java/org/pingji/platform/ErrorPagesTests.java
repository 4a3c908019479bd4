package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Error pages as a user meets them: Chinese, inside the normal layout, with a request id the log
 * carries, never a permission constant, an exception or the Whitelabel page.
 */
@PingjiTest
class ErrorPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aRefusalNamesTheActionInChineseInsideTheLayout() {
        var result = mvc.get()
                .uri("/regions/141029")
                .with(httpBasic("resident1", "demo"))
                .exchange();
        assertThat(result).hasStatus(403);
        String page = body(result);
        assertThat(page)
                .contains("无权访问", "无权执行：查看区域与统计", "请求编号", "返回首页", "class=\"topbar\"", "演示环境")
                .doesNotContain("REGION_READ", "RESIDENT", "lacks", "Exception");
        String id = result.getResponse().getHeader(RequestIds.HEADER);
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(page).contains(id);
    }

    @Test
    void anUnknownPageIsAChineseNotFoundPageNotWhitelabel() {
        var result = mvc.get()
                .uri("/no/such/page")
                .with(httpBasic("commander", "demo"))
                .exchange();
        assertThat(result).hasStatus(404);
        assertThat(body(result))
                .contains("未找到", "请求编号", "class=\"topbar\"", "指挥调度")
                .doesNotContain("Whitelabel", "No static resource");
    }

    @Test
    void aRefusalInEnglishFromAModuleIsNotShownButTheStatusIsExplained() {
        assertThat(ErrorPages.forPeople("gridworker1 (GRID_WORKER) lacks ROUND_MANAGE"))
                .isFalse();
        assertThat(ErrorPages.forPeople("Region 141029 is outside the jurisdiction"))
                .isFalse();
        assertThat(ErrorPages.forPeople("无权组织核酸检测轮次")).isTrue();
        assertThat(ErrorPages.forPeople("java.lang.IllegalStateException: 出错")).isFalse();
    }

    @Test
    void aSentRequestIdIsKeptAndAnsweredBack() {
        var result = mvc.get()
                .uri("/me")
                .header(RequestIds.HEADER, "proxy-abc-12345")
                .with(httpBasic("commander", "demo"))
                .exchange();
        assertThat(result.getResponse().getHeader(RequestIds.HEADER)).isEqualTo("proxy-abc-12345");
    }

    @Test
    void theHouseholdsTabOpensAtEveryLevel() {
        for (String code : new String[] {"141029", "141029100", "141029100001", "14102910000101", "1410291000010101"}) {
            var result = mvc.get()
                    .uri("/regions/" + code + "?tab=households")
                    .with(httpBasic("commander", "demo"))
                    .exchange();
            assertThat(result).as("households of %s", code).hasStatusOk();
            assertThat(body(result)).contains("id=\"households\"", "/households/");
        }
    }

    @Test
    void timesAreShownInTheCountysZone() {
        CountyTime time = new CountyTime(ZoneId.of("Asia/Shanghai"));
        assertThat(time.format(Instant.parse("2026-12-06T19:22:00Z"), "MM-dd HH:mm"))
                .isEqualTo("12-07 03:22");
        assertThat(time.format(LocalDateTime.of(2026, 12, 7, 3, 22), "HH:mm")).isEqualTo("03:22");
        assertThat(time.format(null, "HH:mm")).isEmpty();
        assertThat(new PageDialect.Counts().format(1189L)).isEqualTo("1,189");
        assertThat(new PageDialect.Counts().format(4706)).isEqualTo("4,706");
        String dashboard = body(
                mvc.get().uri("/command").with(httpBasic("commander", "demo")).exchange());
        String hour =
                "%02d:".formatted(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).getHour());
        assertThat(dashboard).containsPattern("id=\"updated\">(" + hour + "|\\d\\d:)");
        assertThat(dashboard.replaceAll("(?s).*id=\"updated\">(\\d\\d:).*", "$1"))
                .isIn(
                        hour,
                        "%02d:"
                                .formatted((LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                                                        .getHour()
                                                + 23)
                                        % 24));
    }
}
