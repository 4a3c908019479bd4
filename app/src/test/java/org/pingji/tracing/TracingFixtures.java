package org.pingji.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.pingji.TestHttp;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** HTTP helpers of the quarantine and tracing tests. */
public final class TracingFixtures {

    private final MockMvcTester mvc;

    public TracingFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    public MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    public long id(MvcTestResult result, String path) {
        assertThat(result).as(body(result)).hasStatus2xxSuccessful();
        return ((Number) JsonPath.read(body(result), path)).longValue();
    }

    /** The first {@code n} persons of a region (ledger order). */
    public List<Long> persons(String region, int n) {
        List<Number> ids = JsonPath.read(
                body(get("commander", "/api/persons?region=%s&size=%d".formatted(region, n))), "$.content[*].id");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(n);
        return ids.stream().map(Number::longValue).toList();
    }
}
