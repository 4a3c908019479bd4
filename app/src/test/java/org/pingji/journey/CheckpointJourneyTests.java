package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.person.PersonDirectory;
import org.pingji.status.StatusCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Chromium at a checkpoint: the code verifier checks Ed25519 signatures in the browser
 * (WebCrypto) with cached keys, and the desk records a passage with the server's decision.
 */
@PingjiTest
class CheckpointJourneyTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    StatusCodes codes;

    @Autowired
    PersonDirectory persons;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(420, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String token() {
        long id = persons.firstIn("1410291000010102").orElseThrow().id();
        Caller admin = new Caller(1, "admin", "admin", Role.ADMIN, "141029", "/141029/");
        return codes.issue(admin, id).token();
    }

    @Test
    void aGreenCodeIsVerifiedInTheBrowserAndATamperedOneIsRefused() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/login");
        FieldPages.type(browser, By.id("username"), "checkpoint1");
        FieldPages.type(browser, By.id("password"), "demo");
        FieldPages.click(browser, By.id("login-submit"));
        browser.get(base + "/verify");
        String token = token();
        var input = browser.findElement(By.id("verify-token"));
        input.sendKeys(token);
        FieldPages.click(browser, By.cssSelector("#verify-form button"));
        var wait = ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("verify-result")), "data-valid"));
        var result = browser.findElement(By.id("verify-result"));
        assertThat(result.getDomAttribute("data-valid")).isEqualTo("true");
        assertThat(result.getText()).contains("绿码");

        byte[] bytes = Base64.getUrlDecoder().decode(token.substring(4));
        bytes[15] = 2; // claim RED without the key
        input.clear();
        input.sendKeys("PJ1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        FieldPages.click(browser, By.cssSelector("#verify-form button"));
        wait.until(ExpectedConditions.attributeToBe(By.id("verify-result"), "data-valid", "false"));
        assertThat(FieldPages.text(browser, By.id("verify-result"))).contains("签名无效");

        // the desk: the scanned code is pre-checked in the browser, the server decides and records
        browser.get(base + "/checkpoints");
        FieldPages.click(browser, By.cssSelector("#checkpoints a"));
        String before = FieldPages.text(browser, By.id("count-vehicles"));
        FieldPages.type(browser, By.id("desk-codes"), token());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-precheck"), "绿码"));
        FieldPages.click(browser, By.cssSelector("#desk-form button"));
        assertThat(FieldPages.text(browser, By.id("desk-result"))).contains("通行");
        assertThat(Integer.parseInt(FieldPages.text(browser, By.id("count-vehicles"))))
                .isEqualTo(Integer.parseInt(before) + 1);
    }
}
