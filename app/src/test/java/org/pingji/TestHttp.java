package org.pingji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What the HTTP tests share: Basic credentials of the demo users and reading answers as UTF-8. */
public final class TestHttp {

    private TestHttp() {}

    /** HTTP Basic for a demo user (password {@code demo}). */
    public static String basic(String user) {
        return basic(user, "demo");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's body as text. */
    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A console page as a demo user sees it: asserts 200 and returns the HTML. */
    public static String page(MockMvcTester mvc, String user, String uri) {
        var result = mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** An authenticated GET (HTTP Basic as {@code user}). */
    public static MvcTestResult get(MockMvcTester mvc, String user, String uri) {
        return mvc.get()
                .uri(uri)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, basic(user))
                .exchange();
    }

    /** An authenticated JSON POST (HTTP Basic as {@code user}). */
    public static MvcTestResult post(MockMvcTester mvc, String user, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, basic(user))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }
}
