package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL, not in a node: a session a login opened on this node can be read by
 * another node over the same database (a second session repository stands in for it), and a
 * session gone from the database is gone everywhere (the node keeps no copy of its own).
 */
@PingjiTest
class SharedSessionsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignedInSessionIsReadableByAnotherNodeAndEndsForAllWhenItLeavesTheDatabase() throws Exception {
        String cookie = signIn("commander");
        String sessionId = new String(
                Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);

        assertThat(jdbc.sql("select principal_name from platform.http_session where session_id = ?")
                        .param(sessionId)
                        .query(String.class)
                        .single())
                .isEqualTo("commander");

        // another node: its own repository over the same database, nothing shared in memory
        var otherNode =
                new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
        otherNode.setTableName("platform.http_session");
        org.springframework.session.Session session = otherNode.findById(sessionId);
        assertThat(session).isNotNull();
        SecurityContext context = session.getAttribute("SPRING_SECURITY_CONTEXT");
        var account = (UserAccount) context.getAuthentication().getPrincipal();
        assertThat(account.caller().username()).isEqualTo("commander");
        assertThat(account.caller().jurisdictionPath()).isEqualTo("/141029/");

        assertThat(get("/testing", cookie).statusCode()).isEqualTo(200);
        otherNode.deleteById(sessionId);
        var after = get("/testing", cookie);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private String signIn(String user) throws Exception {
        var login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String anonymous = cookieOf(login);
        String form =
                "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signedIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", anonymous)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookieOf(signedIn);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> response) {
        String header = SecurityHeadersTests.sessionCookie(response);
        return header.substring(0, header.indexOf(';'));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
