package org.pingji.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class DemoCountyTests {

    @Autowired
    MockMvcTester mvc;

    static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    }

    @Test
    void countyHasTheSeedsStructureAndTheConfiguredPopulation() {
        assertThat(mvc.get().uri("/api/regions/141029").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.name").isEqualTo("乡宁县");
                    assertThat(json).extractingPath("$.level").isEqualTo("COUNTY");
                    assertThat(json).extractingPath("$.population").isEqualTo(3000);
                    assertThat(json).extractingPath("$.microGrids").isEqualTo(1189);
                    assertThat(json).extractingPath("$.gridWorkers").isEqualTo(405);
                });
    }
}
