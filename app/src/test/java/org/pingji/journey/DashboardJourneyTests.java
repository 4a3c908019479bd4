package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium opens the one-map dashboard as the county commander: the map draws the ten
 * townships, the KPI tiles show the county's figures (and an empty value for a module not built
 * yet), a township is drilled into by clicking it, and screenshots go to {@code target/journey}.
 */
@PingjiTest
class DashboardJourneyTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1600, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCommanderOpensTheOneMapAndDrillsIntoATownship() throws Exception {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/login");
        FieldPages.type(browser, By.id("username"), "commander");
        FieldPages.type(browser, By.id("password"), "demo");
        FieldPages.click(browser, By.id("login-submit"));
        var wait = ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.className("topbar")));

        browser.get(base + "/command");
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "乡宁县"));
        assertThat(FieldPages.text(browser, By.id("mode-banner"))).contains("乡宁县");
        // the demo county's 3,000 persons (other tests may have registered a few more)
        assertThat(Long.parseLong(browser.findElement(By.cssSelector("#kpi-population .v"))
                        .getText()
                        .replace(",", "")))
                .isGreaterThanOrEqualTo(3000);
        // persons in quarantine come from the quarantine module: a number (other tests place people)
        assertThat(FieldPages.text(browser, By.cssSelector("#kpi-quarantine .v")))
                .matches("\\d+");
        // ECharts draws the ten townships on a canvas once the map JSON has arrived
        wait.until(d -> "10".equals(d.findElement(By.id("dashboard")).getDomAttribute("data-map-features")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map canvas")));
        assertThat(FieldPages.text(browser, By.id("map-title"))).contains("乡宁县", "户籍人口");
        Path dir = Path.of("target", "journey");
        Files.createDirectories(dir);
        Thread.sleep(800); // let the map's entry animation finish before the screenshot
        Files.write(dir.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        new Select(browser.findElement(By.id("metric"))).selectByValue("households");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-title"), "户数"));
        assertThat(browser.getCurrentUrl()).contains("metric=households");

        // drill down: the dashboard of a township (as a click on its area does)
        browser.get(base + "/command?region=141029100&metric=population");
        wait.until(ExpectedConditions.textToBe(By.id("region-name"), "昌宁镇"));
        wait.until(d -> {
            String n = d.findElement(By.id("dashboard")).getDomAttribute("data-map-features");
            return n != null && Integer.parseInt(n) > 1;
        });
        assertThat(FieldPages.text(browser, By.cssSelector(".breadcrumbs a"))).isEqualTo("乡宁县");

        browser.get(base + "/command?screen=big");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.big-screen #map canvas")));
        wait.until(d -> "10".equals(d.findElement(By.id("dashboard")).getDomAttribute("data-map-features")));
        Thread.sleep(800);
        Files.write(
                dir.resolve("dashboard-big-screen.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(dir.resolve("dashboard.png"))).isGreaterThan(20_000);
    }
}
