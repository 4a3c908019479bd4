package org.pingji;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template holds code: page scripts live in {@code static/js} and take their URLs and texts
 * from data- attributes, so Thymeleaf never rewrites JavaScript (that is how the sampling desk
 * broke) and the Content-Security-Policy can refuse every inline script.
 */
class PageScriptTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A script element without a src, an inline event handler, htmx's hx-on, a javascript: URL. */
    static final List<Pattern> CODE_IN_MARKUP = List.of(
            Pattern.compile("<script(?![^>]*\\b(th:)?src=)[^>]*>"),
            Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(data-)?hx-on[:\\-a-z]*\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("th:inline\\s*=\\s*\"javascript\""));

    @Test
    void noTemplateHoldsScriptCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (Pattern p : CODE_IN_MARKUP) {
                    var m = p.matcher(html);
                    while (m.find()) {
                        found.add(TEMPLATES.relativize(file) + ": " + m.group().trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckRecognisesInlineCode() {
        assertThat(CODE_IN_MARKUP.get(0).matcher("<script>alert(1)</script>").find())
                .isTrue();
        assertThat(CODE_IN_MARKUP
                        .get(0)
                        .matcher("<script th:src=\"@{/js/a.js}\" defer></script>")
                        .find())
                .isFalse();
        assertThat(CODE_IN_MARKUP.get(1).matcher("<button onclick=\"go()\">").find())
                .isTrue();
        assertThat(CODE_IN_MARKUP.get(1).matcher("<option th:selected=\"x\">").find())
                .isFalse();
        assertThat(CODE_IN_MARKUP
                        .get(2)
                        .matcher("<form hx-on::after-request=\"x\">")
                        .find())
                .isTrue();
    }
}
