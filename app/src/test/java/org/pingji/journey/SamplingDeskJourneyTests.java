package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The mass-testing field flow in a real Chromium: sampler1 at a table of a 昌宁镇 community types
 * a tube and ten resident IDs as a scanner does (value + Enter), the tube fills and seals, a second
 * tube is sealed by hand, both are boxed; then the same with the network cut while scanning —
 * the page keeps the scans, shows the queue, and sends each exactly once when the network is back.
 */
@PingjiTest
class SamplingDeskJourneyTests {

    static final AtomicInteger RUN = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    record Desk(long round, String community, List<String> residentIds) {}

    /** Opens a 10-in-1 round over one community and picks persons who may join a pool. */
    Desk openRound(String community, int persons) {
        var http = new TracingFixtures(mvc);
        long round = http.id(
                http.post(
                        "commander",
                        "/api/testing/rounds",
                        """
                        {"name":"采样台旅程 %d","regionCodes":["%s"],"poolSize":10,"deadline":"%s","drill":false}"""
                                .formatted(
                                        RUN.incrementAndGet(),
                                        community,
                                        Instant.now().plus(1, ChronoUnit.DAYS))),
                "$.id");
        // a person awaiting a single retest after a positive pool cannot join a pool
        List<Long> candidates = http.persons(community, 30).stream()
                .filter(p -> jdbc.sql(
                                        """
                                select count(*) from testing.samples s join testing.tubes t on t.barcode = s.tube_barcode
                                 where s.person_id = ? and t.result = 'POSITIVE'""")
                                .param(p)
                                .query(Long.class)
                                .single()
                        == 0)
                .limit(persons)
                .toList();
        assertThat(candidates).hasSize(persons);
        List<String> ids = new ArrayList<>();
        for (long p : candidates) {
            ids.add(JsonPath.read(body(http.post("commander", "/api/persons/" + p + "/unmask", "")), "$.residentId"));
        }
        return new Desk(round, community, ids);
    }

    /** A new round over the community, and sampler1's desk at it in a browser of this size. */
    Desk openDesk(String community, int persons, int width, int height) {
        Desk desk = openRound(community, persons);
        browser = Chromium.start(width, height);
        String base = "http://127.0.0.1:" + port;
        FieldPages.signIn(browser, base, "sampler1");
        browser.get(base + "/testing/table");
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo("采样台");
        new Select(browser.findElement(By.id("round"))).selectByValue(String.valueOf(desk.round()));
        assertThat(new Select(browser.findElement(By.id("table")))
                        .getFirstSelectedOption()
                        .getDomAttribute("data-round"))
                .isEqualTo(String.valueOf(desk.round()));
        return desk;
    }

    void scanTube(String barcode) {
        FieldPages.type(browser, By.id("tube"), barcode, Keys.ENTER);
    }

    void scanPersons(List<String> residentIds) {
        var field = browser.findElement(By.id("person"));
        for (String id : residentIds) {
            field.sendKeys(id, Keys.ENTER);
        }
    }

