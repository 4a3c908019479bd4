package org.pingji;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What a newcomer and a monitoring system see first. */
@PingjiTest
class PlatformTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthIsUpWithoutSigningIn() {
        assertThat(mvc.get().uri("/actuator/health"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void everyApiEndpointIsDocumented() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "/api/regions/{code}",
                        "/api/regions/{code}/children",
                        "/api/places",
                        "/api/persons",
                        "/api/persons/{id}/unmask",
                        "/api/audit");
    }

    @Test
    void theConsoleAsksAnonymousVisitorsToSignIn() {
        assertThat(mvc.get().uri("/regions"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("平急结合一体化防控指挥平台", "演示环境");
    }

    @Test
    void englishIsOneClickAway() {
        assertThat(mvc.get().uri("/login?lang=en")).hasStatusOk().bodyText().contains("Sign in");
    }
}
