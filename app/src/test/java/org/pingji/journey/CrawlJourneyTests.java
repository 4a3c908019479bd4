package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pingji.PingjiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page works for every role: a real Chromium logs in through the login page as each demo
 * role, at desktop and at phone size, opens the landing page, every link of the header (also
 * when folded into the phone menu), and every same-origin link on the pages it reaches, two
 * clicks deep, and fails on any answer of 4xx/5xx (documents, fragments, scripts), any console
 * error, and any error page. Links are deduplicated by their shape (ids collapse, region codes
 * keep their level) so the walk stays short; downloads and API links are fetched, not opened.
 */
@PingjiTest
class CrawlJourneyTests {

    static final List<String> ROLES = List.of(
            "admin",
            "commander",
            "coleader",
            "township1",
            "village1",
            "gridworker1",
            "sampler1",
            "checkpoint1",
            "lab1",
            "epi1",
            "quarantine1",
            "inspector1",
            "supplies1",
            "duty1",
            "pharmacy1",
            "resident1");

    /** Pages each role must at least reach: the walk stays meaningful when links disappear. */
    static final int MIN_PAGES_PER_ROLE = 3;

    static final int DEPTH = 2;

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern DOWNLOAD =
            Pattern.compile(".*(\\.(xlsx|xls|csv|png|svg|json|pdf|zip|geojson)|/export.*|/template)$");

    @LocalServerPort
    int port;

    @Test
    void everyPageWorksForEveryRoleOnADesktop() {
        crawl(1400, 900);
    }

    @Test
    void everyPageWorksForEveryRoleOnAPhone() {
        crawl(390, 844);
    }

