package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The detection trial page (预警试算) in a real Chromium as the epidemiologist, at desktop and
 * phone size: choosing a signal, a township, C1 and a range shows the spike as the one alarm in
 * the chart and the table; choosing MPM shows its percentile instead of alpha.
 */
@PingjiTest
class DetectionJourneyTests extends BrowserJourney {

    static final String SIGNAL = "detect_journey_test";
    static final String TOWNSHIP = "141029100";

    @Autowired
    JdbcClient jdbc;

    void counts() {
        jdbc.sql("insert into warning.signals (name, label) values (?, '试算页面测试信号') on conflict do nothing")
                .param(SIGNAL)
                .update();
        var village = jdbc.sql("select code, path from grid.regions where parent_code = ? order by code limit 1")
                .param(TOWNSHIP)
                .query()
                .singleRow();
        for (LocalDate day = LocalDate.of(2023, 4, 1); day.isBefore(LocalDate.of(2023, 6, 1)); day = day.plusDays(1)) {
            int count = day.equals(LocalDate.of(2023, 5, 20)) ? 40 : 3 + day.getDayOfMonth() % 3;
            jdbc.sql(
                            """
                            insert into warning.counts (signal, region_code, path, day, count, source, reported_by, reported_at)
                            values (?, ?, ?, ?, ?, 'API', 'test', now()) on conflict do nothing""")
                    .params(SIGNAL, village.get("code"), village.get("path"), day, count)
                    .update();
        }
    }

    void run(int width, int height, String name) {
        browser = Chromium.start(width, height);
        FieldPages.signIn(browser, base(), "epi1");
        browser.get(base() + "/warning/detect");
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo("预警试算");
        new Select(browser.findElement(By.name("signal"))).selectByValue(SIGNAL);
        new Select(browser.findElement(By.name("region"))).selectByValue(TOWNSHIP);
        new Select(browser.findElement(By.id("method"))).selectByValue("MPM");
        assertThat(browser.findElement(By.name("percentile")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.name("alpha")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("method"))).selectByValue("C1");
        assertThat(browser.findElement(By.name("alpha")).isDisplayed()).isTrue();
        script("document.querySelector('[name=from]').value = '2023-05-01';"
                + "document.querySelector('[name=to]').value = '2023-05-31';");
        FieldPages.click(browser, By.id("run"));
        waiting().until(ExpectedConditions.textToBe(By.id("summary"), "共 31 天，报警 1 天"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detect-chart canvas")));
        var alarm = browser.findElement(By.cssSelector("#detect-table tr.alarm"));
        assertThat(alarm.getText()).contains("2023-05-20", "40", "报警");
        assertThat((Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                .as("scrolls sideways at " + width)
                .isFalse();
        FieldPages.screenshot(browser, name);
        FieldPages.assertNoConsoleErrors(browser, "/warning/detect");
        browser.quit();
        browser = null;
    }

    @Test
    void theEpidemiologistTriesC1OnATownshipAtDesktopAndPhoneSize() {
        counts();
        run(1400, 900, "warning-detect-desktop");
        run(390, 844, "warning-detect-phone");
    }
}
