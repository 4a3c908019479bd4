package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;

/**
 * Notices in a real Chromium at desktop and phone size: township1 has the notices page open; the
 * commander writes a notice from the template, the co-leader approves it, it appears on
 * township1's page without reload, township1 presses 已读 and the commander sees the receipt;
 * the public page of the notice.
 */
@PingjiTest
class NoticeJourneyTests extends BrowserJourney {

    @ParameterizedTest
    @CsvSource({"1400, 900", "390, 844"})
    void aNoticeApprovedByTheCoLeaderReachesTheTownshipOfficersOpenPageAndItsReceiptIsSeen(int width, int height) {
        String title = "关于返乡人员报备的通告 " + width + "-" + System.nanoTime() % 100_000;
        WebDriver township = Chromium.start(width, height);
        try {
            FieldPages.signIn(township, base(), "township1");
            township.get(base() + "/notices");
            // the list re-renders when a notice is pushed: a row found a moment ago may be gone
            WebDriverWait townshipWait = (WebDriverWait) new WebDriverWait(township, java.time.Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            townshipWait.until(
                    b -> b.findElement(By.id("notice-live")).getText().contains("已连接"));
            ((org.openqa.selenium.JavascriptExecutor) township).executeScript("window.journeyMarker = 'not reloaded'");

            browser = Chromium.start(width, height);
            FieldPages.signIn(browser, base(), "commander");
            browser.get(base() + "/notices/new?kind=NOTICE");
            WebElement titleField = browser.findElement(By.name("title"));
            assertThat(titleField.getAttribute("value")).contains("通告");
            titleField.clear();
            titleField.sendKeys(title);
            FieldPages.click(browser, By.name("isPublic"));
            FieldPages.screenshot(browser, "notice-write-" + width + "x" + height);
            browser.findElement(By.cssSelector("#notice-form button[type=submit]"))
                    .click();
            waiting().until(b -> b.getCurrentUrl().matches(".*/notices/\\d+$"));
            String noticeUrl = browser.getCurrentUrl();
            assertThat(FieldPages.text(browser, By.id("notice-state"))).contains("草稿");
            assertThat(browser.findElements(By.id("approve")))
                    .as("the author cannot approve")
                    .isEmpty();

            FieldPages.signIn(browser, base(), "coleader");
            browser.get(noticeUrl);
            waiting().until(b -> b.findElement(By.id("approve"))).click();
            waiting().until(b -> b.findElement(By.id("notice-state")).getText().contains("已发布"));

            townshipWait.until(b -> b.findElements(By.cssSelector("#notice-rows tr")).stream()
                    .anyMatch(e -> e.getText().contains(title)));
            assertThat(((org.openqa.selenium.JavascriptExecutor) township).executeScript("return window.journeyMarker"))
                    .isEqualTo("not reloaded");
            assertThat(township.findElement(By.id("notice-badge")).getAttribute("class"))
                    .contains("unread");
            FieldPages.screenshot(township, "notice-pushed-" + width + "x" + height);
            townshipWait.until(b -> {
                for (WebElement e : b.findElements(By.cssSelector("#notice-rows tr"))) {
                    if (e.getText().contains(title)) {
                        e.findElement(By.cssSelector("button.read-button")).click();
                        return true;
                    }
                }
                return false;
            });
            townshipWait.until(b -> b.findElements(By.cssSelector("#notice-rows tr")).stream()
                    .anyMatch(e -> e.getText().contains(title) && e.getText().contains("已读 ")));
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) township)
                            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                    .as("notices page scrolls sideways")
                    .isFalse();
            FieldPages.assertNoConsoleErrors(township, "notices page");

            FieldPages.signIn(browser, base(), "commander");
            browser.get(noticeUrl);
            WebElement receipt =
                    waiting().until(b -> b.findElement(By.cssSelector("#receipt-rows tr[data-user=township1]")));
            assertThat(receipt.getText()).contains("已读");
            assertThat(FieldPages.text(browser, By.id("receipts"))).contains("阅读回执");
            FieldPages.screenshot(browser, "notice-receipts-" + width + "x" + height);

            browser.manage().deleteAllCookies();
            browser.get(noticeUrl.replace("/notices/", "/p/notices/"));
            waiting().until(b -> b.findElement(By.tagName("h1")).getText().contains(title));
            FieldPages.screenshot(browser, "notice-public-" + width + "x" + height);
        } finally {
            township.quit();
        }
    }
}
