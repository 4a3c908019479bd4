package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class LockoutTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() {
        // gridworker405 is used by no other test.
        assertThat(mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, basic("gridworker405", "demo")))
                .hasStatusOk();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get()
                            .uri("/api/regions")
                            .header(HttpHeaders.AUTHORIZATION, basic("gridworker405", "guess" + i)))
                    .hasStatus(401);
        }
        assertThat(mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, basic("gridworker405", "demo")))
                .hasStatus(401);
    }

    @Test
    void theLoginPageExplainsALockedAccount() {
        for (int i = 0; i < 5; i++) {
            mvc.post()
                    .uri("/login")
                    .param("username", "gridworker404")
                    .param("password", "guess" + i)
                    .with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .csrf())
                    .exchange();
        }
        var attempt = mvc.post()
                .uri("/login")
                .param("username", "gridworker404")
                .param("password", "demo")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(attempt).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        // the browser comes back with the session cookie (sessions live in the database)
        var session = attempt.getResponse().getCookie("PINGJI_SESSION");
        assertThat(session).isNotNull();
        var page = mvc.get().uri("/login?error").cookie(session).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("账号因多次登录失败已被临时锁定");
    }
}
