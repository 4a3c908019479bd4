package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The real browser of the journeys: Debian's chromium and chromium-driver, headless, on a fresh
 * profile, with the flags that keep it off the network (this machine refuses everything but
 * loopback). Required in CI: a missing browser fails the journey.
 */
final class Chromium {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {}

    /** A new headless browser with the given window size (e.g. 1280x900, or 390x844 for a phone). */
    static WebDriver start(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A new headless browser that, when {@code logging}, keeps the console ({@code browser} log)
     * and the network events ({@code performance} log, {@code Network.responseReceived} with each
     * response's status) for the test to read.
     */
    static WebDriver start(int width, int height, boolean logging) {
        assertThat(new File(DRIVER).canExecute() && new File(BINARY).canExecute())
                .as("Chromium journeys need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        // the journeys fail on console errors: keep the browser log
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        try {
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-extensions",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("pingji-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (logging) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        WebDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER))
                        .build(),
                options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}
