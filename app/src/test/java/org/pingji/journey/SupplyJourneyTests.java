package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pingji.PingjiTest;

/**
 * A requisition in real Chromium: township1 on a phone (390×844) requests more surgical masks than
 * the township's store holds; commander and supplies1 at desktop size (1400×900) approve it,
 * supplies1 allocates (the township's store, then the county's), prints the pick list and
 * dispatches; township1 on the phone confirms receipt with one mask fewer than dispatched.
 */
@PingjiTest
class SupplyJourneyTests extends BrowserJourney {

    void open(String path) {
        browser.get(base() + path);
    }

    void click(String id, String expectedState) {
        browser.findElement(By.id(id)).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), expectedState));
    }

    @Test
    void townshipRequestsCommandAndSuppliesApproveAllocateDispatchTownshipReceives() {
        List<Number> ids =
                JsonPath.read(body(get(mvc, "supplies1", "/api/supply/items")), "$[?(@.code == 'C01-1')].id");
        long item = ids.getFirst().longValue();
        Number inTownship = JsonPath.read(
                body(get(mvc, "supplies1", "/api/supply/stock?item=%d&region=141029100".formatted(item))),
                "$.available");
        int wanted = inTownship.intValue() + 25;

        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "township1");
        open("/supply/request");
        new Select(browser.findElement(By.id("item-1"))).selectByValue(Long.toString(item));
        browser.findElement(By.id("qty-1")).sendKeys(Integer.toString(wanted));
        browser.findElement(By.name("note")).sendKeys("昌宁镇采样点补充");
        FieldPages.screenshot(browser, "supply-request-phone");
        browser.findElement(By.id("submit-request")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "待审批"));
        String url = browser.getCurrentUrl();
        String path = url.substring(url.indexOf("/supply/requisitions/"));
        browser.quit();

        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "commander");
        open(path);
        click("approve", "待物资部门审批");
        FieldPages.signIn(browser, base(), "supplies1");
        open(path);
        click("approve", "待配货");
        click("allocate", "已配货待发运");
        List<String> warehouses = browser.findElements(By.cssSelector("#picks tbody tr td:first-child")).stream()
                .map(e -> e.getText())
                .toList();
        assertThat(warehouses.getFirst()).contains("昌宁镇");
        assertThat(warehouses).anyMatch(w -> w.contains("乡宁县"));
        FieldPages.screenshot(browser, "supply-allocated-desktop");
        open(path + "/pick-list");
        assertThat(browser.findElement(By.id("pick-lines")).getText()).contains("医用外科口罩");
        FieldPages.screenshot(browser, "supply-pick-list-desktop");
        open(path);
        browser.findElement(By.name("vehicle")).sendKeys("晋L·66881");
        browser.findElement(By.name("driver")).sendKeys("张师傅");
        click("dispatch", "已发运待收货");
        open("/supply");
        assertThat(browser.findElement(By.id("stock")).getText()).contains("医用外科口罩", "已过期");
        FieldPages.screenshot(browser, "supply-overview-desktop");
        open("/supply?tab=forecast");
        assertThat(browser.findElement(By.id("forecast")).getText()).contains("采样拭子", "轮");
        FieldPages.screenshot(browser, "supply-forecast-desktop");
        browser.quit();

        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "township1");
        open(path);
        var received = browser.findElement(By.name("r." + item));
        received.clear();
        received.sendKeys(Integer.toString(wanted - 1));
        FieldPages.screenshot(browser, "supply-receive-phone");
        click("receive", "已收货");
        assertThat(browser.findElement(By.id("lines")).getText()).contains("少于发运数");
        FieldPages.screenshot(browser, "supply-received-phone");
        FieldPages.signIn(browser, base(), "supplies1");
        open("/supply");
        FieldPages.screenshot(browser, "supply-overview-phone");
    }
}
