package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The testing pages as commander, sampler, lab and grid worker see them. */
@PingjiTest
class TestingConsoleTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) throws Exception {
        var r = mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
        assertThat(r).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRoundIsOpenedSampledAtTheTableFollowedAndItsGapsListed() throws Exception {
        assertThat(page("commander", "/testing")).contains("开启检测轮次", "10混1");
        var created = mvc.post()
                .uri("/testing/rounds")
                .with(httpBasic("commander", "demo"))
                .with(csrf())
                .param("name", "界面测试轮次")
                .param("regionCodes", "141029100004")
                .param("poolSize", "10")
                .param("deadline", LocalDateTime.now().plusDays(1).withNano(0).toString())
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/testing/rounds/");
        long round = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("commander", location)).contains("界面测试轮次", "应检人数", "采样率", "进行中");

        String table = page("sampler1", "/testing/table");
        assertThat(table).contains("界面测试轮次", "扫描试管条码", "营里社区核酸采样点1号采样台");
        var matcher = java.util.regex.Pattern.compile("value=\"(\\d+)\" data-round=\"" + round + "\"")
                .matcher(table);
        assertThat(matcher.find()).isTrue();
        long tableId = Long.parseLong(matcher.group(1));
        String people = mvc.get()
                .uri("/api/persons?region=141029100004&size=1")
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("commander:demo".getBytes()))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long person = ((Number) com.jayway.jsonpath.JsonPath.read(people, "$.content[0].id")).longValue();
        var scanned = mvc.post()
                .uri("/testing/scans")
                .with(httpBasic("sampler1", "demo"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        """
                        [{"scanId":"%s","roundId":%d,"tableId":%d,"tubeBarcode":"UI%06d","person":{"personId":%d},"scannedAt":"%s"}]"""
                                .formatted(
                                        UUID.randomUUID(),
                                        round,
                                        tableId,
                                        round,
                                        person,
                                        java.time.Instant.now().minusSeconds(5)))
                .exchange();
        assertThat(scanned).hasStatusOk().bodyText().contains("ACCEPTED", "已采样");
        assertThat(mvc.post()
                        .uri("/testing/tubes/UI%06d/seal".formatted(round))
                        .with(httpBasic("sampler1", "demo"))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("已封管");

        assertThat(page("commander", location + "?region=141029100004")).contains("营里社区");
        String gaps = page("commander", "/testing/rounds/" + round + "/not-sampled?region=141029100004");
        assertThat(gaps).contains("未采样人员", "外出", "卧床（需上门采样）");
        var absent = java.util.regex.Pattern.compile("name=\"personId\" value=\"(\\d+)\"")
                .matcher(gaps);
        assertThat(absent.find()).isTrue();
        assertThat(mvc.post()
                        .uri("/testing/rounds/" + round + "/absences")
                        .with(httpBasic("commander", "demo"))
                        .with(csrf())
                        .param("personId", absent.group(1))
                        .param("reason", "BEDRIDDEN")
                        .param("note", "需上门"))
                .hasStatusOk()
                .bodyText()
                .contains("已保存");
        assertThat(mvc.get()
                        .uri("/testing/rounds/" + round + "/not-sampled.xlsx?region=141029100004")
                        .with(httpBasic("commander", "demo")))
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(page("commander", "/testing/rounds/" + round + "/recall?region=141029100004"))
                .contains("没有需要复核的人员");
        assertThat(page("commander", "/testing/rounds/" + round + "/drill")).contains("营里社区核酸采样点");
        assertThat(page("commander", "/testing/planner")).contains("推荐", "H(p)");
        assertThat(page("lab1", "/testing/lab")).contains("接收转运箱", "上传检测结果");
        String tables = page("commander", "/testing/rounds/" + round + "/tables");
        assertThat(tables).contains("采样台与采样人员", "sampler1");
        var refused = mvc.post()
                .uri("/testing/rounds/" + round + "/tables/" + tableId + "/samplers")
                .with(httpBasic("commander", "demo"))
                .with(csrf())
                .param("username", "lab1")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        assertThat(refused.getMvcResult().getFlashMap().get("error")).asString().contains("不是您辖区内的采样人员");
        assertThat(mvc.get().uri("/testing/lab").with(httpBasic("sampler1", "demo")))
                .hasStatus(403);
        assertThat(mvc.get().uri("/testing/table").with(httpBasic("gridworker1", "demo")))
                .hasStatus(403);
    }
}
