package org.pingji.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class PolicyEditionsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PolicyEditions editions;

    @Test
    void theEditionInForceDependsOnTheTime() {
        assertThat(mvc.get()
                        .uri("/api/policy/current?at=2022-04-12T08:00:00Z")
                        .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("ED8-2022SPRING");
                    assertThat(json).extractingPath("$.testValidityHours").isEqualTo(48);
                    assertThat(json)
                            .extractingPath("$.measures.HIGH_RISK_AREA.quarantine")
                            .isEqualTo("CENTRAL");
                    assertThat(json)
                            .extractingPath("$.measures.HIGH_RISK_AREA.quarantineDays")
                            .isEqualTo(14);
                });
        assertThat(editions.inForce(Instant.parse("2022-07-01T00:00:00Z")).code())
                .isEqualTo("ED9-2022");
        assertThat(mvc.get()
                        .uri("/api/policy/current?at=2020-01-01T00:00:00Z")
                        .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1")))
                .hasStatus(400)
                .bodyText()
                .contains("没有生效的防控方案");
    }

    @Test
    void onlyAnAdminSwitchesTheEditionAndNeverBackwards() {
        assertThat(mvc.post()
                        .uri("/api/policy/schedule")
                        .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"ED8-2022SPRING\",\"reason\":\"加严\"}"))
                .hasStatus(403);
        assertThat(
                        mvc.post()
                                .uri("/api/policy/schedule")
                                .header(HttpHeaders.AUTHORIZATION, basic("admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"code\":\"ED8-2022SPRING\",\"effectiveFrom\":\"2022-01-01T00:00:00Z\",\"reason\":\"补录\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("不能早于现在");
        assertThat(mvc.post()
                        .uri("/api/policy/schedule")
                        .header(HttpHeaders.AUTHORIZATION, basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"NO-SUCH\",\"reason\":\"x\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("NO-SUCH");
        assertThat(mvc.post()
                        .uri("/api/policy/schedule")
                        .header(HttpHeaders.AUTHORIZATION, basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"ED9-2022\"}"))
                .hasStatus(400);
    }

    @Test
    void theConsoleShowsEveryEditionsMeasures() {
        assertThat(mvc.get().uri("/policy").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("第九版防控方案", "第八版防控方案", "密接的密接", "集中隔离", "第1、2、3、5、7天", "切换现行方案");
        assertThat(mvc.get().uri("/policy").header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("切换现行方案");
    }
}
