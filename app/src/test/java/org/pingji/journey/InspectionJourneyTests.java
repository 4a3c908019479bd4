package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.post;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supervision in a real Chromium: inspector1 on a phone (390×844) opens today's assignments from a
 * draw, records the checklist with a failed item, a note and a photo from the camera input, loses
 * nothing on a reload (the draft is in localStorage), signs and submits: a finding with its
 * deadline. The commander at a desk (1400×900) reads the statistics, draws 5 % of a zone's shops
 * and replays the draw to the same picks.
 */
@PingjiTest
class InspectionJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 1200, 900);
        g.setColor(Color.WHITE);
        g.fillRect(300, 200, 600, 500);
        g.dispose();
        Path file = Files.createDirectories(Path.of("target", "journey")).resolve("shop-door.jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file.toAbsolutePath();
    }

    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    @Test
    void anInspectorRecordsAWholeInspectionWithAPhotoOnAPhone() throws IOException {
        assertThat(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/draws",
                        "{\"category\":\"PHARMACY\",\"zone\":\"Z1\",\"share\":1,\"seed\":13}"))
                .hasStatus(201);
        browser = Chromium.start(390, 844);
        FieldPages.signIn(browser, base(), "inspector1");
        waiting().until(ExpectedConditions.urlContains("/inspection"));
        assertThat(browser.getCurrentUrl()).endsWith("/inspection");
        FieldPages.screenshot(browser, "inspection-stats-390x844");
        browser.get(base() + "/inspection/today");
        WebElement assignment = waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#assignments a[data-assignment]")));
        String entityName = assignment.getText();
        assertThat(scrollsSideways()).as("today's list scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "inspection-today-390x844");
        assignment.click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-draft-key]")));
        assertThat(FieldPages.text(browser, By.tagName("h1"))).isEqualTo(entityName);
        List<WebElement> items = browser.findElements(By.cssSelector("fieldset.check-item"));
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < items.size(); i++) {
            WebElement radio =
                    items.get(i).findElement(By.cssSelector("input[value='" + (i == 0 ? "FAIL" : "PASS") + "']"));
            script("arguments[0].scrollIntoView({block: 'center'})", radio);
            radio.click();
        }
        items.getFirst().findElement(By.cssSelector("input.note")).sendKeys("购药登记本缺三日记录");
        FieldPages.type(browser, By.cssSelector("input[data-photo-input]"), photo().toString());
        waiting().until(b -> !b.findElement(By.cssSelector("[data-photo-preview]"))
                .getDomProperty("hidden")
                .equals("true"));
        assertThat(browser.findElement(By.id("partner")).getDomProperty("value"))
                .isNotBlank();
        FieldPages.screenshot(browser, "inspection-record-390x844");

        // the signal drops, the page is reloaded: nothing is lost
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-draft-restored]")));
        items = browser.findElements(By.cssSelector("fieldset.check-item"));
        assertThat(items.getFirst()
                        .findElement(By.cssSelector("input[value='FAIL']"))
                        .isSelected())
                .isTrue();
        assertThat(items.get(1)
                        .findElement(By.cssSelector("input[value='PASS']"))
                        .isSelected())
                .isTrue();
        assertThat(items.getFirst().findElement(By.cssSelector("input.note")).getDomProperty("value"))
                .isEqualTo("购药登记本缺三日记录");
        assertThat(browser.findElement(By.cssSelector("[data-photo-data]")).getDomProperty("value"))
                .startsWith("data:image/jpeg;base64,");
        assertThat(scrollsSideways()).as("checklist scrolls sideways").isFalse();
        FieldPages.screenshot(browser, "inspection-draft-restored-390x844");

        WebElement signed = browser.findElement(By.name("signed"));
        script("arguments[0].scrollIntoView({block: 'center'})", signed);
        signed.click();
        WebElement submit = browser.findElement(By.cssSelector("form[data-draft-key] button[type=submit]"));
        script("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(FieldPages.text(browser, By.id("recorded"))).contains(entityName, "照片 1 张");
        String finding = FieldPages.text(browser, By.cssSelector("#findings tbody"));
        assertThat(finding).contains("实名登记").containsPattern("\\d{4}-\\d{2}-\\d{2}");
        FieldPages.screenshot(browser, "inspection-recorded-390x844");
        FieldPages.assertNoConsoleErrors(browser, "inspection phone pages");
        assertThat((Boolean) script("return Object.keys(localStorage).some(k => k.startsWith('inspection-draft-'))"))
                .isFalse();
        long photos = jdbc.sql(
                        """
                        select count(*) from inspection.photos p join inspection.inspections i on i.id = p.inspection_id
                        join inspection.entities e on e.id = i.entity_id where e.name = ? and p.content_type = 'image/jpeg'""")
                .param(entityName)
                .query(Long.class)
                .single();
        assertThat(photos).isGreaterThanOrEqualTo(1);
        browser.quit();

        browser = Chromium.start(1400, 900);
        FieldPages.signIn(browser, base(), "commander");
        browser.get(base() + "/inspection");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("inspection-stats")));
        assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/inspection']"))
                        .getText())
                .isEqualTo("督查检查");
        assertThat(FieldPages.text(browser, By.cssSelector("[data-stat=interviews]")))
                .isNotBlank();
        FieldPages.screenshot(browser, "inspection-stats-1400x900");
        browser.get(base() + "/inspection/draws");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("category"))).selectByValue("SHOP");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("zone"))).selectByValue("Z2");
        FieldPages.type(browser, By.name("seed"), "20221207");
        FieldPages.click(browser, By.cssSelector("#draw-form button"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("picks")));
        assertThat(browser.findElements(By.cssSelector("#picks tbody tr"))).isNotEmpty();
        FieldPages.screenshot(browser, "inspection-draw-1400x900");
        FieldPages.click(browser, By.id("replay"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("replay-result")));
        assertThat(FieldPages.text(browser, By.id("replay-result"))).isEqualTo("复现结果与存档完全一致");
        browser.get(base() + "/inspection?tab=groups");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("groups")));
        FieldPages.screenshot(browser, "inspection-groups-1400x900");
        FieldPages.assertNoConsoleErrors(browser, "inspection desk pages");
    }
}
