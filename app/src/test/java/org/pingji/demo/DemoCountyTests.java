package org.pingji.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class DemoCountyTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theGeneratorSpreadsExactlyTheConfiguredPopulationOverTheMicroGrids() {
        var village = new DemoCounty.Village("141029100002", "幸福湾社区居民委员会", "141029100");
        var hamlet = new DemoCounty.Village("141029200201", "东村村民委员会", "141029200");
        var grids = new java.util.ArrayList<DemoCounty.MicroGrid>();
        for (int i = 0; i < 1189; i++) {
            grids.add(new DemoCounty.MicroGrid("14102910000201%02d".formatted(i % 100), i % 3 == 0 ? village : hamlet));
        }
        int[] counts = DemoPopulation.distribute(new java.util.SplittableRandom(1), grids, 200_000);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(200_000);
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isPositive();
        // Communities are about four times as dense as villages.
        assertThat(counts[0]).isGreaterThan(counts[1] * 2);
    }

    @Test
    void countyHasTheSeedsStructureAndTheConfiguredPopulation() {
        assertThat(mvc.get().uri("/api/regions/141029").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.name").isEqualTo("乡宁县");
                    assertThat(json).extractingPath("$.level").isEqualTo("COUNTY");
                    // Other tests in this context register persons too: at least the generated 3,000.
                    assertThat(json).extractingPath("$.population").asNumber().satisfies(n -> assertThat(n.longValue())
                            .isGreaterThanOrEqualTo(3000));
                    assertThat(json).extractingPath("$.microGrids").isEqualTo(1189);
                    assertThat(json).extractingPath("$.gridWorkers").isEqualTo(405);
                });
    }
}
