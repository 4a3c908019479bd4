package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PingjiTest
class UserAdminTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult create(String as, String json) {
        return mvc.post()
                .uri("/api/users")
                .header(HttpHeaders.AUTHORIZATION, basic(as, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @Test
    void anAdminCreatesAVillageOfficerWhoThenSeesOnlyTheirVillage() {
        assertThat(
                        create(
                                "admin",
                                """
                {"username":"village2","displayName":"二村干部","password":"s3cret-pass","role":"VILLAGE_OFFICER",
                 "jurisdictionCode":"141029100002"}"""))
                .hasStatus(201);
        assertThat(mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, basic("village2", "s3cret-pass")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].code")
                .isEqualTo("141029100002");
        assertThat(mvc.get().uri("/api/audit?user=admin").header(HttpHeaders.AUTHORIZATION, basic("admin", "demo")))
                .hasStatusOk()
                .bodyText()
                .contains("USER_CREATED", "village2");
    }

    @Test
    void refusesNonAdminsDuplicatesUnknownRegionsAndShortPasswords() {
        String json =
                """
                {"username":"%s","displayName":"x","password":"%s","role":"GRID_WORKER","jurisdictionCode":"%s"}""";
        assertThat(create("commander", json.formatted("gw-new", "long-enough", "141029")))
                .hasStatus(403);
        assertThat(create("admin", json.formatted("commander", "long-enough", "141029")))
                .hasStatus(400)
                .bodyText()
                .contains("用户名 commander 已存在");
        assertThat(create("admin", json.formatted("gw-x", "long-enough", "999999")))
                .hasStatus(400)
                .bodyText()
                .contains("未知的区划代码 999999");
        assertThat(create("admin", json.formatted("gw-y", "short", "141029")))
                .hasStatus(400)
                .bodyText()
                .contains("password");
    }
}
