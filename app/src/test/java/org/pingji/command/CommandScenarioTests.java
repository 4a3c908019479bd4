package org.pingji.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The scripted scenario through the API: switch to EMERGENCY with the second co-leader's
 * confirmation → the plan activates its task groups → a directive to all townships →
 * acknowledgements and completions → daily reports with two townships missing → the dashboard's
 * KPIs and the map reflect them → back to NORMAL. Bad input along the way is refused with nothing
 * written.
 */
@PingjiTest
class CommandScenarioTests {

    static final String COUNTY = "141029";
    static final String PASSWORD = "command-demo-1";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Escalation escalation;

    MvcTestResult send(String method, String user, String uri, String json) {
        String auth = user.startsWith("officer-") ? basic(user, PASSWORD) : basic(user);
        var request =
                switch (method) {
                    case "PUT" -> mvc.put();
                    case "GET" -> mvc.get();
                    default -> mvc.post();
                };
        var r = request.uri(uri).header(HttpHeaders.AUTHORIZATION, auth);
        if (json != null) {
            r = r.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return r.exchange();
    }

    MvcTestResult post(String user, String uri, String json) {
        return send("POST", user, uri, json);
    }

    MvcTestResult get(String user, String uri) {
        return send("GET", user, uri, null);
    }

    <T> T read(MvcTestResult r, String path) {
        return JsonPath.read(body(r), path);
    }

    /** One township officer per township (the demo has only township1), created once. */
    Map<String, String> officers(List<String> townships) {
        Map<String, String> officers = new HashMap<>();
        for (String code : townships) {
            String user = "officer-" + code;
            var created = post(
                    "admin",
                    "/api/users",
                    """
                    {"username":"%s","displayName":"乡镇值班 %s","password":"%s","role":"TOWNSHIP_OFFICER","jurisdictionCode":"%s"}"""
                            .formatted(user, code, PASSWORD, code));
            assertThat(created.getResponse().getStatus()).isIn(201, 400, 409);
            officers.put(code, user);
        }
        return officers;
    }

    @Test
    void emergencyDirectivesReportsAndTheDashboard() throws Exception {
        List<String> townships = read(get("commander", "/api/regions/" + COUNTY + "/children"), "$[*].code");
        assertThat(townships).hasSize(10);
        Map<String, String> officers = officers(townships);
        assertThat(read(get("commander", "/api/command/mode"), "$.mode").toString())
                .isEqualTo("NORMAL");

        // -- mode: a user without the role, then the commander asks, the co-leader confirms
        var refused = post("township1", "/api/command/mode", "{\"mode\":\"EMERGENCY\",\"reason\":\"本土疫情\"}");
        assertThat(refused).hasStatus(403);
        assertThat(body(refused)).contains("无权执行：切换平战状态和管理预案");
        assertThat(post("commander", "/api/command/mode", "{\"mode\":\"EMERGENCY\",\"reason\":\"  \"}"))
                .hasStatus(400);
        var asked = post("commander", "/api/command/mode", "{\"mode\":\"EMERGENCY\",\"reason\":\"发现本土阳性病例\"}");
        assertThat(asked).hasStatusOk();
        assertThat(read(asked, "$.mode").toString()).isEqualTo("EMERGENCY");
        assertThat((Boolean) read(asked, "$.pendingConfirmation")).isTrue();
        assertThat((Object) read(asked, "$.since")).isNull();
        assertThat(read(get("commander", "/api/command/mode"), "$.mode").toString())
                .isEqualTo("NORMAL");
        assertThat(post("commander", "/api/command/mode", "{\"mode\":\"EMERGENCY\",\"reason\":\"再次\"}"))
                .hasStatus(409);
        var self = post("commander", "/api/command/mode/confirm", null);
        assertThat(self).hasStatus(403);
        assertThat(body(self)).contains("另一位组长");
        assertThat(post("duty1", "/api/command/mode/confirm", null)).hasStatus(403);
        var confirmed = post("coleader", "/api/command/mode/confirm", null);
        assertThat(confirmed).hasStatusOk();
        var mode = get("township1", "/api/command/mode");
        assertThat(read(mode, "$.mode").toString()).isEqualTo("EMERGENCY");
        assertThat(read(mode, "$.switchedBy").toString()).isEqualTo("commander");
        assertThat(read(mode, "$.confirmedBy").toString()).isEqualTo("coleader");
        assertThat((Object) read(mode, "$.since")).isNotNull();
        var again = post("coleader", "/api/command/mode", "{\"mode\":\"EMERGENCY\",\"reason\":\"重复\"}");
        assertThat(again).hasStatus(409);
        assertThat(body(again)).contains("已处于战时状态");
        // the banner on console pages of any module
        assertThat(body(get("township1", "/testing"))).contains("mode-banner", "战时状态");

        // -- the plan activated its 16 task groups with tasks due later
        var activations = get("commander", "/api/command/activations");
        assertThat(activations).hasStatusOk();
        List<Object> groups = read(activations, "$[0].groups");
        assertThat(groups).hasSize(16);
        assertThat((Integer) read(activations, "$[0].tasks")).isEqualTo(32);
        assertThat((Integer) read(activations, "$[0].done")).isZero();
        Number firstTask = read(activations, "$[0].groups[0].items[0].id");
        assertThat(post("duty1", "/api/command/tasks/" + firstTask + "/done", "{\"note\":\"已召开调度会\"}"))
                .hasStatusOk();
        assertThat((Integer) read(get("commander", "/api/command/activations"), "$[0].done"))
                .isEqualTo(1);

        // -- a directive to all townships
        String codes = String.join("\",\"", townships);
        assertThat(post(
                        "commander",
                        "/api/command/directives",
                        """
                        {"title":"全员核酸","body":"x","regionCodes":["%s"],"deadline":"%s"}"""
                                .formatted(codes, Instant.now().minus(1, ChronoUnit.HOURS))))
                .hasStatus(400);
        assertThat(post(
                        "township1",
                        "/api/command/directives",
                        """
                        {"title":"越权","body":"x","regionCodes":["%s"],"deadline":"%s"}"""
                                .formatted(townships.get(1), Instant.now().plus(1, ChronoUnit.HOURS))))
                .hasStatus(404);
        var issued = post(
                "commander",
                "/api/command/directives",
                """
                {"title":"立即组织全员核酸检测","body":"各乡镇于今日18时前完成首轮采样","regionCodes":["%s"],"deadline":"%s"}"""
                        .formatted(codes, Instant.now().plus(6, ChronoUnit.HOURS)));
        assertThat(issued).hasStatus(201);
        long directive = ((Number) read(issued, "$.id")).longValue();
        String uri = "/api/command/directives/" + directive;
        assertThat((List<?>) read(get("commander", uri), "$.recipients")).hasSize(10);

        // bad acknowledgements: a region not addressed, a role without the permission
        var village = post("village1", uri + "/ack", null);
        assertThat(village).hasStatus(403);
        assertThat(body(village)).contains("未下达给");
        assertThat(post("commander", uri + "/ack", null)).hasStatus(403);
        // done before ack is a conflict
        String first = townships.getFirst();
        assertThat(post(officers.get(first), uri + "/done", "{\"text\":\"完成\"}"))
                .hasStatus(409);
        for (String code : townships) {
            var ack = post(officers.get(code), uri + "/ack", null);
            assertThat(ack).hasStatusOk();
            assertThat((Object) read(ack, "$.acknowledgedAt")).isNotNull();
        }
        for (String code : townships.subList(0, 8)) {
            assertThat(post(officers.get(code), uri + "/done", "{\"text\":\"已完成采样 " + code + "\"}"))
                    .hasStatusOk();
        }
        assertThat(post(officers.get(first), uri + "/done", "{\"text\":\"再报\"}"))
                .hasStatus(409);
        var view = get("commander", uri);
        assertThat((Integer) read(view, "$.received")).isEqualTo(10);
        assertThat((Integer) read(view, "$.acknowledged")).isEqualTo(10);
        assertThat((Integer) read(view, "$.done")).isEqualTo(8);
        assertThat((Integer) read(view, "$.overdue")).isZero();
        assertThat(read(view, "$.recipients[?(@.regionCode=='" + first + "')].doneText")
                        .toString())
                .contains("已完成采样 " + first);
        // a township sees only its own row
        List<Object> own = read(get(officers.get(first), uri), "$.recipients");
        assertThat(own).hasSize(1);

        // -- an overdue directive escalates to the duty officer on duty
        assertThat(post(
                        "duty1",
                        "/api/command/duty/shifts",
                        """
                        {"startsAt":"%s","endsAt":"%s","officer":"duty1","leader":"县委副书记","phone":"0357-6830000"}"""
                                .formatted(
                                        Instant.now().minusSeconds(60),
                                        Instant.now().plusSeconds(3600))))
                .hasStatus(201);
        var quick = post(
                "commander",
                "/api/command/directives",
                """
                {"title":"上报隔离点床位","body":"","regionCodes":["%s","%s"],"deadline":"%s"}"""
                        .formatted(
                                townships.get(8),
                                townships.get(9),
                                Instant.now().plusMillis(1200)));
        long overdueId = ((Number) read(quick, "$.id")).longValue();
        Thread.sleep(1500);
        var late = get("commander", "/api/command/directives/" + overdueId);
        assertThat((Integer) read(late, "$.overdue")).isEqualTo(2);
        assertThat(escalation.escalate()).isGreaterThanOrEqualTo(2);
        var alerts = get("duty1", "/api/command/alerts");
        List<String> messages = read(alerts, "$[*].message");
        assertThat(messages).anyMatch(m -> m.contains("上报隔离点床位") && m.contains("逾期"));
        List<String> targets = read(alerts, "$[?(@.message =~ /.*上报隔离点床位.*/)].target");
        assertThat(targets).containsOnly("duty1");

        // -- daily reports: eight townships report, two are missing
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String reports = "/api/command/reports/";
        long arrivals = 0;
        for (int i = 0; i < 8; i++) {
            String code = townships.get(i);
            var filled = send(
                    "PUT",
                    officers.get(code),
                    reports + today + "/" + code,
                    """
                    {"fields":{"arrivalsScreened":%d,"inQuarantine":%d,"testsDone":%d,"inspections":3,"problemsFound":1,"problems":"无"}}"""
                            .formatted(10 + i, i, 1000 + i));
            assertThat(filled).hasStatusOk();
            arrivals += 10 + i;
        }
        String ninth = townships.get(8);
        String officer9 = officers.get(ninth);
        // bad reports: nothing is written
        assertThat(send("PUT", officer9, reports + today.plusDays(1) + "/" + ninth, fields(1)))
                .hasStatus(400);
        assertThat(send("PUT", officer9, reports + today + "/" + townships.get(0), fields(1)))
                .hasStatus(404);
        var negative = send("PUT", officer9, reports + today + "/" + ninth, fields(-5));
        assertThat(negative).hasStatus(400);
        assertThat(body(negative)).contains("arrivalsScreened");
        var text = send(
                "PUT",
                officer9,
                reports + today + "/" + ninth,
                "{\"fields\":{\"arrivalsScreened\":\"很多\",\"inQuarantine\":0,\"testsDone\":0,\"inspections\":0,\"problemsFound\":0}}");
        assertThat(text).hasStatus(400);
        assertThat(body(text)).contains("整数");
        assertThat(
                        send(
                                "PUT",
                                officer9,
                                reports + today + "/" + ninth,
                                "{\"fields\":{\"arrivalsScreened\":1.5,\"inQuarantine\":0,\"testsDone\":0,\"inspections\":0,\"problemsFound\":0}}"))
                .hasStatus(400);
        assertThat(
                        send(
                                "PUT",
                                officer9,
                                reports + today + "/" + ninth,
                                "{\"fields\":{\"arrivalsScreened\":1,\"inQuarantine\":0,\"testsDone\":0,\"inspections\":0,\"problemsFound\":0,\"mood\":1}}"))
                .hasStatus(400);
        assertThat(send("PUT", "duty1", reports + today + "/" + ninth, fields(1)))
                .hasStatus(403);
        var summary = get("commander", reports + today + "?region=" + COUNTY);
        assertThat(summary).hasStatusOk();
        List<String> missing = read(summary, "$.missing");
        assertThat(missing).containsExactly(townships.get(8), townships.get(9));
        assertThat(((Number) read(summary, "$.totals.arrivalsScreened")).longValue())
                .isEqualTo(arrivals);
        assertThat((Integer) read(summary, "$.expected")).isEqualTo(10);
        assertThat((Integer) read(summary, "$.reported")).isEqualTo(8);
        // a report for yesterday, filled today, is late
        LocalDate yesterday = today.minusDays(1);
        assertThat(send("PUT", officers.get(first), reports + yesterday + "/" + first, fields(7)))
                .hasStatusOk();
        List<String> lateList = read(get("commander", reports + yesterday + "?region=" + COUNTY), "$.late");
        assertThat(lateList).containsExactly(first);

        // -- the dashboard and the map reflect it
        var dashboard = get("commander", "/api/command/dashboard?region=" + COUNTY);
        assertThat(dashboard).hasStatusOk();
        assertThat(read(dashboard, "$.mode.mode").toString()).isEqualTo("EMERGENCY");
        assertThat((Integer) read(dashboard, "$.reports.reported")).isEqualTo(8);
        assertThat((List<String>) read(dashboard, "$.reports.missing[*].code"))
                .containsExactly(townships.get(8), townships.get(9));
        assertThat(((Number) first(dashboard, "$.kpis[?(@.name=='population')].value")).longValue())
                .isEqualTo(((Number) read(get("commander", "/api/regions/" + COUNTY), "$.population")).longValue())
                .isGreaterThanOrEqualTo(3000);
        assertThat(((Number) first(dashboard, "$.kpis[?(@.name=='missing_reports')].value")).intValue())
                .isEqualTo(2);
        assertThat(((Number) first(dashboard, "$.kpis[?(@.name=='overdue_directives')].value")).intValue())
                .isGreaterThanOrEqualTo(2);
        // quarantine and arrivals come from their modules' metrics now that they exist
        assertThat((List<Boolean>) read(dashboard, "$.kpis[?(@.name=='quarantine')].available"))
                .containsExactly(true);
        assertThat(((Number) first(dashboard, "$.kpis[?(@.name=='quarantine')].value")).intValue())
                .isGreaterThanOrEqualTo(0);
        assertThat((List<Boolean>) read(dashboard, "$.kpis[?(@.name=='arrivals_today')].available"))
                .containsExactly(true);
        assertThat(read(dashboard, "$.duty.officer").toString()).isEqualTo("duty1");
        assertThat((List<String>) read(dashboard, "$.alerts[*].message")).anyMatch(m -> m.contains("逾期"));

        var map = get("commander", "/api/command/map?region=" + COUNTY + "&metric=missing_reports");
        assertThat(map).hasStatusOk();
        assertThat(read(map, "$.type").toString()).isEqualTo("FeatureCollection");
        assertThat((List<?>) read(map, "$.features")).hasSize(10);
        assertThat(read(map, "$.features[0].geometry.type").toString()).isEqualTo("Polygon");
        for (int i = 0; i < 10; i++) {
            Number value = (Number)
                    first(map, "$.features[?(@.properties.code=='" + townships.get(i) + "')].properties.value");
            if (i < 8) {
                assertThat(value.intValue()).as(townships.get(i)).isZero();
            } else {
                assertThat(value.intValue()).as(townships.get(i)).isPositive();
            }
        }
        var overdueMap = get("commander", "/api/command/map?region=" + COUNTY + "&metric=overdue_directives");
        Number ninthOverdue =
                (Number) first(overdueMap, "$.features[?(@.properties.code=='" + ninth + "')].properties.value");
        assertThat(ninthOverdue.intValue()).isGreaterThanOrEqualTo(1);
        var population = get("commander", "/api/command/map?region=" + townships.getFirst() + "&metric=population");
        List<Number> values = read(population, "$.features[*].properties.value");
        assertThat(values.stream().mapToLong(Number::longValue).sum())
                .isEqualTo(((Number) read(get("commander", "/api/regions/" + townships.getFirst()), "$.population"))
                        .longValue());
        var quarantine = get("commander", "/api/command/map?region=" + COUNTY + "&metric=quarantine");
        assertThat(quarantine).hasStatusOk();
        assertThat((Boolean) read(quarantine, "$.available")).isTrue();
        assertThat((List<Object>) read(quarantine, "$.features[*].properties.value"))
                .hasSize(10)
                .doesNotContainNull();
        var bogus = get("commander", "/api/command/map?region=" + COUNTY + "&metric=bogus");
        assertThat(bogus).hasStatus(400);
        assertThat(body(bogus)).contains("未知指标");
        // another township is outside township1's jurisdiction: not found, as if it did not exist
        assertThat(get("township1", "/api/command/map?region=" + townships.get(1)))
                .hasStatus(404);

        // -- back to normal: the plan's activation ends
        assertThat(post("coleader", "/api/command/mode", "{\"mode\":\"NORMAL\",\"reason\":\"疫情平稳\"}"))
                .hasStatusOk();
        assertThat(post("commander", "/api/command/mode/confirm", null)).hasStatusOk();
        assertThat(read(get("commander", "/api/command/mode"), "$.mode").toString())
                .isEqualTo("NORMAL");
        assertThat((List<?>) read(get("commander", "/api/command/activations?current=true"), "$"))
                .isEmpty();
        List<String> actions = new ArrayList<>(read(get("admin", "/api/audit?user=coleader"), "$[*].action"));
        assertThat(actions).contains("COMMAND_MODE_CONFIRMED", "COMMAND_MODE_REQUESTED");
    }

    Object first(MvcTestResult r, String path) {
        List<Object> all = JsonPath.read(body(r), path);
        assertThat(all).as(path).hasSize(1);
        return all.getFirst();
    }

    static String fields(long arrivals) {
        return """
                {"fields":{"arrivalsScreened":%d,"inQuarantine":0,"testsDone":0,"inspections":0,"problemsFound":0}}"""
                .formatted(arrivals);
    }
}
