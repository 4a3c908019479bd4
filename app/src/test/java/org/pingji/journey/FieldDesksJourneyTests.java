package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pingji.PingjiTest;
import org.pingji.person.ResidentId;
import org.pingji.tracing.TracingFixtures;

/**
 * The other field desks in a real Chromium, under the Content-Security-Policy and failing on any
 * console error: a check at the checkpoint desk reads in Chinese; a resident's code page shows the
 * masked name and ID, times in Beijing time, and renews itself before the code expires (also after
 * a network cut); a ledger import shows its progress bar until the report.
 */
@PingjiTest
class FieldDesksJourneyTests extends BrowserJourney {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900", "390,844"})
    void aCheckAtTheCheckpointDeskReadsInChinese(int width, int height) {
        browser = Chromium.start(width, height);
        FieldPages.signIn(browser, base(), "checkpoint1");
        browser.get(base() + "/checkpoints");
        FieldPages.click(browser, By.cssSelector("#checkpoints a"));
        FieldPages.assertNoConsoleErrors(browser, "checkpoint desk");
        FieldPages.type(browser, By.id("desk-codes"), greenToken());
        waiting().until(b -> b.findElement(By.id("desk-precheck")).getText().equals("1. 绿码"));
        FieldPages.click(browser, By.cssSelector("#desk-form button[type=submit]"));

        var result = browser.findElement(By.id("desk-result"));
        assertThat(result.findElement(By.tagName("h2")).getText()).isEqualTo("通行");
        assertThat(result.findElement(By.cssSelector(".status-badge")).getText())
                .isEqualTo("绿码");
        assertThat(result.getText()).doesNotContainPattern("GREEN|YELLOW|RED|FAST_TEST|PASS");
        assertThat(browser.findElement(By.cssSelector("#desk-recent tbody tr td:nth-child(2)"))
                        .getText())
                .isEqualTo("通行");
        FieldPages.screenshot(browser, "checkpoint-desk-%dx%d".formatted(width, height));
        FieldPages.assertNoConsoleErrors(browser, "checkpoint desk after a check");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900", "390,844"})
    void aResidentsCodePageShowsWhoItBelongsToAndRenewsItself(int width, int height) {
        browser = Chromium.start(width, height);
        FieldPages.signIn(browser, base(), "resident1");
        browser.get(base() + "/my-code");
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo("我的健康码");
        assertThat(FieldPages.text(browser, By.id("my-name"))).matches("\\p{IsHan}\\*+");
        assertThat(FieldPages.text(browser, By.id("my-resident-id"))).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
        assertThat(browser.findElements(By.cssSelector("#my-code textarea, #my-code input")))
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("PJ1.");

        var code = browser.findElement(By.id("my-code"));
        long expires = Long.parseLong(code.getDomAttribute("data-expires-at"));
        long renewAt = Long.parseLong(code.getDomAttribute("data-renew-at"));
        assertThat(renewAt)
                .isLessThan(expires)
                .isGreaterThanOrEqualTo(expires - Duration.ofMinutes(2).toMillis());
        String shown = DateTimeFormatter.ofPattern("HH:mm")
                .format(Instant.ofEpochMilli(expires).atZone(COUNTY));
        assertThat(FieldPages.text(browser, By.id("my-expires"))).isEqualTo("有效至 %s，到期前自动更新".formatted(shown));
        String image = browser.findElement(By.cssSelector("#my-code img")).getDomAttribute("src");
        FieldPages.screenshot(browser, "my-code-%dx%d".formatted(width, height));

        // the renewal time comes: without network the page says so, and renews once it is back
        FieldPages.network(browser, false);
        script("document.getElementById('my-code').dataset.renewAt = '0'");
        waiting().until(b -> b.findElement(By.id("my-renew-state")).getText().startsWith("网络中断"));
        assertThat(FieldPages.text(browser, By.id("my-renew-state")))
                .isEqualTo("网络中断，健康码暂未更新（%s 过期），恢复后自动更新".formatted(shown));
        FieldPages.consoleErrors(browser); // the refused fetch is the expected effect of the cut
        FieldPages.network(browser, true);
        waiting().until(b -> !b.findElement(By.cssSelector("#my-code img"))
                .getDomAttribute("src")
                .equals(image));
        var renewed = browser.findElement(By.id("my-code"));
        assertThat(Long.parseLong(renewed.getDomAttribute("data-expires-at"))).isGreaterThan(expires);
        assertThat(Long.parseLong(renewed.getDomAttribute("data-renew-at"))).isGreaterThan(System.currentTimeMillis());
        assertThat(FieldPages.text(browser, By.id("my-renew-state"))).isEmpty();
        assertThat(FieldPages.text(browser, By.id("my-name"))).matches("\\p{IsHan}\\*+");
        FieldPages.assertNoConsoleErrors(browser, "/my-code after the renewal");
    }

    /** The first micro-grid of the county's last township (away from the testing journeys' township). */
    String quietMicroGrid() {
        var http = new TracingFixtures(mvc);
        String code = "141029";
        for (int level = 0; level < 4; level++) {
            List<String> children =
                    JsonPath.read(body(http.get("commander", "/api/regions/" + code + "/children")), "$[*].code");
            code = level == 0 ? children.getLast() : children.getFirst();
        }
        assertThat(code).hasSize(16);
        return code;
    }

    /** A ledger in the template's current layout: title rows, then one row per person. */
    static byte[] ledger(String microGrid, int rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "journey", "1.0");
        var ws = wb.newWorksheet("台账");
        ws.value(0, 0, "旅程社区人口台账（导入进度）");
        ws.range(0, 0, 0, 6).merge();
        List<String> header = List.of("姓名*", "身份证号*", "手机号", "微网格编码*", "户编号*", "住址", "居住类型");
        for (int c = 0; c < header.size(); c++) {
            ws.value(1, c, header.get(c));
        }
        long stamp = System.currentTimeMillis() % 1000;
        for (int r = 0; r < rows; r++) {
            // born 1960-01-01 plus r days; the sequence number keeps IDs apart between runs
            String birth = java.time.LocalDate.of(1960, 1, 1).plusDays(r / 3).format(DateTimeFormatter.BASIC_ISO_DATE);
            String first = "130102" + birth + "%03d".formatted((stamp + r % 3 * 300) % 1000);
            ws.value(2 + r, 0, "旅程居民" + r);
            ws.value(2 + r, 1, first + ResidentId.checkCharacter(first));
            ws.value(2 + r, 2, "139%08d".formatted(r));
            ws.value(2 + r, 3, microGrid);
            ws.value(2 + r, 4, "J%d-%d".formatted(stamp, r / 3));
            ws.value(2 + r, 5, "旅程社区%d号楼".formatted(r / 3));
            ws.value(2 + r, 6, "户籍人口");
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void aLedgerImportShowsItsProgressUntilTheReport() throws Exception {
        int rows = 6000;
        Path file = Files.createTempFile("journey-ledger", ".xlsx");
        Files.write(file, ledger(quietMicroGrid(), rows));
        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "commander");
        // records what the progress card shows after every htmx swap of the job page
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                """
                                window.seen = [];
                                function note() {
                                  var bar = document.querySelector('#import-progress .progress div');
                                  window.seen.push(bar ? bar.style.width : (document.getElementById('import-ok') ? 'done' : '?'));
                                }
                                document.addEventListener('DOMContentLoaded', note);
                                document.addEventListener('htmx:afterSettle', note);"""));
        browser.get(base() + "/imports");
        FieldPages.assertNoConsoleErrors(browser, "/imports");
        FieldPages.type(browser, By.id("file"), file.toAbsolutePath().toString());
        FieldPages.click(browser, By.id("upload"));
        waiting().until(b -> !b.findElements(By.id("import-ok")).isEmpty());
        assertThat(FieldPages.text(browser, By.id("import-ok")))
                .isEqualTo("导入成功：%,d 人，涉及 %,d 户".formatted(rows, rows / 3));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) script("return window.seen");
        assertThat(seen).last().isEqualTo("done");
        assertThat(seen).as("the progress bar was shown while the import ran").anyMatch(s -> s.endsWith("%"));
        assertThat(browser.findElement(By.id("import-progress")).getDomAttribute("hx-get"))
                .isNull();
        FieldPages.screenshot(browser, "import-done-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "the import job page");
    }
}
