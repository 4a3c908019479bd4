package org.pingji.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The console pages of quarantine and tracing, and the two phone pages reached by a printed code. */
@PingjiTest
class TracingConsoleTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) {
        var r = mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
        assertThat(r).hasStatusOk();
        return body(r);
    }

    MvcTestResult form(String user, String uri, String... params) {
        var request = mvc.post().uri(uri).with(httpBasic(user, "demo")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void aPlacementIsMadeCheckedAndSelfReportedOnThePhone() {
        var http = new TracingFixtures(mvc);
        long person = http.persons("141029103", 1).getFirst();
        String overview = page("quarantine1", "/quarantine");
        assertThat(overview).contains("集中隔离点", "乡宁县第1集中隔离点", "安排隔离");
        long site =
                ((Number) JsonPath.read(body(http.get("quarantine1", "/api/quarantine/sites")), "$[0].id")).longValue();
        var placed = form(
                "quarantine1",
                "/quarantine/placements",
                "personId",
                Long.toString(person),
                "type",
                "CENTRAL",
                "siteId",
                Long.toString(site),
                "exposure",
                "HIGH_RISK_AREA");
        assertThat(placed).hasStatus3xxRedirection();
        String location = placed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/quarantine/placements/");
        String detail = page("quarantine1", location);
        assertThat(detail).contains("集中隔离", "隔离中", "隔离期未满", "ED9-2022#1", "自主上报二维码");
        assertThat(form("quarantine1", location + "/checks", "temperature", "38.1"))
                .hasStatus3xxRedirection();
        assertThat(page("quarantine1", location)).contains("体温 38.1°C", "发热门诊", "已转介发热门诊");
        assertThat(page("quarantine1", location + "/qr.svg")).startsWith("<svg");

        var token = Pattern.compile("/q/([A-Za-z0-9_-]{20,})").matcher(detail);
        assertThat(token.find()).isTrue();
        var phone = mvc.get().uri("/q/" + token.group(1)).exchange();
        assertThat(phone).hasStatusOk();
        assertThat(body(phone)).contains("健康上报", "体温").doesNotContain("退出");
        var reported = mvc.post()
                .uri("/q/" + token.group(1))
                .with(csrf())
                .param("temperature", "36.6")
                .exchange();
        assertThat(body(reported)).contains("已登记");
        assertThat(mvc.get().uri("/q/not-a-real-token-at-all-123").exchange()).hasStatus(404);
        assertThat(page("quarantine1", location)).contains("本人上报");
        // The grid worker's menu offers quarantine; a sampler's does not.
        assertThat(page("gridworker1", "/testing")).contains("href=\"/quarantine\"");
        assertThat(page("sampler1", "/testing")).doesNotContain("href=\"/quarantine\"", "href=\"/tracing\"");
    }

    @Test
    void aCaseIsInvestigatedOnItsPageAndVisitorsCheckInOnThePhone() {
        var http = new TracingFixtures(mvc);
        List<Long> people = http.persons("141029104", 3);
        var created = form(
                "epi1",
                "/tracing/cases",
                "personId",
                Long.toString(people.get(0)),
                "classification",
                "ASYMPTOMATIC",
                "confirmedAt",
                LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .minusMinutes(30)
                        .withNano(0)
                        .toString());
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(page("epi1", location))
                .contains("无症状感染者", "初步报告（2小时）", "活动轨迹（4小时）", "剩余", "class=\"countdown\" data-due=\"", "{0}")
                // the live timer's "overdue" pattern sits in a data attribute; no deadline shows it
                .doesNotContainPattern("class=\"countdown\"[^>]*>已超时");
        assertThat(page("epi1", "/tracing")).contains("无症状感染者");
        var listed = form(
                "epi1",
                location + "/contacts",
                "personId",
                Long.toString(people.get(1)),
                "kind",
                "CLOSE",
                "exposedAt",
                LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .minusHours(2)
                        .withNano(0)
                        .toString(),
                "setting",
                "同车");
        assertThat(listed).hasStatus3xxRedirection();
        assertThat((String) listed.getMvcResult().getFlashMap().get("message")).contains("已登记接触者并安排集中隔离");
        String casePage = page("epi1", location);
        assertThat(casePage).contains("同车", "密接");
        var cluster = Pattern.compile("/tracing/clusters/(\\d+)").matcher(casePage);
        assertThat(cluster.find()).isTrue();
        assertThat(page("epi1", "/tracing/clusters/" + cluster.group(1))).contains("<svg", "CLOSE");

        String venues = page("epi1", "/tracing/venues?region=141029104");
        var code = Pattern.compile("class=\"masked\">(P[0-9A-Z]+)<").matcher(venues);
        assertThat(code.find()).isTrue();
        assertThat(page("epi1", "/tracing/venues/" + code.group(1))).contains("qr.svg", code.group(1), "扫码登记");
        String residentId = JsonPath.read(
                body(http.post("commander", "/api/persons/%d/unmask".formatted(people.get(2)), "")), "$.residentId");
        var phone = mvc.get().uri("/c/" + code.group(1)).exchange();
        assertThat(phone).hasStatusOk();
        assertThat(body(phone)).contains("身份证号");
        var checkedIn = mvc.post()
                .uri("/c/" + code.group(1))
                .with(csrf())
                .param("residentId", residentId)
                .exchange();
        assertThat(body(checkedIn)).contains("已扫码登记");
        var unknown = mvc.post()
                .uri("/c/" + code.group(1))
                .with(csrf())
                .param("residentId", "11010519491231002X")
                .exchange();
        assertThat(body(unknown)).contains("未找到该身份证号");
        assertThat(mvc.get().uri("/c/PZZZZZZ0").exchange()).hasStatus4xxClientError();
        // Staff check-in page.
        assertThat(page("epi1", "/tracing/checkin")).contains("代扫登记");
        var staff =
                form("epi1", "/tracing/checkin", "placeCode", code.group(1), "personId", Long.toString(people.get(0)));
        assertThat(staff).hasStatus3xxRedirection();
        assertThat((String) staff.getMvcResult().getFlashMap().get("message")).contains("已登记");
    }
}
