package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pingji.PingjiTest;
import org.pingji.person.ResidentId;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Door-to-door visits in a real Chromium: gridworker1 on a phone (390×844) opens the visits from
 * their micro-grid's page, records a household visit with a new phone and a person who moved in
 * without an ID card, and sees the household turn 已走访; the village officer at desktop size sees
 * the coverage, merges the person found twice and undoes the merge.
 */
@PingjiTest
class VisitsJourneyTests extends BrowserJourney {

    static final String WORKER_GRID = "1410291000010101";
    static final String OTHER_GRID = "1410291000010103";
    static final String VILLAGE = "141029100001";
    static final Random RANDOM = new Random();

    /** A fresh valid ID of a man (odd 17th digit) or a woman. */
    static String id(boolean man) {
        String first;
        do {
            first = "141029%04d%02d%02d%03d"
                    .formatted(
                            1950 + RANDOM.nextInt(50),
                            1 + RANDOM.nextInt(12),
                            1 + RANDOM.nextInt(28),
                            RANDOM.nextInt(1000));
        } while ((first.charAt(16) - '0') % 2 != (man ? 1 : 0));
        return first + ResidentId.checkCharacter(first);
    }

    /** Imports persons (name, sex, ID, phone, address, relation) in the community layout. */
    void importPersons(String user, String microGrid, List<List<String>> persons) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "journey", "1.0");
        var ws = wb.newWorksheet("人口信息");
        List<String> header = List.of("序号", "姓名", "性别", "身份证号码", "联系电话", "现住址", "与户主关系");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < persons.size(); r++) {
            ws.value(r + 1, 0, Integer.toString(r + 1));
            for (int c = 0; c < persons.get(r).size(); c++) {
                ws.value(r + 1, c + 1, persons.get(r).get(c));
            }
        }
        wb.finish();
        var result = mvc.post()
                .uri("/api/imports/persons")
                .multipart()
                .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", out.toByteArray()))
                .param("region", microGrid)
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .exchange();
        assertThat(result).hasStatusOk();
    }

    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    @Test
    void aGridWorkerRecordsAVisitOnThePhoneAndAnOfficerMergesTheDuplicate() throws Exception {
        String building = "旅程%d号楼".formatted(1000 + RANDOM.nextInt(9000));
        String registeredId = id(false);
        String phone = "137%08d".formatted(RANDOM.nextInt(100_000_000));
        importPersons(
                "gridworker1",
                WORKER_GRID,
                List.of(
                        List.of("周文", "男", id(true), "13911110000", building + "1单元101", "户主"),
                        List.of("吴静", "女", id(false), "", building + "1单元101", "配偶")));
        importPersons(
                "commander", OTHER_GRID, List.of(List.of("孙丽", "女", registeredId, phone, building + "9单元909", "户主")));
        var opened = mvc.post()
                .uri("/api/visits/campaigns")
                .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                .contentType("application/json")
                .content("{\"region\":\"%s\",\"name\":\"旅程入户排查\",\"startsOn\":\"%s\"}"
                        .formatted(VILLAGE, LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .exchange();
        assertThat(opened).hasStatusOk();
        long campaign = ((Number) JsonPath.read(body(opened), "$.id")).longValue();

        // the grid worker, on a phone
        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "gridworker1");
        browser.get(base() + "/regions/" + WORKER_GRID);
        FieldPages.click(browser, By.id("tab-visits"));
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo("旅程入户排查");
        WebElement row = household(building + "1单元101");
        assertThat(row.findElement(By.cssSelector(".chip")).getText()).isEqualTo("未走访");
        assertThat(scrollsSideways()).as("grid page scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "visits-grid-390x844");
        FieldPages.assertNoConsoleErrors(browser, "visit grid page");
        row.findElement(By.tagName("a")).click();

        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo(building + "1单元101");
        assertThat(FieldPages.text(browser, By.id("last-visit"))).isEqualTo("本次走访尚未入户");
        List<WebElement> members = browser.findElements(By.cssSelector("[data-member]"));
        assertThat(members).hasSize(2);
        for (WebElement m : members) {
            String id = m.getDomAttribute("data-member");
            if (m.getText().contains("周文")) {
                tap(browser.findElement(By.id("found-" + id)));
            } else {
                tap(browser.findElement(By.id("found-" + id)));
                FieldPages.type(browser, By.id("phone-" + id), "13822223333");
            }
        }
        tap(browser.findElement(By.id("add-moved-in")));
        List<WebElement> blocks = browser.findElements(By.cssSelector("[data-moved-in]"));
        assertThat(blocks).hasSize(2);
        WebElement in = blocks.getFirst();
        in.findElement(By.name("inName")).sendKeys("孙丽");
        new org.openqa.selenium.support.ui.Select(in.findElement(By.name("inSex"))).selectByVisibleText("女");
        script(
                "arguments[0].value = arguments[1]",
                in.findElement(By.name("inBirth")),
                ResidentId.parse(registeredId, LocalDate.now()).birthDate().toString());
        in.findElement(By.name("inPhone")).sendKeys(phone);
        assertThat(scrollsSideways()).as("visit form scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "visits-household-390x844");
        FieldPages.click(browser, By.id("visit-save"));

        assertThat(FieldPages.text(browser, By.id("visit-saved")))
                .isEqualTo("已保存「%s」的走访：在家 3 人，变动 2 项".formatted(building + "1单元101"));
        assertThat(household(building + "1单元101")
                        .findElement(By.cssSelector(".chip"))
                        .getText())
                .isEqualTo("已走访");
        assertThat(household(building + "1单元101").getText()).contains("3 人", "在家 3 人");
        FieldPages.screenshot(browser, "visits-grid-after-390x844");
        FieldPages.assertNoConsoleErrors(browser, "visit saved");
        browser.quit();

        // the village officer, at a desk
        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "village1");
        browser.get(base() + "/visits/campaigns/" + campaign);
        assertThat(FieldPages.text(browser, By.id("coverage-visited"))).matches("1 / [\\d,]+");
        FieldPages.screenshot(browser, "visits-coverage-1400x900");
        browser.get(base() + "/visits");
        FieldPages.click(browser, By.id("duplicates-link"));
        WebElement pair = browser.findElements(By.cssSelector("[data-pair]")).stream()
                .filter(p -> p.getText().contains("孙丽") && p.getText().contains("无证件"))
                .findFirst()
                .orElseThrow();
        assertThat(pair.getText()).contains("姓名、出生日期、手机号相同（一方无证件）", ResidentId.mask(registeredId));
        FieldPages.screenshot(browser, "visits-duplicates-1400x900");
        String[] ids = pair.getDomAttribute("data-pair").split("-");
        long registered = Long.parseLong(ids[0]);
        pair.findElement(By.id("keep-" + registered)).click();
        // each button swaps the list: wait for the swapped page rather than read the old one
        waiting().until(b -> b.findElement(By.id("merge-done")).getText().startsWith("已合并：「孙丽」(" + ids[1] + ")"));
        assertThat(browser.findElements(By.cssSelector("[data-pair='%s-%s']".formatted(ids[0], ids[1]))))
                .isEmpty();
        FieldPages.screenshot(browser, "visits-merged-1400x900");
        FieldPages.click(browser, By.cssSelector("#merges .undo-merge"));
        waiting().until(b -> b.findElement(By.id("merge-done")).getText().startsWith("已撤销合并：「孙丽」(" + ids[1] + ")"));
        assertThat(browser.findElements(By.cssSelector("[data-pair='%s-%s']".formatted(ids[0], ids[1]))))
                .hasSize(1);
        // judged two persons after all: the pair leaves the list
        WebElement again = browser.findElement(By.cssSelector("[data-pair='%s-%s']".formatted(ids[0], ids[1])));
        again.findElement(By.name("note")).sendKeys("两人同名同生日，已电话核实");
        again.findElement(By.id("dismiss-%s-%s".formatted(ids[0], ids[1]))).click();
        waiting().until(b -> b.findElement(By.id("merge-done")).getText().contains("不是同一人"));
        assertThat(browser.findElements(By.cssSelector("[data-pair='%s-%s']".formatted(ids[0], ids[1]))))
                .isEmpty();
        FieldPages.assertNoConsoleErrors(browser, "duplicates page");

        // the round is over: the officer closes the campaign
        browser.get(base() + "/visits/campaigns/" + campaign);
        FieldPages.click(browser, By.id("campaign-close"));
        assertThat(FieldPages.text(browser, By.id("campaign-done"))).endsWith("已结束");
        assertThat(FieldPages.text(browser, By.id("campaign-closed"))).contains("由 village1 结束");
        assertThat(browser.findElements(By.id("campaign-close"))).isEmpty();
        FieldPages.screenshot(browser, "visits-closed-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "campaign closed");
    }

    /** Clicks an element scrolled to the middle of the window (the form's save bar sticks to the bottom). */
    void tap(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    WebElement household(String address) {
        return browser.findElements(By.cssSelector("#visit-households li")).stream()
                .filter(li -> li.getText().startsWith(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no household " + address));
    }
}
