package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The two pages people open on their own phones, in a real Chromium at phone width (390 px): a
 * person under home quarantine reports a fever through their link, a visitor checks in at a
 * venue's place code. Neither page needs a login, and neither scrolls sideways.
 */
@PingjiTest
class PhonePagesJourneyTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    @Test
    void aQuarantinedPersonReportsAFeverAndAVisitorChecksIn() {
        var http = new TracingFixtures(mvc);
        String base = "http://127.0.0.1:" + port;
        List<Long> people = http.persons("141029200", 2);
        long placement = http.id(
                http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        "{\"personId\":%d,\"type\":\"HOME\",\"exposure\":\"MEDIUM_RISK_AREA\",\"start\":\"%s\"}"
                                .formatted(people.get(0), Instant.now().minusSeconds(600))),
                "$.id");
        String token = JsonPath.read(
                body(http.get("quarantine1", "/api/quarantine/placements/" + placement)),
                "$.placement.selfReportToken");

        browser.get(base + "/q/" + token);
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo("健康上报");
        assertThat(scrollsSideways()).isFalse();
        FieldPages.type(browser, By.name("temperature"), "38.0");
        FieldPages.click(browser, By.cssSelector("input[name=symptoms][value=COUGH]"));
        FieldPages.click(browser, By.cssSelector("button[type=submit]"));
        assertThat(FieldPages.text(browser, By.id("self-error"))).contains("体温 38.0°C", "发热门诊");
        assertThat(body(http.get("quarantine1", "/api/quarantine/placements/" + placement)))
                .contains("\"source\":\"SELF\"", "\"kind\":\"FEVER\"");

        String code = JsonPath.read(
                body(http.get("epi1", "/api/places?region=141029200&kind=VENUE&size=1")), "$[0].placeCode");
        String residentId = JsonPath.read(
                body(http.post("commander", "/api/persons/%d/unmask".formatted(people.get(1)), "")), "$.residentId");
        browser.get(base + "/c/" + code);
        assertThat(scrollsSideways()).isFalse();
        FieldPages.type(browser, By.name("residentId"), residentId);
        FieldPages.click(browser, By.cssSelector("button[type=submit]"));
        assertThat(FieldPages.text(browser, By.id("phone-message"))).contains("已扫码登记");
        assertThat(browser.getPageSource()).doesNotContain(residentId);
    }
}
