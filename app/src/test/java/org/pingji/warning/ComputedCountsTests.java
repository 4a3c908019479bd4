package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.tracing.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The platform's own counts: a fever reported in home quarantine becomes tomorrow's
 * (here: a recomputed) {@code quarantine_fever} count of the person's township, through the
 * quarantine facade; recomputing is refused for a future day and for a sentinel.
 */
@PingjiTest
class ComputedCountsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    WarningManagement warning;

    @Test
    void aQuarantineFeverBecomesACountOfTheTownshipWhenRecomputed() {
        var http = new TracingFixtures(mvc);
        String village = "141029103201";
        List<Long> people = http.persons(village, 3);
        long placement = http.id(
                http.post(
                        "quarantine1",
                        "/api/quarantine/placements",
                        "{\"personId\":%d,\"type\":\"HOME\",\"start\":\"%s\"}"
                                .formatted(people.getLast(), Instant.now().minusSeconds(3600))),
                "$.id");
        String day = warning.today().toString();
        String series =
                "/api/warning/counts?signal=quarantine_fever&regionCode=141029103&from=%s&to=%s".formatted(day, day);
        // a fresh count first: other tests may have recorded fevers here since the last recompute
        assertThat(post(mvc, "epi1", "/api/warning/recompute?date=" + day, "{}"))
                .hasStatusOk();
        int before = JsonPath.read(body(get(mvc, "epi1", series)), "$[0].count");
        assertThat(http.post(
                        "quarantine1",
                        "/api/quarantine/placements/%d/checks".formatted(placement),
                        "{\"temperature\":38.4,\"symptoms\":[]}"))
                .hasStatusOk();
        assertThat(post(mvc, "epi1", "/api/warning/recompute?date=" + day, "{}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stored")
                .satisfies(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));
        assertThat((Integer) JsonPath.read(body(get(mvc, "epi1", series)), "$[0].count"))
                .isEqualTo(before + 1);
        // recomputing again replaces the day's computed counts: nothing is added twice
        assertThat(post(mvc, "epi1", "/api/warning/recompute?date=" + day, "{}"))
                .hasStatusOk();
        assertThat((Integer) JsonPath.read(body(get(mvc, "epi1", series)), "$[0].count"))
                .isEqualTo(before + 1);
        assertThat(post(
                        mvc,
                        "epi1",
                        "/api/warning/recompute?date=" + warning.today().plusDays(1),
                        "{}"))
                .hasStatus(400)
                .bodyText()
                .contains("未来");
        assertThat(post(mvc, "pharmacy1", "/api/warning/recompute", "{}")).hasStatus(403);
    }
}
