package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pingji.PingjiTest;

/**
 * Early warning in a real Chromium: the sentinel pharmacy1 reports today's four drug counts on
 * its phone (390×844); duty1 at a desk (1400×900) opens the ranked signals, the demo township's
 * rising signal with its series chart, acknowledges, verifies and escalates it to a suspected
 * event; the list and a signal read on a phone without sideways scrolling.
 */
@PingjiTest
class SignalsJourneyTests extends BrowserJourney {

    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    @Test
    void aSentinelReportsAndTheDutyOfficerAnswersASignal() {
        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "pharmacy1");
        assertThat(browser.getCurrentUrl()).endsWith("/warning/report");
        assertThat(FieldPages.text(browser, By.id("unit-name"))).isEqualTo("昌宁镇康宁大药房");
        int n = 21;
        for (String drug : new String[] {
            "pharmacy_fever_drugs", "pharmacy_cough_drugs", "pharmacy_antiviral_drugs", "pharmacy_antibiotic_drugs"
        }) {
            WebElement field = browser.findElement(By.id("c_" + drug));
            field.clear();
            field.sendKeys(String.valueOf(n++));
        }
        assertThat(scrollsSideways()).as("report form scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "signals-report-390x844");
        WebElement submit = browser.findElement(By.id("report-submit"));
        script("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        assertThat(FieldPages.text(browser, By.id("notice"))).isEqualTo("已保存 4 条");
        assertThat(browser.findElement(By.id("c_pharmacy_cough_drugs")).getDomProperty("value"))
                .isEqualTo("22");
        FieldPages.screenshot(browser, "signals-reported-390x844");
        FieldPages.assertNoConsoleErrors(browser, "sentinel form");
        browser.quit();

        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "duty1");
        assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/warning/signals']"))
                        .getText())
                .isEqualTo("监测预警");
        browser.get(base() + "/warning/signals");
        FieldPages.screenshot(browser, "signals-all-1400x900");
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#state-filter a[href$='state=OPEN']")))
                .click();
        waiting().until(ExpectedConditions.urlContains("state=OPEN"));
        WebElement row = browser.findElements(By.cssSelector("#signals tbody tr[data-state='OPEN']")).stream()
                .filter(r -> r.getText().contains("昌宁镇") && r.getText().contains("药店"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open signal of 昌宁镇"));
        FieldPages.screenshot(browser, "signals-list-1400x900");
        row.findElement(By.tagName("a")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("signal-state"), "待确认"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#series canvas")));
        FieldPages.screenshot(browser, "signals-detail-1400x900");
        FieldPages.click(browser, By.id("ack"));
        waiting().until(ExpectedConditions.textToBe(By.id("signal-state"), "已确认"));
        FieldPages.type(browser, By.id("verify-note"), "已电话联系药店：近两日退热药购买者多为同一小学学生家长");
        FieldPages.click(browser, By.id("verify"));
        waiting().until(ExpectedConditions.textToBe(By.id("signal-state"), "已核实"));
        FieldPages.type(browser, By.id("event-note"), "疑似学校流感样病例聚集，已通知镇卫生院");
        FieldPages.click(browser, By.id("escalate"));
        waiting().until(ExpectedConditions.textToBe(By.id("signal-state"), "疑似事件"));
        assertThat(FieldPages.text(browser, By.id("steps"))).contains("生成信号", "确认收到", "初步核实", "疑似事件", "duty1", "同一小学");
        String detail = browser.getCurrentUrl();
        FieldPages.screenshot(browser, "signals-escalated-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "signal detail");
        browser.quit();

        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "duty1");
        browser.get(base() + "/warning/signals");
        assertThat(scrollsSideways()).as("signal list scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "signals-list-390x844");
        browser.get(detail);
        waiting().until(ExpectedConditions.textToBe(By.id("signal-state"), "疑似事件"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#series canvas")));
        assertThat(scrollsSideways()).as("signal detail scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "signals-detail-390x844");
        browser.get(base() + "/warning/completeness");
        assertThat(browser.findElement(By.cssSelector("#units tr[data-code='YD141029100']"))
                        .getText())
                .contains("4/4");
        assertThat(scrollsSideways()).as("completeness scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "signals-completeness-390x844");
        FieldPages.assertNoConsoleErrors(browser, "signals on the phone");
    }
}
