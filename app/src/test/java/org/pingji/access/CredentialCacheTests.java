package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Verified credentials are cached (issue #11 §4) and the cache never outlives a change: a wrong
 * password still fails and counts, a password change, a lockout, a disabled account or a revoked
 * token take effect on the next request. gridworker400–403 are used by no other test.
 */
@PingjiTest
class CredentialCacheTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CredentialCache cache;

    @Autowired
    JdbcClient jdbc;

    MvcTestResult me(String authorization) {
        return mvc.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }

    int failedLogins(String username) {
        return jdbc.sql("select failed_logins from access.users where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    @Test
    void aVerifiedBasicHeaderIsServedFromTheCacheAndAWrongPasswordStillFailsAndCounts() {
        String right = basic("gridworker403");
        assertThat(cache.find(right)).isEmpty();
        assertThat(me(right))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("gridworker403");
        assertThat(cache.find(right)).get().extracting(UserAccount::getUsername).isEqualTo("gridworker403");
        assertThat(me(right))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("gridworker403");

        assertThat(me(basic("gridworker403", "wrong"))).hasStatus(401);
        assertThat(failedLogins("gridworker403")).isEqualTo(1);
        assertThat(cache.find(basic("gridworker403", "wrong"))).isEmpty();
        assertThat(me(right)).hasStatusOk();
    }

    @Test
    void aPasswordChangeEndsTheCachedOldPasswordAtOnce() {
        String old = basic("gridworker402");
        assertThat(me(old)).hasStatusOk();
        assertThat(cache.find(old)).isPresent();
        assertThat(mvc.post()
                        .uri("/api/me/password")
                        .header(HttpHeaders.AUTHORIZATION, old)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"demo\",\"newPassword\":\"new-pass-402\"}"))
                .hasStatus(204);
        assertThat(cache.find(old)).isEmpty();
        assertThat(me(old)).hasStatus(401);
        assertThat(me(basic("gridworker402", "new-pass-402"))).hasStatusOk();
    }

    @Test
    void aLockoutEndsTheCachedRightPasswordAtOnce() {
        String right = basic("gridworker401");
        assertThat(me(right)).hasStatusOk();
        for (int i = 0; i < 5; i++) {
            assertThat(me(basic("gridworker401", "guess" + i))).hasStatus(401);
        }
        assertThat(cache.find(right)).isEmpty();
        assertThat(me(right)).hasStatus(401);
    }

    @Test
    void disablingAUserEndsTheirCachedCredentialsAtOnce() {
        String user = basic("gridworker400");
        assertThat(me(user)).hasStatusOk();
        assertThat(enable("gridworker400", false)).hasStatus(204);
        assertThat(me(user)).hasStatus(401);
        assertThat(enable("gridworker400", true)).hasStatus(204);
        assertThat(me(user)).hasStatusOk();
    }

    MvcTestResult enable(String username, boolean enabled) {
        return mvc.put()
                .uri("/api/users/" + username + "/enabled")
                .header(HttpHeaders.AUTHORIZATION, basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":" + enabled + "}")
                .exchange();
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextRequest() throws Exception {
        var issued = mvc.post()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic("duty1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"gate tablet\"}")
                .exchange();
        assertThat(issued).hasStatus(201);
        String token = com.jayway.jsonpath.JsonPath.read(body(issued), "$.token");
        String bearer = "Bearer " + token;
        assertThat(me(bearer))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("duty1");
        assertThat(cache.find(token)).isPresent();

        var tokens = mvc.get()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic("duty1"))
                .exchange();
        assertThat(tokens).hasStatusOk().bodyText().contains("gate tablet").doesNotContain(token);
        java.util.List<Number> ids =
                com.jayway.jsonpath.JsonPath.read(body(tokens), "$[?(@.name == 'gate tablet')].id");
        assertThat(mvc.delete().uri("/api/tokens/" + ids.getFirst()).header(HttpHeaders.AUTHORIZATION, basic("duty1")))
                .hasStatus(204);
        assertThat(me(bearer)).hasStatus(401);
    }
}
