package org.pingji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Each demo role reads only its own subtree: outside it the answer is 404 (403 when the role lacks
 * the permission), never data.
 */
@PingjiTest
class JurisdictionMatrixTests {

    static final String COUNTY = "141029";
    static final String TOWNSHIP = "141029100";
    static final String OTHER_TOWNSHIP = "141029101";
    static final String VILLAGE = "141029100001";
    static final String MICRO_GRID = "1410291000010101";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.pingji.person.PersonDirectory persons;

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    @ParameterizedTest(name = "{0} sees {1} at the top")
    @CsvSource({
        "admin,141029",
        "commander,141029",
        "coleader,141029",
        "township1,141029100",
        "village1,141029100001",
        "gridworker1,1410291000010101",
        "sampler1,141029100",
        "epi1,141029",
        "duty1,141029"
    })
    void topRegionIsTheJurisdiction(String user, String code) {
        var result = get(user, "/api/regions");
        assertThat(result).hasStatusOk();
        List<String> codes = JsonPath.read(body(result), "$[*].code");
        assertThat(codes).containsExactly(code);
    }

    @ParameterizedTest(name = "{0} reading region {1} gets {2}")
    @CsvSource({
        "commander,141029,200",
        "commander,1410291000010101,200",
        "township1,141029,404",
        "township1,141029100,200",
        "township1,141029101,404",
        "township1,1410291000010101,200",
        "village1,141029100,404",
        "village1,141029100002,404",
        "gridworker1,141029100001,404",
        "gridworker1,1410291000010102,404",
        "gridworker1,1410291000010101,200",
        "resident1,1410291000010101,403",
        "commander,999999,404"
    })
    void regionReadsAreScoped(String user, String code, int status) {
        assertThat(get(user, "/api/regions/" + code)).hasStatus(status);
        assertThat(get(user, "/api/regions/" + code + "/children")).hasStatus(status);
    }

    @ParameterizedTest(name = "{0} lists persons of {1}")
    @CsvSource({
        "commander,141029",
        "township1,141029100",
        "village1,141029100001",
        "gridworker1,1410291000010101",
        "epi1,141029"
    })
    void personListsHoldOnlyPersonsOfTheSubtree(String user, String code) {
        var result = get(user, "/api/persons?region=" + code + "&page=0&size=500");
        assertThat(result).hasStatusOk();
        String json = body(result);
        List<String> grids = JsonPath.read(json, "$.content[*].microGridCode");
        assertThat(grids).isNotEmpty().allSatisfy(g -> assertThat(g).startsWith(code));
        List<String> masked = JsonPath.read(json, "$.content[*].residentIdMasked");
        // persons found on a door-to-door visit without an ID card are listed without one
        assertThat(masked).allSatisfy(m -> assertThat(m == null || m.matches("\\d{4}\\*{10}\\d{3}[\\dX]"))
                .as("masked ID %s", m)
                .isTrue());
        Number total = JsonPath.read(json, "$.totalElements");
        Number population = JsonPath.read(body(get(user, "/api/regions/" + code)), "$.population");
        assertThat(total.longValue()).isEqualTo(population.longValue()).isPositive();
    }

    @ParameterizedTest(name = "{0} listing persons of {1} gets {2}")
    @CsvSource({
        "township1,141029,404",
        "township1,141029101,404",
        "gridworker1,141029100001,404",
        "sampler1,141029100,403",
        "resident1,1410291000010101,403",
        "lab1,141029,403",
        "commander,141029,200"
    })
    void personListsOutsideTheJurisdictionOrRoleAreRefused(String user, String code, int status) {
        var result = get(user, "/api/persons?region=" + code);
        assertThat(result).hasStatus(status);
        if (status >= 400) {
            assertThat(body(result)).doesNotContain("residentIdMasked");
        }
    }

