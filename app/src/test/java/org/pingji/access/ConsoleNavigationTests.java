package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Each role lands on its own work, and its header offers only pages it may open. */
@PingjiTest
class ConsoleNavigationTests {

    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;

    List<String> headerLinks(String user, String page) {
        String html = body(mvc.get().uri(page).with(httpBasic(user, "demo")).exchange());
        String header = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        List<String> links = new ArrayList<>();
        var m = HREF.matcher(header);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void eachRoleLandsOnItsWork() {
        assertThat(mvc.get().uri("/").with(httpBasic("sampler1", "demo"))).hasRedirectedUrl("/testing/table");
        assertThat(mvc.get().uri("/").with(httpBasic("resident1", "demo"))).hasRedirectedUrl("/my-code");
        assertThat(mvc.get().uri("/").with(httpBasic("lab1", "demo"))).hasRedirectedUrl("/testing/lab");
        assertThat(mvc.get().uri("/").with(httpBasic("gridworker1", "demo"))).hasRedirectedUrl("/arrivals");
        assertThat(mvc.get().uri("/").with(httpBasic("duty1", "demo"))).hasRedirectedUrl("/command/duty");
        assertThat(mvc.get().uri("/").with(httpBasic("epi1", "demo"))).hasRedirectedUrl("/tracing");
        assertThat(mvc.get().uri("/").with(httpBasic("quarantine1", "demo"))).hasRedirectedUrl("/quarantine");
        assertThat(mvc.get().uri("/").with(httpBasic("commander", "demo"))).hasRedirectedUrl("/command");
        assertThat(mvc.get().uri("/").with(httpBasic("township1", "demo"))).hasRedirectedUrl("/regions");
        assertThat(mvc.get().uri("/").with(httpBasic("checkpoint1", "demo"))).hasRedirectedUrl("/checkpoints/desk");
        assertThat(mvc.get().uri("/checkpoints/desk").with(httpBasic("checkpoint1", "demo")))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith("/checkpoints");
        assertThat(body(mvc.get()
                        .uri("/testing/table")
                        .with(httpBasic("sampler1", "demo"))
                        .exchange()))
                .contains("采样");
    }

    @Test
    void aResidentIsOfferedOnlyTheirCodeAndTheirReport() {
        assertThat(headerLinks("resident1", "/my-code"))
                .containsExactly("/", "/my-code", "/arrivals/report", "/me", "?lang=en");
        String page = body(
                mvc.get().uri("/my-code").with(httpBasic("resident1", "demo")).exchange());
        assertThat(page).doesNotContain("href=\"/command/mode\"", "href=\"/regions\"", "href=\"/testing\"");
        assertThat(page).contains("id=\"mode-banner\"");
    }

    @Test
    void theSamplerHasAHeaderLinkToTheSamplingDesk() {
        assertThat(headerLinks("sampler1", "/testing/table"))
                .contains("/testing/table")
                .doesNotContain("/persons");
        assertThat(headerLinks("lab1", "/testing/lab")).contains("/testing/lab").doesNotContain("/testing/table");
        assertThat(headerLinks("duty1", "/command/duty")).contains("/command/duty", "/persons");
    }

    @Test
    void everyHeaderLinkOfEveryRoleOpens() {
        for (Role role : Role.values()) {
            String user =
                    switch (role) {
                        case ADMIN -> "admin";
                        case COUNTY_COMMANDER -> "commander";
                        case TOWNSHIP_OFFICER -> "township1";
                        case VILLAGE_OFFICER -> "village1";
                        case GRID_WORKER -> "gridworker1";
                        case SAMPLER -> "sampler1";
                        case LAB -> "lab1";
                        case CHECKPOINT_STAFF -> "checkpoint1";
                        case EPIDEMIOLOGIST -> "epi1";
                        case QUARANTINE_MANAGER -> "quarantine1";
                        case INSPECTOR -> "inspector1";
                        case SUPPLIES_OFFICER -> "supplies1";
                        case DUTY_OFFICER -> "duty1";
                        case REPORTER -> "pharmacy1";
                        case RESIDENT -> "resident1";
                    };
            List<String> links = headerLinks(user, "/me");
            assertThat(links).as("header of %s", user).hasSizeGreaterThanOrEqualTo(4);
            for (String link : links) {
                if (link.startsWith("?")) {
                    continue;
                }
                int status = mvc.get()
                        .uri(link)
                        .with(httpBasic(user, "demo"))
                        .exchange()
                        .getResponse()
                        .getStatus();
                assertThat(status).as("%s opens %s", user, link).isIn(200, 302);
            }
        }
    }

    @Test
    void onAPhoneTheHeaderFoldsIntoAMenuWiredByDataAttributes() {
        String page =
                body(mvc.get().uri("/me").with(httpBasic("commander", "demo")).exchange());
        assertThat(page)
                .contains(
                        "data-menu-toggle",
                        "aria-controls=\"site-nav\"",
                        "<nav class=\"modules\" id=\"site-nav\"",
                        "/js/menu.js")
                .doesNotContain("onclick");
    }
}