    void crawl(int width, int height) {
        WebDriver browser = Chromium.start(width, height, true);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> visitedPerRole = new LinkedHashMap<>();
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ZERO);
            for (String role : ROLES) {
                Walk walk = new Walk(browser, role, width);
                long start = System.nanoTime();
                walk.run();
                System.out.printf(
                        "crawl %s at %dpx: %d pages in %d ms%n",
                        role, width, walk.visited.size(), (System.nanoTime() - start) / 1_000_000);
                failures.addAll(walk.failures);
                visitedPerRole.put(role, walk.visited.size());
            }
        } finally {
            browser.quit();
        }
        String report =
                "%d problems at %dx%d:%n%s".formatted(failures.size(), width, height, String.join("\n", failures));
        assertThat(failures).as(report).isEmpty();
        assertThat(visitedPerRole)
                .as("pages opened per role at %dx%d", width, height)
                .allSatisfy((role, pages) ->
                        assertThat(pages).as("pages opened by %s", role).isGreaterThanOrEqualTo(MIN_PAGES_PER_ROLE));
        assertThat(visitedPerRole.get("admin")).as("pages opened by admin").isGreaterThanOrEqualTo(40);
    }

    /** One role's walk through the console. */
    final class Walk {
        final WebDriver browser;
        final String role;
        final int width;
        final List<String> failures = new ArrayList<>();
        final List<String> visited = new ArrayList<>();
        final Set<String> shapes = new HashSet<>();

        Walk(WebDriver browser, String role, int width) {
            this.browser = browser;
            this.role = role;
            this.width = width;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        void run() {
            browser.manage().deleteAllCookies();
            browser.get(base() + "/login");
            FieldPages.type(browser, By.name("username"), role);
            FieldPages.type(browser, By.name("password"), "demo");
            FieldPages.click(browser, By.cssSelector("form button[type=submit]"));
            // the click only starts the navigation: wait until it has left the login page (or failed)
            ((WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
                            .ignoring(org.openqa.selenium.StaleElementReferenceException.class))
                    .until(b -> !b.getCurrentUrl().endsWith("/login"));
            drainLogs("/login");
            assertThat(browser.getCurrentUrl()).as("%s signed in", role).doesNotContain("/login");
            String landing = path(browser.getCurrentUrl());
            shapes.add(shape(landing));
            inspect(landing);
            screenshot();
            Deque<Link> queue = new ArrayDeque<>();
            for (String href : links("header a[href], nav a[href]")) {
                enqueue(queue, href, 1);
            }
            for (String href : links("a[href]")) {
                enqueue(queue, href, 2);
            }
            while (!queue.isEmpty()) {
                Link link = queue.pollFirst();
                if (isDownload(link.path)) {
                    fetch(link.path);
                    continue;
                }
                browser.get(base() + link.path);
                inspect(link.path);
                if (link.depth < DEPTH) {
                    for (String href : links("a[href]")) {
                        enqueue(queue, href, link.depth + 1);
                    }
                }
            }
        }

        void enqueue(Deque<Link> queue, String href, int depth) {
            String path = sameOriginPath(href);
            if (path == null || !shapes.add(shape(path))) {
                return;
            }
            queue.addLast(new Link(path, depth));
        }

        /** Opens nothing: reads what the page just loaded told the browser. */
        void inspect(String path) {
            visited.add(path);
            drainLogs(path);
            Object errorPage = js(
                    """
                    const main = document.querySelector('main.error-page');
                    if (main) return main.innerText;
                    if (document.body && document.body.innerText.includes('Whitelabel Error Page'))
                        return 'Whitelabel Error Page';
                    return null;""");
            if (errorPage != null) {
                fail(path, "error page: " + errorPage.toString().replaceAll("\\s+", " "));
            }
        }

        void drainLogs(String path) {
            for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
                Map<String, Object> event = new Json().toType(entry.getMessage(), Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) event.get("message");
                if (!"Network.responseReceived".equals(message.get("method"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> response =
                        (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("response");
                int status = ((Number) response.get("status")).intValue();
                if (status >= 400) {
                    fail(path, "HTTP %d for %s".formatted(status, response.get("url")));
                }
            }
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    fail(path, "console: " + entry.getMessage());
                }
            }
        }

        void fetch(String path) {
            visited.add(path);
            Object status = ((JavascriptExecutor) browser)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                                    + ".then(r => done(r.status), e => done(String(e)));",
                            path);
            if (!(status instanceof Number n) || n.intValue() >= 400) {
                fail(path, "download answered " + status);
            }
            drainLogs(path);
        }

        void fail(String path, String problem) {
            failures.add("%s @%dpx %s: %s".formatted(role, width, path, problem));
        }

        @SuppressWarnings("unchecked")
        List<String> links(String selector) {
            return (List<String>) js(
                    "return Array.from(document.querySelectorAll(arguments[0]))"
                            + ".filter(a => !a.hasAttribute('download')).map(a => a.href);",
                    selector);
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) browser).executeScript(script, args);
        }

        void screenshot() {
            try {
                Path dir = Path.of("target", "journey");
                Files.createDirectories(dir);
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(dir.resolve("crawl-%s-%d.png".formatted(role, width)), png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String sameOriginPath(String href) {
            if (href == null || !href.startsWith(base() + "/")) {
                return null;
            }
            String path = path(href);
            if (path.startsWith("/logout") || path.startsWith("/login") || path.contains("lang=")) {
                return null;
            }
            return path;
        }
    }

    record Link(String path, int depth) {}

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static boolean isDownload(String path) {
        String bare = path.replaceFirst("\\?.*", "");
        return DOWNLOAD.matcher(bare).matches() || bare.startsWith("/api/");
    }

    /**
     * The link's shape: numbers collapse, region codes (six digits or more) keep their length and
     * so their level; query parameters in name order.
     */
    static String shape(String path) {
        String[] parts = path.split("\\?", 2);
        String query = parts.length < 2
                ? ""
                : Arrays.stream(parts[1].split("&")).sorted().collect(Collectors.joining("&", "?", ""));
        String whole = parts[0] + query;
        Matcher longNumber = LONG_NUMBER.matcher(whole);
        StringBuilder out = new StringBuilder();
        while (longNumber.find()) {
            longNumber.appendReplacement(
                    out, "L" + "x".repeat(longNumber.group().length()));
        }
        longNumber.appendTail(out);
        return NUMBER.matcher(out).replaceAll("#");
    }
}
