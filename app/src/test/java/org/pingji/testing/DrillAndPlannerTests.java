package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PingjiTest
class DrillAndPlannerTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    @Test
    void aDrillOpensRandomCollectionPointsAndReportsTheTimingOfEachStep() {
        var created = post(
                "commander",
                "/api/testing/rounds",
                """
                {"name":"演练","regionCodes":["141029100003"],"poolSize":5,"deadline":"%s","drill":true,"drillPoints":1}"""
                        .formatted(Instant.now().plus(1, ChronoUnit.DAYS)));
        assertThat(created).hasStatus(201);
        long round = ((Number) JsonPath.read(body(created), "$.id")).longValue();
        String tables = body(get("sampler1", "/api/testing/tables?round=" + round));
        List<Number> pointIds = JsonPath.read(tables, "$[*].collectionPointId");
        assertThat(pointIds).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(pointIds.getFirst()));
        long table = ((Number) JsonPath.read(tables, "$[0].id")).longValue();
        List<Number> people =
                JsonPath.read(body(get("commander", "/api/persons?region=141029100003&size=5")), "$.content[*].id");
        Instant arrived = Instant.now().minus(20, ChronoUnit.MINUTES);
        Instant sampled = Instant.now().minus(10, ChronoUnit.MINUTES);
        List<String> scans = new ArrayList<>();
        for (Number p : people) {
            scans.add(
                    """
                    {"scanId":"%s","roundId":%d,"tableId":%d,"tubeBarcode":"DRILL%d","person":{"personId":%d},
                     "scannedAt":"%s","arrivedAt":"%s"}"""
                            .formatted(UUID.randomUUID(), round, table, round, p.longValue(), sampled, arrived));
        }
        assertThat(post("sampler1", "/api/testing/scans", "[" + String.join(",", scans) + "]"))
                .hasStatusOk();
        if (people.size() < 5) {
            post("sampler1", "/api/testing/tubes/DRILL%d/seal".formatted(round), "");
        }
        assertThat(post(
                        "sampler1",
                        "/api/testing/boxes",
                        """
                {"barcode":"DBOX%05d","roundId":%d,"tubeBarcodes":["DRILL%d"]}"""
                                .formatted(round, round, round)))
                .hasStatus(201);
        assertThat(post("lab1", "/api/testing/boxes/DBOX%05d/receive".formatted(round), "{}"))
                .hasStatusOk();
        assertThat(post(
                        "lab1",
                        "/api/testing/results",
                        "[{\"tubeBarcode\":\"DRILL%d\",\"result\":\"NEGATIVE\"}]".formatted(round)))
                .hasStatusOk();

        assertThat(get("commander", "/api/testing/rounds/" + round + "/drill-report"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.drill").isEqualTo(true);
                    assertThat(json).extractingPath("$.points.length()").isEqualTo(1);
                    assertThat(json).extractingPath("$.points[0].sampled").isEqualTo(people.size());
                    assertThat(json).extractingPath("$.points[0].tubes").isEqualTo(1);
                    assertThat(json)
                            .extractingPath("$.points[0].arrivalToSampledMinutes")
                            .isEqualTo(10.0);
                    assertThat(json)
                            .extractingPath("$.points[0].sampledToSealedMinutes")
                            .asNumber()
                            .satisfies(m -> assertThat(m.doubleValue()).isBetween(9.0, 11.0));
                    assertThat(json)
                            .extractingPath("$.points[0].receivedToResultedMinutes")
                            .isNotNull();
                });
    }

    @Test
    void thePlannerRecommendsAPoolSizeWithItsExpectedCost() {
        assertThat(get("commander", "/api/testing/planner?region=141029"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.options[*].poolSize")
                            .asArray()
                            .containsExactly(1, 5, 10, 20);
                    assertThat(json)
                            .extractingPath("$.options[0].expectedTestsPerPerson")
                            .isEqualTo(1.0);
                    assertThat(json).extractingPath("$.recommendedPoolSize").isIn(5, 10, 20);
                    assertThat(json)
                            .extractingPath("$.informationFloor")
                            .asNumber()
                            .satisfies(h -> assertThat(h.doubleValue()).isBetween(0.0, 1.0));
                });
        assertThat(get("gridworker1", "/api/testing/planner?region=141029")).hasStatus(404);
    }
}
