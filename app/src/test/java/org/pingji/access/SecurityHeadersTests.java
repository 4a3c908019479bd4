package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser hardening over real HTTP (the session cookie's attributes are written by Tomcat, so
 * MockMvc cannot see them): every page carries the Content-Security-Policy, and the session cookie
 * a login hands out is HttpOnly and SameSite=Lax.
 */
@PingjiTest
class SecurityHeadersTests {

    static final List<String> POLICY = List.of(
            "default-src 'self'",
            "script-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PINGJI_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    static void assertPolicy(HttpResponse<?> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(List.of(policy.split(";\\s*"))).containsAll(POLICY);
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theLoginPageAndASignedInPageCarryThePolicyAndTheSessionCookieIsLaxAndHttpOnly() throws Exception {
        var login = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertPolicy(login);
        String anonymous = sessionCookie(login);
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();

        String form =
                "username=commander&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", anonymous.substring(0, anonymous.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionCookie(signedIn);
        assertThat(List.of(session.split(";\\s*"))).contains("HttpOnly", "SameSite=Lax");

        var page = send(
                HttpRequest.newBuilder(uri("/testing")).header("Cookie", session.substring(0, session.indexOf(';'))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/js/pingji.js\"");
        assertPolicy(page);
    }

    @Test
    void apiAnswersCarryThePolicyToo() throws Exception {
        var answer = send(HttpRequest.newBuilder(uri("/api/regions"))
                .header("Authorization", org.pingji.TestHttp.basic("commander")));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertPolicy(answer);
    }
}
