package org.pingji.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The supervision pages as inspector1, the commander and a resident see them, and the landing page. */
@PingjiTest
class InspectionPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theInspectorLandsOnTheStatisticsAndTheDirectoriesAreTabs() {
        assertThat(mvc.get().uri("/").with(httpBasic("inspector1", "demo"))).hasRedirectedUrl("/inspection");
        String stats = page(mvc, "inspector1", "/inspection");
        assertThat(stats)
                .contains("督查检查", "检查次数", "约谈", "督办函", "查封", "解封", "按期整改率", "城区片区", "南部片区")
                .contains("href=\"/inspection\"", "href=\"/inspection/today\"");
        assertThat(page(mvc, "inspector1", "/inspection?tab=entities&zone=Z4&category=SHOP"))
                .contains("南部片区", "停业整顿", "门店", "/inspection/record?entity=");
        assertThat(page(mvc, "inspector1", "/inspection?tab=groups")).contains("第一督查组", "第一督第1小组", "督查组成员", "任务清单");
        assertThat(page(mvc, "inspector1", "/inspection?tab=checklists")).contains("药店疫情防控检查表 v1", "实名登记", "需拍照");
        assertThat(page(mvc, "inspector1", "/inspection/draws")).contains("抽取比例", "随机种子");
        // the commander reads and draws but does not inspect: no inspection links
        String commander = page(mvc, "commander", "/inspection?tab=entities");
        assertThat(commander).contains("督查对象").doesNotContain("/inspection/record?entity=");
        assertThat(page(mvc, "commander", "/inspection/today")).contains("暂无待检查任务");
        assertThat(mvc.get().uri("/inspection").with(httpBasic("resident1", "demo")))
                .hasStatus(403);
        assertThat(page(mvc, "resident1", "/my-code")).doesNotContain("href=\"/inspection\"");
    }
}
