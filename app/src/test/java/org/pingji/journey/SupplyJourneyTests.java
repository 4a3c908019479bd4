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
        FieldPages.click(browser, By.id(id));
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
        FieldPages.type(browser, By.id("qty-1"), Integer.toString(wanted));
        FieldPages.type(browser, By.name("note"), "昌宁镇采样点补充");
        FieldPages.screenshot(browser, "supply-request-phone");
        FieldPages.click(browser, By.id("submit-request"));
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
        assertThat(FieldPages.text(browser, By.id("pick-lines"))).contains("医用外科口罩");
        FieldPages.screenshot(browser, "supply-pick-list-desktop");
        open(path);
        FieldPages.type(browser, By.name("vehicle"), "晋L·66881");
        FieldPages.type(browser, By.name("driver"), "张师傅");
        click("dispatch", "已发运待收货");
        open("/supply");
        assertThat(FieldPages.text(browser, By.id("stock"))).contains("医用外科口罩", "已过期");
        FieldPages.screenshot(browser, "supply-overview-desktop");
        open("/supply?tab=forecast");
        assertThat(FieldPages.text(browser, By.id("forecast"))).contains("采样拭子", "轮");
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
        assertThat(FieldPages.text(browser, By.id("lines"))).contains("少于发运数");
        FieldPages.screenshot(browser, "supply-received-phone");
        FieldPages.signIn(browser, base(), "supplies1");
        open("/supply");
        FieldPages.screenshot(browser, "supply-overview-phone");
    }
}
