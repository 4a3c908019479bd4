package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium (Debian's chromium + chromium-driver) walks the console: login as the county
 * commander, county → township → village → grid → micro-grid → persons → a person page with a
 * masked resident ID. Required in CI: a missing browser fails the test.
 */
@PingjiTest
class CommanderJourneyTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCommanderWalksDownToAPersonWithAMaskedId() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/login");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh");
        assertThat(FieldPages.text(browser, By.className("demo-banner"))).contains("演示环境");
        FieldPages.type(browser, By.id("username"), "commander");
        FieldPages.type(browser, By.id("password"), "demo");
        FieldPages.click(browser, By.id("login-submit"));

        var wait = ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class));
        // the commander lands on the command dashboard; the grid is one header link away
        wait.until(ExpectedConditions.urlContains("/command"));
        browser.findElement(By.cssSelector("header a[href='/regions'], nav a[href='/regions']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "乡宁县"));
        FieldPages.click(browser, By.linkText("昌宁镇"));
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "昌宁镇"));
        FieldPages.click(browser, By.linkText("城关社区居民委员会"));
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "城关社区居民委员会"));
        FieldPages.click(browser, By.linkText("城关社区第1网格"));
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "城关社区第1网格"));
        FieldPages.click(browser, By.linkText("城关社区第1网格第1微网格"));
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "城关社区第1网格第1微网格"));
        FieldPages.click(browser, By.id("tab-persons"));
        var firstPerson = browser.findElement(By.cssSelector("#persons tbody tr td a"));
        String name = firstPerson.getText();
        firstPerson.click();
        wait.until(ExpectedConditions.textToBe(By.id("person-name"), name));
        assertThat(FieldPages.text(browser, By.id("resident-id"))).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
        assertThat(FieldPages.text(browser, By.tagName("body"))).contains("城关社区第1网格第1微网格", "显示完整证件号");
    }
}
