package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The console pages as a user sees them: Chinese, scoped, IDs masked, unmask audited. */
@PingjiTest
class LedgerConsoleTests {

    static final Pattern MASKED = Pattern.compile("\\d{4}\\*{10}\\d{3}[\\dX]");

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) {
        return TestHttp.page(mvc, user, uri);
    }

    @Test
    void theCommanderWalksFromTheCountyToAMicroGrid() {
        assertThat(mvc.get().uri("/").with(httpBasic("commander", "demo"))).hasRedirectedUrl("/command");
        assertThat(mvc.get().uri("/regions").with(httpBasic("commander", "demo")))
                .hasRedirectedUrl("/regions/141029");
        String county = page("commander", "/regions/141029");
        assertThat(county).contains("乡宁县", "昌宁镇", "光华镇", "人口", "下级区域", "演示环境", "县指挥部");
        assertThat(page("commander", "/regions/141029100")).contains("城关社区居民委员会", "乡宁县");
        assertThat(page("commander", "/regions/141029100001")).contains("城关社区第1网格");
        assertThat(page("commander", "/regions/14102910000101")).contains("城关社区第1网格第1微网格");
        String microGrid = page("commander", "/regions/1410291000010101");
        assertThat(microGrid).contains("住户", "号楼");
        String persons = page("commander", "/regions/1410291000010101?tab=persons");
        assertThat(MASKED.matcher(persons).find()).isTrue();
        assertThat(persons).contains("导出人员台账");
        assertThat(page("commander", "/regions/141029?tab=workers")).contains("专职", "兼职");
        assertThat(page("commander", "/regions/141029?tab=places")).contains("卡口");
    }

    @Test
    void aGridWorkerSeesOnlyTheirMicroGrid() {
        assertThat(mvc.get().uri("/regions").with(httpBasic("gridworker1", "demo")))
                .hasRedirectedUrl("/regions/1410291000010101");
        String home = page("gridworker1", "/regions/1410291000010101");
        assertThat(home).contains("城关社区第1网格第1微网格", "住户");
        assertThat(mvc.get().uri("/regions/141029").with(httpBasic("gridworker1", "demo")))
                .hasStatus(404)
                .bodyText()
                .contains("不在您的辖区内");
        assertThat(mvc.get().uri("/regions/1410291000010102").with(httpBasic("gridworker1", "demo")))
                .hasStatus(404);
    }

    @Test
    void aPersonPageShowsAMaskedIdAndUnmasksOnlyForAllowedRolesWithAudit() {
        String persons = page("commander", "/regions/1410291000010101?tab=persons");
        var matcher = Pattern.compile("/persons/(\\d+)").matcher(persons);
        assertThat(matcher.find()).isTrue();
        String id = matcher.group(1);
        String person = page("gridworker1", "/persons/" + id);
        assertThat(person).contains("显示完整证件号", "resident-id");
        assertThat(MASKED.matcher(person).find()).isTrue();
        var unmasked = mvc.post()
                .uri("/persons/" + id + "/unmask")
                .with(httpBasic("gridworker1", "demo"))
                .with(csrf())
                .exchange();
        assertThat(unmasked).hasStatusOk().bodyText().containsPattern("\\d{17}[\\dX]");
        assertThat(mvc.post().uri("/persons/" + id + "/unmask").with(httpBasic("gridworker1", "demo")))
                .hasStatus(403); // no CSRF token
        assertThat(mvc.post()
                        .uri("/persons/" + id + "/unmask")
                        .with(httpBasic("duty1", "demo"))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(page("duty1", "/persons/" + id)).doesNotContain("显示完整证件号");
        assertThat(page("admin", "/audit?user=gridworker1")).contains("PERSON_UNMASK", id);
        assertThat(mvc.get().uri("/persons/" + id).with(httpBasic("village1", "demo")))
                .hasStatus(200);
        assertThat(mvc.get().uri("/persons/999999999").with(httpBasic("commander", "demo")))
                .hasStatus(404);
    }

    @Test
    void searchIsPostedSoIdsNeverLandInUrls() throws Exception {
        // A name search continues on a pageable address; an ID or phone search is answered in place.
        String next = mvc.post()
                .uri("/persons/search")
                .param("query", "邱")
                .with(httpBasic("gridworker1", "demo"))
                .with(csrf())
                .exchange()
                .getResponse()
                .getRedirectedUrl();
        assertThat(next).startsWith("/persons?query=");
        assertThat(page("gridworker1", next)).contains("人员查询", "共 ");
        assertThat(mvc.get().uri("/persons").with(httpBasic("sampler1", "demo")))
                .hasStatus(403);
    }
}
