package org.pingji.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Refusals with a clear message (400/403/409) and directives to task groups, answered by the command. */
@PingjiTest
class CommandBadInputTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult send(String method, String user, String uri, String json) {
        var request = "PUT".equals(method) ? mvc.put() : mvc.post();
        return request.uri(uri)
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json)
                .exchange();
    }

    String soon() {
        return Instant.now().plus(2, ChronoUnit.HOURS).toString();
    }

    @Test
    void directivesRefuseBadRecipientsAndDeadlines() {
        var own = send(
                "POST",
                "commander",
                "/api/command/directives",
                """
                {"title":"本级","regionCodes":["141029"],"deadline":"%s"}""".formatted(soon()));
        assertThat(own).hasStatus(400);
        assertThat(body(own)).contains("下级单位");
        var unknown = send(
                "POST",
                "commander",
                "/api/command/directives",
                """
                {"title":"未知","regionCodes":["999999999"],"deadline":"%s"}""".formatted(soon()));
        assertThat(unknown).hasStatus(400);
        assertThat(body(unknown)).contains("999999999", "不存在");
        assertThat(send(
                        "POST",
                        "commander",
                        "/api/command/directives",
                        """
                        {"title":"无时限","regionCodes":["141029100"]}"""))
                .hasStatus(400);
        assertThat(send(
                        "POST",
                        "commander",
                        "/api/command/directives",
                        """
                        {"title":"无接收","regionCodes":[],"deadline":"%s"}"""
                                .formatted(soon())))
                .hasStatus(400);
        assertThat(send(
                        "POST",
                        "commander",
                        "/api/command/directives",
                        """
                        {"title":"错组","groupIds":[9999],"deadline":"%s"}"""
                                .formatted(soon())))
                .hasStatus(400);
        assertThat(send(
                        "POST",
                        "commander",
                        "/api/command/directives",
                        """
                        {"title":"日期","regionCodes":["141029100"],"deadline":"明天"}"""))
                .hasStatus(400);
        assertThat(send("POST", "commander", "/api/command/directives/987654/ack", null))
                .hasStatus(404);
    }

    @Test
    void aDirectiveToATaskGroupIsAnsweredByTheCommand() {
        var issued = send(
                "POST",
                "commander",
                "/api/command/directives",
                """
                {"title":"物资保障组清点库存","body":"两小时内上报","groupIds":[9],"deadline":"%s"}"""
                        .formatted(soon()));
        assertThat(issued).hasStatus(201);
        Number id = JsonPath.read(body(issued), "$.id");
        String uri = "/api/command/directives/" + id;
        assertThat(send("POST", "township1", uri + "/ack", "{\"regionCode\":\"group:9\"}"))
                .hasStatus(403);
        var ack = send("POST", "duty1", uri + "/ack", "{\"regionCode\":\"group:9\"}");
        assertThat(ack).hasStatusOk();
        assertThat(JsonPath.<String>read(body(ack), "$.name")).isEqualTo("物资保障组");
        assertThat(send("POST", "duty1", uri + "/done", "{\"regionCode\":\"group:9\",\"text\":\"库存已上报\"}"))
                .hasStatusOk();
        var view = mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        assertThat(JsonPath.<Integer>read(body(view), "$.done")).isEqualTo(1);
        assertThat(JsonPath.<String>read(body(view), "$.recipients[0].doneText"))
                .isEqualTo("库存已上报");
    }

    @Test
    void reportsShiftsAndAlertsRefuseBadInput() {
        LocalDate old = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(40);
        var tooOld = send(
                "PUT",
                "township1",
                "/api/command/reports/" + old + "/141029100",
                """
                {"fields":{"arrivalsScreened":1,"inQuarantine":0,"testsDone":0,"inspections":0,"problemsFound":0}}""");
        assertThat(tooOld).hasStatus(400);
        assertThat(body(tooOld)).contains("补报");
        assertThat(send("PUT", "township1", "/api/command/reports/2026-13-45/141029100", "{\"fields\":{}}"))
                .hasStatus(400);
        var missing = send(
                "PUT",
                "township1",
                "/api/command/reports/" + old.plusDays(35) + "/141029100",
                """
                {"fields":{"arrivalsScreened":1}}""");
        assertThat(missing).hasStatus(400);
        assertThat(body(missing)).contains("inQuarantine");
        var backwards = send(
                "POST",
                "duty1",
                "/api/command/duty/shifts",
                """
                {"startsAt":"2026-06-01T08:00:00Z","endsAt":"2026-06-01T07:00:00Z","officer":"duty1","leader":"县长"}""");
        assertThat(backwards).hasStatus(400);
        assertThat(body(backwards)).contains("须晚于开始时间");
        assertThat(
                        send(
                                "POST",
                                "township1",
                                "/api/command/duty/shifts",
                                """
                        {"startsAt":"2026-06-01T08:00:00Z","endsAt":"2026-06-01T20:00:00Z","officer":"a","leader":"b"}"""))
                .hasStatus(403);
        assertThat(send("POST", "duty1", "/api/command/duty/log", "{\"kind\":\"PARTY\",\"text\":\"x\"}"))
                .hasStatus(400);
        assertThat(send("POST", "commander", "/api/command/mode", "{\"mode\":\"WAR\",\"reason\":\"x\"}"))
                .hasStatus(400);
        assertThat(send(
                        "POST",
                        "commander",
                        "/api/command/mode",
                        """
                        {"mode":"EMERGENCY","reason":"村级","regionCode":"141029100001"}"""))
                .hasStatus(400);
        assertThat(send("POST", "coleader", "/api/command/mode/confirm", null)).hasStatus(409);
    }
}
