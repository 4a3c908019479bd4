package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PingjiTest
class PersonApiTests {

    static final String MICRO_GRID = "1410291000010102";

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    long population(String code) throws Exception {
        var r = mvc.get()
                .uri("/api/regions/" + code)
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        return ((Number) JsonPath.read(body(r), "$.population")).longValue();
    }

    @Test
    void registerFindUnmaskAndAudit() throws Exception {
        String id = "11010119750315123" + ResidentId.checkCharacter("11010119750315123");
        long before = population(MICRO_GRID);
        long countyBefore = population("141029");
        var created = post(
                "township1",
                "/api/persons",
                """
                {"name":"测试登记","residentId":"%s","phone":"13912345678","microGridCode":"%s","residence":"TEMPORARY"}"""
                        .formatted(id, MICRO_GRID));
        assertThat(created).hasStatus(201);
        long personId = ((Number) JsonPath.read(body(created), "$.id")).longValue();
        assertThat(population(MICRO_GRID)).isEqualTo(before + 1);
        assertThat(population("141029")).isEqualTo(countyBefore + 1);

        var found = post("township1", "/api/persons/search", "{\"query\":\"%s\"}".formatted(id.toLowerCase()));
        assertThat(found).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$[0].id").isEqualTo((int) personId);
            assertThat(json).extractingPath("$[0].residentIdMasked").isEqualTo("1101**********" + id.substring(14));
            assertThat(json).extractingPath("$[0].phoneMasked").isEqualTo("139****5678");
        });
        assertThat(body(post("township1", "/api/persons/search", "{\"query\":\"13912345678\"}")))
                .contains("测试登记");
        assertThat(body(post("township1", "/api/persons/search", "{\"query\":\"测试登\"}")))
                .contains("测试登记");
        // Outside the jurisdiction the same search finds nothing.
        assertThat(post("gridworker1", "/api/persons/search", "{\"query\":\"%s\"}".formatted(id)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(0);

        var detail = mvc.get()
                .uri("/api/persons/" + personId)
                .header(HttpHeaders.AUTHORIZATION, basic("township1"))
                .exchange();
        assertThat(detail).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.birthDate").isEqualTo("1975-03-15");
            assertThat(json).extractingPath("$.sex").isEqualTo(id.charAt(16) % 2 == 1 ? "M" : "F");
            assertThat(json).extractingPath("$.residence").isEqualTo("TEMPORARY");
        });
        assertThat(body(detail)).doesNotContain(id);

        var unmasked = post("township1", "/api/persons/" + personId + "/unmask", "");
        assertThat(unmasked).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.residentId").isEqualTo(id);
            assertThat(json).extractingPath("$.phone").isEqualTo("13912345678");
        });
        assertThat(post("sampler1", "/api/persons/" + personId + "/unmask", "")).hasStatus(403);

        var audit = mvc.get()
                .uri("/api/audit?user=township1")
                .header(HttpHeaders.AUTHORIZATION, basic("admin"))
                .exchange();
        assertThat(body(audit))
                .contains("PERSON_UNMASK", "PERSON_READ", Long.toString(personId))
                .doesNotContain(id);
    }

    @Test
    void refusesDuplicatesAndBadValuesNamingTheField() throws Exception {
        String id = "11010119800101234" + ResidentId.checkCharacter("11010119800101234");
        String json =
                """
                {"name":"重复测试","residentId":"%s","microGridCode":"%s"}""".formatted(id, MICRO_GRID);
        assertThat(post("commander", "/api/persons", json)).hasStatus(201);
        long before = population(MICRO_GRID);
        var duplicate = post("commander", "/api/persons", json);
        assertThat(duplicate).hasStatus(400);
        assertThat(body(duplicate)).contains("已登记").doesNotContain(id);
        var badPhone = post(
                "commander",
                "/api/persons",
                """
                {"name":"手机测试","residentId":"11010119800101005%s","phone":"1391234567","microGridCode":"%s"}"""
                        .formatted(ResidentId.checkCharacter("11010119800101005"), MICRO_GRID));
        assertThat(badPhone).hasStatus(400);
        assertThat(body(badPhone)).contains("手机号应为11位");
        var badCheck = post(
                "commander",
                "/api/persons",
                """
                {"name":"校验测试","residentId":"110101198001010050","microGridCode":"%s"}"""
                        .formatted(MICRO_GRID));
        assertThat(body(badCheck)).contains("校验位错误");
        var unknownGrid = post(
                "commander",
                "/api/persons",
                """
                {"name":"网格测试","residentId":"11010119800101005%s","microGridCode":"1410299999999999"}"""
                        .formatted(ResidentId.checkCharacter("11010119800101005")));
        assertThat(unknownGrid).hasStatus(400);
        assertThat(body(unknownGrid)).contains("1410299999999999");
        var outside = post(
                "gridworker1",
                "/api/persons",
                """
                {"name":"越权测试","residentId":"11010119800101005%s","microGridCode":"%s"}"""
                        .formatted(ResidentId.checkCharacter("11010119800101005"), MICRO_GRID));
        assertThat(outside).hasStatus(404);
        var blankName = post(
                "commander",
                "/api/persons",
                """
                {"name":" ","residentId":"%s","microGridCode":"%s"}""".formatted(id, MICRO_GRID));
        assertThat(blankName).hasStatus(400);
        assertThat(body(blankName)).contains("name");
        assertThat(population(MICRO_GRID)).isEqualTo(before);
    }

    @Test
    void aCursorWalksARegionPageByPageWithoutOffsets() throws Exception {
        String region = "141029100002";
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = mvc.get()
                    .uri("/api/persons?region=" + region + "&size=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .header(HttpHeaders.AUTHORIZATION, basic("township1"))
                    .exchange();
            assertThat(page).hasStatusOk();
            java.util.List<Integer> ids = JsonPath.read(body(page), "$.content[*].id");
            java.util.List<String> grids = JsonPath.read(body(page), "$.content[*].microGridCode");
            assertThat(grids).allSatisfy(g -> assertThat(g).startsWith(region));
            ids.forEach(id -> assertThat(seen.add(id)).as("person %d twice", id).isTrue());
            cursor = JsonPath.read(body(page), "$.nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat((long) seen.size()).isEqualTo(population(region));
        assertThat(mvc.get()
                        .uri("/api/persons?region=" + region + "&cursor=not-a-cursor")
                        .header(HttpHeaders.AUTHORIZATION, basic("township1")))
                .hasStatus(400)
                .bodyText()
                .contains("cursor");
    }
}
