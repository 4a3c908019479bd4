package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the field-flow journeys share: signing in, screenshots into {@code target/journey}, and
 * failing on any error the page's scripts wrote to the browser console (a script refused by the
 * Content-Security-Policy shows up there too).
 */
final class FieldPages {

    private FieldPages() {}

    static void signIn(WebDriver browser, String base, String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class))
                .until(b -> !b.getCurrentUrl().contains("/login"));
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "journey"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors since the last call (reading the log empties it). */
    static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    static void assertNoConsoleErrors(WebDriver browser, String page) {
        assertThat(consoleErrors(browser))
                .as("browser console errors on " + page)
                .isEmpty();
    }

    /** Cuts or restores the browser's network (Chromium's offline emulation). */
    static void network(WebDriver browser, boolean online) {
        var chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                java.util.Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
    /**
     * The text of an element, found afresh: a page that re-renders (an SSE push, a swapped list) may
     * replace the element between finding it and reading it, so a stale read finds it again.
     */
    static String text(WebDriver browser, By by) {
        return patient(browser).until(b -> b.findElement(by).getText());
    }

    /** Clicks an element, finding it again if the page replaced it meanwhile. */
    static void click(WebDriver browser, By by) {
        patient(browser).until(b -> {
            b.findElement(by).click();
            return true;
        });
    }

    /** Types into an element, finding it again if the page replaced it before the keys went in. */
    static void type(WebDriver browser, By by, CharSequence... keys) {
        patient(browser).until(b -> {
            b.findElement(by).sendKeys(keys);
            return true;
        });
    }

    private static WebDriverWait patient(WebDriver browser) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }
}
