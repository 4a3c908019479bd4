package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.pingji.person.ResidentId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Someone the ledger does not know is registered at the table and sampled; tubes are boxed by hand. */
@PingjiTest
class OnSiteTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    @Test
    void anUnknownPersonIsRegisteredAtTheTableSampledAndBoxed() throws Exception {
        var created = post(
                "commander",
                "/api/testing/rounds",
                """
                {"name":"现场登记测试","regionCodes":["141029100005"],"poolSize":5,"deadline":"%s"}"""
                        .formatted(Instant.now().plus(1, ChronoUnit.DAYS)));
        long round = ((Number) JsonPath.read(body(created), "$.id")).longValue();
        List<Number> tables = JsonPath.read(
                body(mvc.get()
                        .uri("/api/testing/tables?round=" + round)
                        .header(HttpHeaders.AUTHORIZATION, basic("sampler1"))
                        .exchange()),
                "$[*].id");
        long table = tables.getFirst().longValue();
        String first17 = "62010219880808%03d".formatted(new java.util.Random().nextInt(1000));
        String id = first17 + ResidentId.checkCharacter(first17);

        var bad = post(
                "sampler1",
                "/api/testing/tables/" + table + "/persons",
                """
                {"name":"过客","residentId":"620102198808080000"}""");
        assertThat(bad).hasStatus(400).bodyText().contains("校验位错误");
        var registered = post(
                "sampler1",
                "/api/testing/tables/" + table + "/persons",
                """
                {"name":"过客","residentId":"%s","phone":"13700001111"}""".formatted(id));
        assertThat(registered).hasStatus(201);
        long person = ((Number) JsonPath.read(body(registered), "$.personId")).longValue();
        assertThat(post(
                        "sampler1",
                        "/api/testing/tables/" + table + "/persons",
                        """
                {"name":"过客","residentId":"%s"}""".formatted(id)))
                .hasStatus(400)
                .bodyText()
                .contains("已登记");

        var scanned = post(
                "sampler1",
                "/api/testing/scans",
                """
                [{"scanId":"%s","roundId":%d,"tableId":%d,"tubeBarcode":"OS%06d","person":{"residentId":"%s"},"scannedAt":"%s"}]"""
                        .formatted(
                                UUID.randomUUID(),
                                round,
                                table,
                                round,
                                id,
                                Instant.now().minusSeconds(5)));
        assertThat(scanned).hasStatusOk().bodyText().contains("ACCEPTED", "过客");
        assertThat(mvc.get().uri("/api/persons/" + person).header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.residence")
                .isEqualTo("NON_RESIDENT");
        assertThat(mvc.get().uri("/api/audit?user=sampler1").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("PERSON_REGISTERED_ON_SITE");

        // The console: seal, then pack and hand over from the sampling page.
        assertThat(mvc.post()
                        .uri("/testing/tubes/OS%06d/seal".formatted(round))
                        .with(httpBasic("sampler1", "demo"))
                        .with(csrf()))
                .hasStatusOk();
        var packed = mvc.post()
                .uri("/testing/boxes")
                .with(httpBasic("sampler1", "demo"))
                .with(csrf())
                .param("box", "OSBOX%05d".formatted(round))
                .param("roundId", Long.toString(round))
                .param("tubes", "OS%06d\n".formatted(round))
                .param("location", "采样点")
                .exchange();
        assertThat(packed).hasRedirectedUrl("/testing/table");
        assertThat(mvc.get()
                        .uri("/api/testing/boxes/OSBOX%05d/custody".formatted(round))
                        .header(HttpHeaders.AUTHORIZATION, basic("lab1")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].action")
                .asArray()
                .containsExactly("PACKED", "HANDED_OVER");
        // A console script asking for JSON gets the refusal as JSON.
        var refused = mvc.post()
                .uri("/testing/tubes/NOSUCH99/seal")
                .with(httpBasic("sampler1", "demo"))
                .with(csrf())
                .header(HttpHeaders.ACCEPT, "application/json")
                .exchange();
        assertThat(refused)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("不存在");
    }
}
