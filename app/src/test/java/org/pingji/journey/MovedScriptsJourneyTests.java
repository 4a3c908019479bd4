package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;

/**
 * The pages whose scripts moved out of their templates still work under the
 * Content-Security-Policy (script-src 'self'): the one-map dashboard and the reports trend draw
 * their ECharts, a case's deadline timers count, and the verifier checks a code's Ed25519
 * signature in the browser with the network cut. No page writes a console error.
 */
@PingjiTest
class MovedScriptsJourneyTests extends BrowserJourney {

    @Test
    void theDashboardAndTheReportsTrendDrawTheirCharts() {
        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "commander");
        browser.get(base() + "/command");
        waiting().until(b -> !b.findElements(By.cssSelector("#map canvas")).isEmpty());
        waiting().until(b -> b.findElement(By.id("map-title")).getText().contains("乡宁县"));
        FieldPages.assertNoConsoleErrors(browser, "/command");
        browser.get(base() + "/command/reports");
        waiting().until(b -> !b.findElements(By.cssSelector("#trend canvas")).isEmpty());
        FieldPages.screenshot(browser, "reports-trend-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "/command/reports");
    }

    @Test
    void aCasesDeadlinesCountDownInTheBrowser() {
        var http = new TracingFixtures(mvc);
        long person = http.persons("141029100002", 25).get(24);
        long caseId = http.id(
                http.post(
                        "epi1",
                        "/api/tracing/cases",
                        """
                        {"personId":%d,"confirmedAt":"%s","classification":"CONFIRMED"}"""
                                .formatted(person, Instant.now().minusSeconds(1800))),
                "$.id");
        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "epi1");
        browser.get(base() + "/tracing/cases/" + caseId);
        var first = browser.findElement(By.cssSelector(".countdown"));
        assertThat(first.getText()).matches("剩余 \\d+ 分钟");
        // three hours later by the page's clock: the timers recompute and mark the row overdue
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "Date.now = (function (now) { return function () { return now() + 3 * 3600e3; }; })(Date.now);"));
        browser.navigate().refresh();
        var timer = browser.findElement(By.cssSelector(".countdown"));
        waiting().until(b -> timer.getText().startsWith("已超时"));
        assertThat(timer.getText()).matches("已超时 \\d+ 分钟");
        assertThat(timer.findElement(By.xpath("ancestor::tr")).getDomAttribute("class"))
                .contains("error");
        FieldPages.screenshot(browser, "case-timers-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "/tracing/cases/" + caseId);
    }

    @Test
    void theVerifierChecksACodeWithTheNetworkCut() {
        String token = greenToken();
        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "checkpoint1");
        browser.get(base() + "/verify");
        FieldPages.assertNoConsoleErrors(browser, "/verify");
        FieldPages.network(browser, false);
        FieldPages.type(browser, By.id("verify-token"), token);
        FieldPages.click(browser, By.cssSelector("#verify-form button"));
        waiting().until(b -> "true".equals(b.findElement(By.id("verify-result")).getDomAttribute("data-valid")));
        assertThat(FieldPages.text(browser, By.id("verify-result"))).startsWith("绿码 · 通行");
        FieldPages.screenshot(browser, "verify-offline-390x844");
        FieldPages.network(browser, true);
        FieldPages.assertNoConsoleErrors(browser, "/verify offline");
    }
}
