package org.pingji.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class GridApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theCountyHasItsRealTownshipsWithCountsThatAddUp() throws Exception {
        var county = mvc.get()
                .uri("/api/regions/141029")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        long population = ((Number) com.jayway.jsonpath.JsonPath.read(
                        county.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.population"))
                .longValue();
        assertThat(mvc.get().uri("/api/regions/141029/children").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.length()").isEqualTo(10);
                    assertThat(json).extractingPath("$[0].code").isEqualTo("141029100");
                    assertThat(json).extractingPath("$[0].name").isEqualTo("昌宁镇");
                    assertThat(json).extractingPath("$[0].level").isEqualTo("TOWNSHIP");
                    assertThat(json).extractingPath("$[0].parentCode").isEqualTo("141029");
                    assertThat(json).extractingPath("$[*].population").asArray().satisfies(list -> assertThat(sum(list))
                            .isEqualTo(population));
                    assertThat(json).extractingPath("$[*].microGrids").asArray().satisfies(list -> assertThat(sum(list))
                            .isEqualTo(1189));
                });
    }

    static long sum(Object[] numbers) {
        return java.util.Arrays.stream(numbers)
                .mapToLong(n -> ((Number) n).longValue())
                .sum();
    }

    @Test
    void aMicroGridIsTheBottomOfTheTree() {
        assertThat(mvc.get()
                        .uri("/api/regions/1410291000010101")
                        .header(HttpHeaders.AUTHORIZATION, basic("gridworker1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.level").isEqualTo("MICRO_GRID");
                    assertThat(json).extractingPath("$.parentCode").isEqualTo("14102910000101");
                    assertThat(json).extractingPath("$.microGrids").isEqualTo(1);
                    assertThat(json).extractingPath("$.gridWorkers").isEqualTo(1);
                });
        assertThat(mvc.get()
                        .uri("/api/regions/1410291000010101/children")
                        .header(HttpHeaders.AUTHORIZATION, basic("gridworker1")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void theMapHasOnePolygonPerChild() {
        assertThat(mvc.get().uri("/api/regions/141029/map").header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("FeatureCollection");
                    assertThat(json).extractingPath("$.features.length()").isEqualTo(10);
                    assertThat(json)
                            .extractingPath("$.features[0].geometry.type")
                            .isEqualTo("Polygon");
                    assertThat(json)
                            .extractingPath("$.features[0].properties.name")
                            .isEqualTo("昌宁镇");
                });
    }

    @Test
    void gridWorkersOfAMicroGrid() {
        assertThat(mvc.get()
                        .uri("/api/regions/1410291000010101/grid-workers")
                        .header(HttpHeaders.AUTHORIZATION, basic("gridworker1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$[0].username").isEqualTo("gridworker1");
                    assertThat(json).extractingPath("$[0].employment").isEqualTo("FULL_TIME");
                    assertThat(json)
                            .extractingPath("$[0].microGridCodes")
                            .asArray()
                            .containsExactly("1410291000010101");
                });
    }
}
