package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Rounds are opened by picking regions by name, and a round shows the regions it covers. */
@PingjiTest
class RoundPagesTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) {
        return TestHttp.page(mvc, user, uri);
    }

    @Test
    void regionsArePickedByNameFromTheTreeAndARoundOverOneCommunityIsHeadedByIt() {
        String rounds = page("commander", "/testing");
        assertThat(rounds)
                .contains("<select name=\"regionCodes\" id=\"round-regions\" multiple")
                .contains("value=\"141029100\">\u3000昌宁镇")
                .contains("value=\"141029100001\">\u3000\u3000城关社区")
                .doesNotContain("区域代码（多个用逗号分隔）");
        var opened = mvc.post()
                .uri("/testing/rounds")
                .param("name", "城关社区第1网格筛查")
                .param("regionCodes", "141029100001")
                .param("poolSize", "10")
                .param("deadline", "2030-01-01T18:00")
                .with(httpBasic("commander", "demo"))
                .with(csrf())
                .exchange();
        assertThat(opened).hasStatus3xxRedirection();
        String round = page("commander", opened.getResponse().getRedirectedUrl());
        assertThat(round).contains("检测范围", "城关社区");
        assertThat(round.substring(round.indexOf("<main"))).doesNotContain("乡宁县");
        var two = mvc.post()
                .uri("/testing/rounds")
                .param("name", "两个社区筛查")
                .param("regionCodes", "141029100001", "141029100002")
                .param("poolSize", "10")
                .param("deadline", "2030-01-01T18:00")
                .with(httpBasic("commander", "demo"))
                .with(csrf())
                .exchange();
        assertThat(two).hasStatus3xxRedirection();
        assertThat(page("commander", two.getResponse().getRedirectedUrl()))
                .containsPattern("检测范围</span>：<span>[^<]+、</span><span>");
    }

    @Test
    void thePlannerSaysWhatRateItAssumedAndWhatTheFloorMeans() {
        String planner = page("commander", "/testing/planner");
        assertThat(planner).contains("按估计阳性率", "无论采用哪种混检方案，平均每人至少需要", "信息论下限 H(p)", "每 1 万人约需");
    }
}
