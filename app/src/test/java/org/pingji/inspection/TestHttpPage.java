package org.pingji.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The public venue page a visitor opens by the place code. */
final class TestHttpPage {

    private TestHttpPage() {}

    static String venue(MockMvcTester mvc, String placeCode) {
        var result = mvc.get().uri("/c/" + placeCode).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }
}