    @Test
    void aPersonOutsideTheJurisdictionIsNotFound() {
        String json = body(get("commander", "/api/persons?region=" + OTHER_TOWNSHIP + "&size=1"));
        Number outsider = JsonPath.read(json, "$.content[0].id");
        assertThat(get("commander", "/api/persons/" + outsider)).hasStatusOk();
        var refused = get("gridworker1", "/api/persons/" + outsider);
        assertThat(refused).hasStatus(404);
        assertThat(body(refused)).doesNotContain("residentIdMasked");
    }

    @Test
    void placesAreScopedAndFilteredByKind() {
        List<?> checkpoints =
                JsonPath.read(body(get("commander", "/api/places?region=" + COUNTY + "&kind=CHECKPOINT")), "$");
        assertThat(checkpoints).hasSize(13);
        List<String> households = JsonPath.read(
                body(get("gridworker1", "/api/places?region=" + MICRO_GRID + "&kind=HOUSEHOLD")), "$[*].microGridCode");
        assertThat(households).isNotEmpty().containsOnly(MICRO_GRID);
        assertThat(get("gridworker1", "/api/places?region=" + VILLAGE + "&kind=HOUSEHOLD"))
                .hasStatus(404);
        assertThat(get("commander", "/api/places?region=" + COUNTY + "&kind=PALACE"))
                .hasStatus(400);
    }

    @Test
    void anonymousAndWrongPasswordsGet401() {
        assertThat(mvc.get().uri("/api/regions")).hasStatus(401);
        assertThat(mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, basic("commander", "wrong")))
                .hasStatus(401);
        assertThat(mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, "Bearer pj_not-a-token"))
                .hasStatus(401);
    }

    @Test
    void theAuditLogIsForAdminsOnly() {
        assertThat(get("commander", "/api/audit")).hasStatus(403);
        assertThat(get("admin", "/api/audit")).hasStatusOk();
    }

    @Test
    void apiTokensActAsTheirUser() {
        var issued = mvc.post()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic("township1", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"report script\"}")
                .exchange();
        assertThat(issued).hasStatus(201);
        String token = JsonPath.read(body(issued), "$.token");
        var regions = mvc.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(regions).hasStatusOk();
        List<String> codes = JsonPath.read(body(regions), "$[*].code");
        assertThat(codes).containsExactly(TOWNSHIP);
        assertThat(mvc.get().uri("/api/regions/" + COUNTY).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(404);
    }

    @ParameterizedTest(name = "{0} reads the status of the first person of micro-grid {1}: {2}")
    @CsvSource({
        "commander,1410291000010101,200",
        "township1,1410291000010101,200",
        "township1,1410291012000101,404",
        "village1,1410291000020101,404",
        "gridworker1,1410291000010101,200",
        "gridworker1,1410291000010102,404",
        "resident1,1410291000010101,200",
        "resident1,1410291000010102,404",
        "sampler1,1410291000010101,404",
        "inspector1,1410291000010101,404"
    })
    void statusReadsAreScoped(String user, String microGrid, int status) {
        long id = persons.firstIn(microGrid).orElseThrow().id();
        assertThat(get(user, "/api/status/" + id)).hasStatus(status);
        assertThat(get(user, "/api/status/" + id + "/code")).hasStatus(status);
    }

    @ParameterizedTest(name = "{0} sees {1} checkpoints")
    @CsvSource({"commander,13", "checkpoint1,-1", "village1,-1"})
    void checkpointsAreThoseOfTheJurisdiction(String user, int count) {
        var result = get(user, "/api/checkpoints");
        assertThat(result).hasStatusOk();
        List<String> regions = JsonPath.read(body(result), "$[*].regionCode");
        if (count >= 0) {
            assertThat(regions).hasSize(count);
        } else {
            // a township's staff see only their township's checkpoints (possibly none)
            assertThat(regions).allSatisfy(r -> assertThat(r).isEqualTo(TOWNSHIP));
        }
    }
}
