package org.pingji.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.person.PersonDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PingjiTest
class StatusCodeTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    HealthStatus status;

    @Autowired
    StatusCodes codes;

    @Autowired
    PersonDirectory persons;

    long person(String microGrid) {
        return persons.firstIn(microGrid).orElseThrow().id();
    }

    String token(long personId) {
        var r = mvc.get()
                .uri("/api/status/" + personId + "/code")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        assertThat(r).hasStatusOk();
        return JsonPath.read(body(r), "$.token");
    }

    String verify(String token) {
        var r = mvc.post()
                .uri("/api/status/verify")
                .header(HttpHeaders.AUTHORIZATION, basic("checkpoint1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}")
                .exchange();
        assertThat(r).hasStatusOk();
        return body(r);
    }

    @Test
    void aGreenCodeVerifiesAndATamperedOneIsRefusedWithTheReason() {
        long id = person("1410291000010102");
        String token = token(id);
        assertThat(token).startsWith("PJ1.").hasSize(124);
        String ok = verify(token);
        assertThat((Boolean) JsonPath.read(ok, "$.valid")).isTrue();
        assertThat((String) JsonPath.read(ok, "$.status")).isEqualTo("GREEN");

        byte[] bytes = Base64.getUrlDecoder().decode(token.substring(4));
        bytes[15] = 2; // claim RED... or GREEN→anything: the signature no longer matches
        String tampered = "PJ1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(verify(tampered)).contains("\"valid\":false").contains("签名无效");

        bytes = Base64.getUrlDecoder().decode(token.substring(4));
        bytes[1] ^= 0x5a; // a key id nobody knows
        assertThat(verify("PJ1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .contains("未知的签名密钥");
        assertThat(verify(token.substring(0, 60))).contains("长度或版本不对");
        assertThat(verify("hello")).contains("不是平急健康码");

        var expired = codes.verify(token, Instant.now().plusSeconds(3 * 3600));
        assertThat(expired.valid()).isFalse();
        assertThat(expired.problem()).contains("已过期");
    }

    @Test
    void reasonsMakeTheColourAndTheyAreShownToThePersonAndStaff() {
        long id = person("1410291000010103");
        Instant now = Instant.now();
        status.put(List.of(new ReasonFact(
                id, ReasonCode.POOL_POSITIVE, "pool:T-TEST-1", "混管 T-TEST-1", now.minusSeconds(60), null, "待复核")));
        assertThat(mvc.get().uri("/api/status/" + id).header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("YELLOW");
                    assertThat(json).extractingPath("$.reasons[0].code").isEqualTo("POOL_POSITIVE");
                    assertThat(json).extractingPath("$.reasons[0].source").isEqualTo("混管 T-TEST-1");
                    assertThat(json)
                            .extractingPath("$.policyEdition")
                            .asString()
                            .startsWith("ED9-2022#");
                });
        String v = verify(token(id));
        assertThat((String) JsonPath.read(v, "$.status")).isEqualTo("YELLOW");
        assertThat((List<String>) JsonPath.read(v, "$.reasons")).containsExactly("POOL_POSITIVE");
        status.endAll(id, ReasonCode.POOL_POSITIVE, now);
        assertThat(status.statusOf(id, Instant.now()).status()).isEqualTo(HealthColor.GREEN);
        // a person outside the caller's jurisdiction looks absent
        long elsewhere = persons.firstIn("1410291000020101").orElseThrow().id();
        assertThat(mvc.get().uri("/api/status/" + elsewhere).header(HttpHeaders.AUTHORIZATION, basic("gridworker2")))
                .hasStatus(404);
    }

    @Test
    void theResidentSeesTheirOwnCodeWithReasons() {
        assertThat(mvc.get().uri("/api/status/me").header(HttpHeaders.AUTHORIZATION, basic("resident1")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isNotNull();
        assertThat(mvc.get().uri("/my-code").header(HttpHeaders.AUTHORIZATION, basic("resident1")))
                .hasStatusOk()
                .bodyText()
                .contains("我的健康码", "原因说明", "id=\"my-resident-id\"", "**********")
                .doesNotContain("PJ1.");
        long own = person("1410291000010101");
        assertThat(mvc.get()
                        .uri("/api/status/" + own + "/code.png")
                        .header(HttpHeaders.AUTHORIZATION, basic("resident1")))
                .hasStatusOk()
                .hasContentType(MediaType.IMAGE_PNG);
        long other = person("1410291000010102");
        assertThat(mvc.get().uri("/api/status/" + other).header(HttpHeaders.AUTHORIZATION, basic("resident1")))
                .hasStatus(404);
    }

    @Test
    void anOverrideNeedsAReasonAndASecondApprover() {
        long id = person("1410291000020201");
        assertThat(mvc.post()
                        .uri("/api/status/" + id + "/overrides")
                        .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"RED\"}"))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/api/status/" + id + "/overrides")
                        .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"RED\",\"reason\":\"储户维权\"}"))
                .hasStatus(403);
        var r = mvc.post()
                .uri("/api/status/" + id + "/overrides")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"YELLOW\",\"reason\":\"流调发现共同暴露，待核实\"}")
                .exchange();
        assertThat(r).hasStatus(201);
        int overrideId = JsonPath.read(body(r), "$.id");
        assertThat(status.statusOf(id, Instant.now()).status()).isEqualTo(HealthColor.GREEN);
        assertThat(mvc.post()
                        .uri("/api/status/overrides/" + overrideId + "/approve")
                        .header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(409)
                .bodyText()
                .contains("第二人审批");
        assertThat(mvc.post()
                        .uri("/api/status/overrides/" + overrideId + "/approve")
                        .header(HttpHeaders.AUTHORIZATION, basic("coleader")))
                .hasStatusOk();
        var after = status.statusOf(id, Instant.now());
        assertThat(after.status()).isEqualTo(HealthColor.YELLOW);
        assertThat(after.reasons()).anySatisfy(x -> assertThat(x.source()).contains("commander", "coleader"));
    }
}
