package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessManagement.NewUser;
import org.pingji.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Signal streams and signal response over HTTP as epi1, duty1 and pharmacy1 use them: counts in
 * (all-or-nothing, a day replaced, never added), completeness, the response workflow with its
 * 409s, and the jurisdiction.
 */
@PingjiTest
class SignalsApiTests {

    static final String FIRST = "141029100";
    static final String SECOND = "141029101";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessManagement access;

    @Autowired
    WarningManagement warning;

    MvcTestResult put(String user, String uri, String json) {
        return mvc.put()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String row(String signal, String region, LocalDate day, int count) {
        return "{\"signal\":\"%s\",\"regionCode\":\"%s\",\"date\":\"%s\",\"count\":%d}"
                .formatted(signal, region, day, count);
    }

    List<Integer> series(String signal, String region, LocalDate from, LocalDate to) {
        var result = get(
                mvc,
                "epi1",
                "/api/warning/counts?signal=%s&regionCode=%s&from=%s&to=%s".formatted(signal, region, from, to));
        assertThat(result).hasStatusOk();
        return JsonPath.read(body(result), "$[*].count");
    }

    @Test
    void countsAreStoredAllOrNothingAndADayIsReplacedNotAdded() {
        LocalDate today = warning.today();
        LocalDate yesterday = today.minusDays(1);
        String village = jdbc.sql("select min(code) from grid.regions where parent_code = ?")
                .param(SECOND)
                .query(String.class)
                .single();
        assertThat(put(
                        "epi1",
                        "/api/warning/counts",
                        "[" + row("test_counts_in", village, yesterday, 5) + ","
                                + row("test_counts_in", SECOND, today, 3) + "]"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stored")
                .isEqualTo(2);
        // the township's series is the sum over its subtree
        assertThat(series("test_counts_in", SECOND, yesterday, today)).containsExactly(5, 3);
        // the unknown name became a signal of the catalogue, labelled by its name
        assertThat(jdbc.sql("select label from warning.signals where name = 'test_counts_in'")
                        .query(String.class)
                        .single())
                .isEqualTo("test_counts_in");
        // a second count for the same day replaces the first
        assertThat(put("epi1", "/api/warning/counts", "[" + row("test_counts_in", village, yesterday, 7) + "]"))
                .hasStatusOk();
        assertThat(series("test_counts_in", SECOND, yesterday, today)).containsExactly(7, 3);

        long before = jdbc.sql("select count(*) from warning.counts")
                .query(Long.class)
                .single();
        String good = row("test_counts_in", village, yesterday, 9);
        assertThat(put(
                        "epi1",
                        "/api/warning/counts",
                        "[" + good + "," + row("test_counts_in", "999999999", yesterday, 1) + "]"))
                .hasStatus(404)
                .bodyText()
                .contains("第2行", "999999999");
        assertThat(put(
                        "epi1",
                        "/api/warning/counts",
                        "[" + good + "," + row("test_counts_in", village, yesterday, -1) + "]"))
                .hasStatus(400)
                .bodyText()
                .contains("第2行", "warning.count_negative");
        assertThat(put(
                        "epi1",
                        "/api/warning/counts",
                        "[" + good + "," + row("test_counts_in", village, today.plusDays(1), 1) + "]"))
                .hasStatus(400)
                .bodyText()
                .contains("第2行", "未来");
        assertThat(put("epi1", "/api/warning/counts", "[" + row("Bad Name!", village, yesterday, 1) + "]"))
                .hasStatus(400)
                .bodyText()
                .contains("第1行", "warning.signal_invalid");
        // none of the refused batches wrote anything, not even their good first row
        assertThat(jdbc.sql("select count(*) from warning.counts")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(series("test_counts_in", SECOND, yesterday, yesterday)).containsExactly(7);
        // a sentinel reports only; it may not read the series
        assertThat(get(mvc, "pharmacy1", "/api/warning/signals")).hasStatus(403);
    }

    @Test
    void completenessShowsWhoHasNotReportedToday() {
        LocalDate today = warning.today();
        var yesterday = JsonPath.parse(body(get(mvc, "epi1", "/api/warning/completeness?date=" + today.minusDays(1))));
        int units = yesterday.read("$.units");
        assertThat(units).isGreaterThanOrEqualTo(20);
        // the demo's counts of yesterday came from every unit by 08:30 this morning
        assertThat((List<Boolean>) yesterday.read("$.rows[?(@.code != 'XXTEST')].onTime"))
                .hasSizeGreaterThanOrEqualTo(20)
                .containsOnly(true);
        access.createUsersWithSharedPassword(
                List.of(new NewUser("schooltest", "测试学校", "demo", Role.REPORTER, SECOND)), "demo");
        warning.registerReportingUnits(List.of(new WarningManagement.NewReportingUnit(
                "XXTEST", "测试小学", "SCHOOL", SECOND, List.of("school_absence", "test_school_fever"), "schooltest")));
        String unit = "$.rows[?(@.code == 'XXTEST')]";
        var before = JsonPath.parse(body(get(mvc, "epi1", "/api/warning/completeness")));
        assertThat((List<Boolean>) before.read(unit + ".complete")).containsExactly(false);
        assertThat((List<Integer>) before.read(unit + ".due")).containsExactly(2);
        assertThat(put("schooltest", "/api/warning/counts", "[" + row("school_absence", SECOND, today, 3) + "]"))
                .hasStatusOk();
        var half = JsonPath.parse(body(get(mvc, "epi1", "/api/warning/completeness")));
        assertThat((List<Integer>) half.read(unit + ".reported")).containsExactly(1);
        assertThat((List<Boolean>) half.read(unit + ".complete")).containsExactly(false);
        assertThat(put(
                        "schooltest",
                        "/api/warning/counts",
                        "[" + row("school_absence", SECOND, today, 4) + "," + row("test_school_fever", SECOND, today, 1)
                                + "]"))
                .hasStatusOk();
        var done = JsonPath.parse(body(get(mvc, "epi1", "/api/warning/completeness")));
        assertThat((List<Boolean>) done.read(unit + ".complete")).containsExactly(true);
        assertThat((List<Boolean>) done.read(unit + ".onTime")).containsExactly(true);
        // the sentinel's own page lists nothing of others: it may not read completeness
        assertThat(get(mvc, "schooltest", "/api/warning/completeness")).hasStatus(403);
    }

    @Test
    void aSignalIsAnsweredStepByStepAndAStepOutOfOrderIs409() {
        LocalDate yesterday = warning.today().minusDays(1);
        java.time.Instant now = java.time.Instant.now();
        // duty1 takes a shift for the first township: its signals are pushed to duty1
        assertThat(post(
                        mvc,
                        "duty1",
                        "/api/command/duty/shifts",
                        "{\"unitCode\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"officer\":\"duty1\",\"leader\":\"commander\"}"
                                .formatted(FIRST, now.minusSeconds(600), now.plusSeconds(1800))))
                .hasStatus2xxSuccessful();
        put("epi1", "/api/warning/counts", "[" + row("test_flow", FIRST, yesterday.minusDays(1), 0) + "]");
        assertThat(put(
                        "epi1",
                        "/api/warning/settings",
                        "{\"signal\":\"test_flow\",\"level\":\"TOWNSHIP\",\"method\":\"THRESHOLD\",\"threshold\":2}"))
                .hasStatusOk();
        assertThat(put(
                        "epi1",
                        "/api/warning/settings",
                        "{\"signal\":\"test_flow\",\"level\":\"TOWNSHIP\",\"method\":\"C1\",\"alpha\":1.5}"))
                .hasStatus(400)
                .bodyText()
                .contains("alpha");
        assertThat(put("epi1", "/api/warning/counts", "[" + row("test_flow", FIRST, yesterday, 4) + "]"))
                .hasStatusOk();
        String list = body(get(mvc, "duty1", "/api/warning/signals?state=OPEN"));
        List<Integer> ids = JsonPath.read(list, "$[?(@.signal == 'test_flow')].id");
        assertThat(ids).hasSize(1);
        long id = ids.getFirst();
        assertThat((List<String>) JsonPath.read(list, "$[?(@.signal == 'test_flow')].assignee"))
                .containsExactly("duty1");
        assertThat((List<String>) JsonPath.read(list, "$[?(@.signal == 'test_flow')].dutyUnit"))
                .containsExactly(FIRST);
        assertThat((List<String>) JsonPath.read(list, "$[?(@.signal == 'test_flow')].methods[*]"))
                .containsExactly("THRESHOLD");
        String base = "/api/warning/signals/" + id;

        assertThat(post(mvc, "duty1", base + "/verify", "{\"note\":\"太早\"}"))
                .hasStatus(409)
                .bodyText()
                .contains("待确认");
        assertThat(post(mvc, "duty1", base + "/ack", "{}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ACKNOWLEDGED");
        assertThat(post(mvc, "duty1", base + "/ack", "{}")).hasStatus(409);
        assertThat(post(mvc, "duty1", base + "/verify", "{\"note\":\"\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("核实情况");
        assertThat(post(mvc, "duty1", base + "/verify", "{\"note\":\"电话核实：两所学校有发热学生\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("VERIFIED");
        assertThat(post(mvc, "duty1", base + "/escalate", "{\"note\":\"疑似流感聚集\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ESCALATED");
        assertThat(post(mvc, "duty1", base + "/dismiss", "{\"note\":\"不是\"}")).hasStatus(409);
        assertThat(post(mvc, "duty1", base + "/close", "{\"note\":\"流感聚集，已处置\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("CLOSED");
        assertThat(post(mvc, "duty1", base + "/ack", "{}"))
                .hasStatus(409)
                .bodyText()
                .contains("已关闭");
        String detail = body(get(mvc, "duty1", base));
        assertThat((List<String>) JsonPath.read(detail, "$.steps[*].step"))
                .containsExactly("RAISED", "ACKNOWLEDGED", "VERIFIED", "ESCALATED", "CLOSED");
        assertThat((List<String>) JsonPath.read(detail, "$.steps[1:].by")).containsOnly("duty1");
        assertThat((String) JsonPath.read(detail, "$.signal.verifyNote")).isEqualTo("电话核实：两所学校有发热学生");
        // a second count for the same day does not raise a second signal
        put("epi1", "/api/warning/counts", "[" + row("test_flow", FIRST, yesterday, 6) + "]");
        assertThat((List<Integer>) JsonPath.read(
                        body(get(mvc, "duty1", "/api/warning/signals")), "$[?(@.signal == 'test_flow')].id"))
                .containsExactly((int) id);
        var measures = JsonPath.parse(body(get(mvc, "duty1", "/api/warning/measures")));
        assertThat((List<Integer>) measures.read("$[?(@.unit == '合计')].answered"))
                .first()
                .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aTownshipOfficerSeesOnlyTheSignalsOfItsTownship() {
        access.createUsersWithSharedPassword(
                List.of(new NewUser("dutysecond", "二镇值班员", "demo", Role.DUTY_OFFICER, SECOND)), "demo");
        List<Integer> firstIds = JsonPath.read(
                body(get(mvc, "duty1", "/api/warning/signals")), "$[?(@.regionCode == '" + FIRST + "')].id");
        assertThat(firstIds).isNotEmpty();
        String theirs = body(get(mvc, "dutysecond", "/api/warning/signals"));
        assertThat((List<String>) JsonPath.read(theirs, "$[*].regionCode")).doesNotContain(FIRST, "141029");
        assertThat(get(mvc, "dutysecond", "/api/warning/signals/" + firstIds.getFirst()))
                .hasStatus(404);
        assertThat(post(mvc, "dutysecond", "/api/warning/signals/" + firstIds.getFirst() + "/ack", "{}"))
                .hasStatus(404);
        assertThat(put(
                        "dutysecond",
                        "/api/warning/counts",
                        "[" + row("test_counts_in", FIRST, warning.today(), 1) + "]"))
                .hasStatus(403);
    }
}
