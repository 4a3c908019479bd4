package org.pingji.journey;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.person.PersonDirectory;
import org.pingji.status.StatusCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the page journeys share: the running server, one real Chromium per test (quit after it),
 * waits that tolerate a page replacing the element being checked, and a signed status code of a
 * green demo resident to check at a desk.
 */
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StatusCodes codes;

    @Autowired
    PersonDirectory persons;

    WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    WebDriverWait waiting() {
        // pages swap parts of themselves (the code page its card on renewal): a found element may go
        // stale between finding it and reading it
        return (WebDriverWait)
                new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** A freshly signed code of the first resident of a micro-grid no test turns red. */
    String greenToken() {
        long id = persons.firstIn("1410291000010102").orElseThrow().id();
        return codes.issue(new Caller(1, "admin", "admin", Role.ADMIN, "141029", "/141029/"), id)
                .token();
    }
}