    WebDriverWait waiting() {
        return ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class));
    }

    void awaitQueueEmpty() {
        waiting().until(b -> "0".equals(b.findElement(By.id("sync-state")).getDomAttribute("data-pending")));
        assertThat(FieldPages.text(browser, By.id("sync-state"))).isEqualTo("已全部上传");
    }

    List<String> samplesIn(String tube) {
        return jdbc.sql("select person_id from testing.samples where tube_barcode = ? order by person_id")
                .param(tube)
                .query(String.class)
                .list();
    }

    int logLines(String text) {
        return (int) browser.findElements(By.cssSelector("#log li")).stream()
                .filter(li -> li.getText().contains(text))
                .count();
    }

    void box(String barcode, int tubes, String screenshot) {
        FieldPages.type(browser, By.cssSelector("#pack input[name=box]"), barcode);
        FieldPages.type(browser, By.cssSelector("#pack input[name=location]"), "营里社区采样点");
        FieldPages.click(browser, By.cssSelector("#pack button[type=submit]"));
        assertThat(FieldPages.text(browser, By.cssSelector("p.notice")))
                .isEqualTo("转运箱 %s 已装入 %d 支试管并交接送检".formatted(barcode, tubes));
        FieldPages.screenshot(browser, screenshot);
        FieldPages.assertNoConsoleErrors(browser, "/testing/table");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900,141029100003", "390,844,141029100006"})
    void aSamplerScansATubeOfTenSealsAndBoxes(int width, int height, String community) {
        Desk desk = openDesk(community, 12, width, height);
        String full = "JA%dR%d".formatted(width, desk.round());
        String partial = "JB%dR%d".formatted(width, desk.round());

        scanTube(full);
        assertThat(FieldPages.text(browser, By.id("tube-state"))).isEqualTo(full);
        scanPersons(desk.residentIds().subList(0, 10));
        awaitQueueEmpty();
        // the tenth person fills the 10-in-1 tube: the server seals it and the desk moves on
        waiting()
                .until(b -> b.findElement(By.id("tube")).getDomProperty("value").isEmpty());
        assertThat(FieldPages.text(browser, By.id("tube-state"))).isEqualTo("试管 %s 已封管，请放入转运箱，扫描下一支试管".formatted(full));
        assertThat(logLines("试管已满并自动封管")).isEqualTo(1);
        FieldPages.screenshot(browser, "sampling-desk-%dx%d".formatted(width, height));

        scanTube(partial);
        scanPersons(desk.residentIds().subList(10, 12));
        awaitQueueEmpty();
        FieldPages.click(browser, By.id("seal"));
        waiting().until(b -> b.findElement(By.id("tube-state")).getText().startsWith("试管 " + partial + " 已封管"));
        assertThat(logLines("试管 %s 已封管（2/10）".formatted(partial))).isEqualTo(1);
        assertThat(browser.findElement(By.id("pack-tubes")).getDomProperty("value"))
                .isEqualTo(full + "\n" + partial);
        box("XA%dR%d".formatted(width, desk.round()), 2, "sampling-desk-boxed-%dx%d".formatted(width, height));

        assertThat(samplesIn(full)).hasSize(10).doesNotHaveDuplicates();
        assertThat(samplesIn(partial)).hasSize(2);
        assertCoverage(desk, 12);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900,141029100007", "390,844,141029100008"})
    void scansTakenWhileTheNetworkIsDownAreSentOnceWhenItReturns(int width, int height, String community) {
        Desk desk = openDesk(community, 10, width, height);
        String tube = "JO%dR%d".formatted(width, desk.round());
        scanTube(tube);
        scanPersons(desk.residentIds().subList(0, 4));
        awaitQueueEmpty();

        FieldPages.network(browser, false);
        scanPersons(desk.residentIds().subList(4, 10));
        var state = browser.findElement(By.id("sync-state"));
        waiting().until(b -> state.getText().startsWith("网络中断"));
        assertThat(state.getText()).isEqualTo("网络中断，扫码已暂存在本机，恢复后自动上传 · 待上传 6 条");
        assertThat(state.getDomAttribute("data-pending")).isEqualTo("6");
        assertThat(samplesIn(tube)).hasSize(4);
        FieldPages.screenshot(browser, "sampling-desk-offline-%dx%d".formatted(width, height));
        // what the browser logs for the refused requests is the expected effect of the cut
        assertThat(FieldPages.consoleErrors(browser)).allMatch(e -> e.contains("ERR_INTERNET_DISCONNECTED"));

        FieldPages.network(browser, true);
        awaitQueueEmpty();
        waiting().until(b -> b.findElement(By.id("tube-state")).getText().contains("已封管"));
        assertThat(samplesIn(tube)).hasSize(10).doesNotHaveDuplicates();
        assertThat(logLines("重复")).isZero();
        box("XO%dR%d".formatted(width, desk.round()), 1, "sampling-desk-synced-%dx%d".formatted(width, height));
        assertCoverage(desk, 10);
    }

    /** The round holds exactly the scanned persons, each once. */
    void assertCoverage(Desk desk, int sampled) {
        List<String> persons = jdbc.sql("select person_id from testing.samples where round_id = ?")
                .param(desk.round())
                .query(String.class)
                .list();
        assertThat(persons).hasSize(sampled).doesNotHaveDuplicates();
        var http = new TracingFixtures(mvc);
        String coverage = body(
                http.get("commander", "/api/testing/rounds/" + desk.round() + "/coverage?region=" + desk.community()));
        assertThat(coverage).contains("\"sampled\":" + sampled);
    }
}
