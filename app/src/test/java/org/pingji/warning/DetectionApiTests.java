package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * {@code POST /api/warning/detect} and {@code /backtest} over HTTP as the epidemiologist: a
 * township's series is the sum of its villages' counts, EARS flags the spike, bad input is refused.
 */
@PingjiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionApiTests {

    static final String SIGNAL = "detect_api_test";
    static final String TOWNSHIP = "141029100";
    static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    static final LocalDate SPIKE = LocalDate.of(2022, 3, 20);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void counts() {
        jdbc.sql("insert into warning.signals (name, label) values (?, '试算测试信号') on conflict do nothing")
                .param(SIGNAL)
                .update();
        List<Map<String, Object>> villages = jdbc.sql(
                        "select code, path from grid.regions where parent_code = ? order by code limit 2")
                .param(TOWNSHIP)
                .query()
                .listOfRows();
        String other = jdbc.sql("select path from grid.regions where level = 'TOWNSHIP' and code <> ? limit 1")
                .param(TOWNSHIP)
                .query(String.class)
                .single();
        for (LocalDate day = FIRST; !day.isAfter(LocalDate.of(2022, 3, 31)); day = day.plusDays(1)) {
            int d = day.getDayOfYear();
            insert(villages.get(0), day, day.equals(SPIKE) ? 30 : 2 + d % 3);
            insert(villages.get(1), day, 1 + d % 2);
            // another township's counts are not part of this one's series
            insert(
                    Map.of(
                            "code",
                            other.substring(other.lastIndexOf('/', other.length() - 2) + 1, other.length() - 1),
                            "path",
                            other),
                    day,
                    500);
        }
    }

    void insert(Map<String, Object> region, LocalDate day, int count) {
        jdbc.sql(
                        """
                        insert into warning.counts (signal, region_code, path, day, count, source, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, 'API', 'test', now()) on conflict do nothing""")
                .params(SIGNAL, region.get("code"), region.get("path"), day, count)
                .update();
    }

    static String request(String method, String from, String to, String extra) {
        return """
                {"signal": "%s", "regionCode": "%s", "method": "%s", "from": "%s", "to": "%s"%s}"""
                .formatted(SIGNAL, TOWNSHIP, method, from, to, extra);
    }

    @Test
    void c1FlagsTheSpikeInTheTownshipsSumOfVillages() {
        var result = post(
                mvc, "epi1", "/api/warning/detect", request("C1", "2022-03-01", "2022-03-31", ", \"alpha\": 0.001"));
        assertThat(result).hasStatusOk();
        String json = TestHttp.body(result);
        assertThat(JsonPath.<Integer>read(json, "$.length()")).isEqualTo(31);
        assertThat(JsonPath.<String>read(json, "$[0].date")).isEqualTo("2022-03-01");
        // 2022-03-20 is day 79: village A 30, village B 1 + 79 % 2 = 2
        assertThat(JsonPath.<Integer>read(json, "$[19].observed")).isEqualTo(32);
        assertThat(JsonPath.<Boolean>read(json, "$[19].alarm")).isTrue();
        List<Boolean> alarms = JsonPath.read(json, "$[*].alarm");
        assertThat(alarms.stream().filter(a -> a).count()).isEqualTo(1);
        // the same day computed here from the same sums
        long[] x = new long[7];
        for (int i = 0; i < 7; i++) {
            int d = SPIKE.minusDays(7 - i).getDayOfYear();
            x[i] = 2 + d % 3 + 1 + d % 2;
        }
        double[] stat = new double[2];
        Ears.meanSd(x, 0, 7, stat);
        assertThat(JsonPath.<Double>read(json, "$[19].upperBound"))
                .isCloseTo(
                        stat[0] + NormalQuantile.upper(0.001) * stat[1], org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void daysBeforeTheFirstCountHaveNoBound() {
        var result = post(mvc, "epi1", "/api/warning/detect", request("C3", "2021-12-30", "2022-01-20", ""));
        assertThat(result).hasStatusOk();
        String json = TestHttp.body(result);
        assertThat(JsonPath.<Integer>read(json, "$.length()")).isEqualTo(22);
        assertThat(JsonPath.<Object>read(json, "$[0].upperBound")).isNull();
        assertThat(JsonPath.<Integer>read(json, "$[0].observed")).isZero();
        // C3 reads 11 days: the first bound is on the 12th day of counts, 2022-01-12
        assertThat(JsonPath.<Object>read(json, "$[12].upperBound")).isNull();
        assertThat(JsonPath.<Object>read(json, "$[13].upperBound")).isNotNull();
        // MPM has no 3 years of history: no bound, no alarm
        var mpm =
                TestHttp.body(post(mvc, "epi1", "/api/warning/detect", request("MPM", "2022-03-01", "2022-03-31", "")));
        assertThat(JsonPath.<List<Object>>read(mpm, "$[*].upperBound")).containsOnlyNulls();
        assertThat(JsonPath.<List<Boolean>>read(mpm, "$[*].alarm")).containsOnly(false);
    }

    @Test
    void badInputIsRefusedWithAStableCode() {
        assertRefused(
                "epi1", request("C1", "2022-03-01", "2022-03-31", ", \"alpha\": 1.5"), 400, "warning.alpha_invalid");
        assertRefused(
                "epi1", request("C1", "2022-03-01", "2022-03-31", ", \"alpha\": 0"), 400, "warning.alpha_invalid");
        assertRefused("epi1", request("C1", "2022-03-31", "2022-03-01", ""), 400, "warning.range_invalid");
        assertRefused("epi1", request("C1", "2018-01-01", "2022-03-01", ""), 400, "warning.range_invalid");
        assertRefused("epi1", request("C9", "2022-03-01", "2022-03-31", ""), 400, "warning.method_invalid");
        assertRefused(
                "epi1",
                request("C1", "2022-03-01", "2022-03-31", "").replace(SIGNAL, "no_such_signal"),
                404,
                "warning.signal_not_found");
        assertRefused("epi1", request("C1", "2022-03-01", "2022-03-31", "").replace(TOWNSHIP, "999999"), 404, null);
        // a township officer may not analyse signals
        assertRefused("township1", request("C1", "2022-03-01", "2022-03-31", ""), 403, null);
    }

    void assertRefused(String user, String body, int status, String code) {
        var result = post(mvc, user, "/api/warning/detect", body);
        assertThat(result).hasStatus(status);
        String json = TestHttp.body(result);
        if (code != null) {
            assertThat(JsonPath.<String>read(json, "$.code")).isEqualTo(code);
            assertThat(JsonPath.<String>read(json, "$.message")).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void theBacktestMeasuresEachSettingOnTheInjectedOutbreak() {
        var result = post(
                mvc,
                "epi1",
                "/api/warning/backtest",
                """
                {"signal": "%s", "regionCode": "%s", "from": "2022-02-01", "to": "2022-03-15",
                 "settings": [{"method": "C1"}, {"method": "C2", "alpha": 0.05}, {"method": "THRESHOLD", "threshold": 40}],
                 "outbreaks": [{"start": "2022-03-01", "days": 3, "extra": 20}]}"""
                        .formatted(SIGNAL, TOWNSHIP));
        assertThat(result).hasStatusOk();
        String json = TestHttp.body(result);
        assertThat(JsonPath.<Integer>read(json, "$.length()")).isEqualTo(3);
        assertThat(JsonPath.<String>read(json, "$[0].setting.method")).isEqualTo("C1");
        assertThat(JsonPath.<Integer>read(json, "$[0].outbreakDays")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(json, "$[0].days")).isEqualTo(43);
        assertThat(JsonPath.<Integer>read(json, "$[0].detected")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(json, "$[0].daysToDetection[0]")).isZero();
        assertThat(JsonPath.<Integer>read(json, "$[0].falseAlarms")).isZero();
        // the base is 3..6 a day: 20 more never reaches a threshold of 40
        assertThat(JsonPath.<Integer>read(json, "$[2].detected")).isZero();
        assertThat(JsonPath.<Object>read(json, "$[2].meanDaysToDetection")).isNull();
        var outside = post(
                mvc,
                "epi1",
                "/api/warning/backtest",
                """
                {"signal": "%s", "regionCode": "%s", "from": "2022-02-01", "to": "2022-03-15",
                 "settings": [{"method": "C1"}], "outbreaks": [{"start": "2022-03-14", "days": 5, "extra": 20}]}"""
                        .formatted(SIGNAL, TOWNSHIP));
        assertThat(outside).hasStatus(400);
    }

    @Test
    void bothEndpointsAreInTheOpenApiDocs() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyText()
                .contains("/api/warning/detect", "/api/warning/backtest", "Warning: detection");
    }

    @Test
    void theTrialPageShowsTheSpikeAsAnAlarmAndRefusalsAsAMessage() {
        String html = TestHttp.page(
                mvc,
                "epi1",
                "/warning/detect?signal=%s&region=%s&method=C1&from=2022-03-01&to=2022-03-31"
                        .formatted(SIGNAL, TOWNSHIP));
        assertThat(html).contains("预警试算", "共 31 天，报警 1 天", "试算测试信号");
        var row = java.util.regex.Pattern.compile(
                        "<tr[^>]*data-date=\"2022-03-20\"[^>]*>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).containsPattern("<tr[^>]*class=\"alarm\"");
        assertThat(row.group(1).replaceAll("<[^>]+>", " ")).contains("32", "报警");
        assertThat(html).containsOnlyOnce("class=\"alarm\"");
        String refused = TestHttp.page(
                mvc,
                "epi1",
                "/warning/detect?signal=%s&region=%s&method=C2&alpha=2&from=2022-03-01&to=2022-03-31"
                        .formatted(SIGNAL, TOWNSHIP));
        assertThat(refused).contains("alpha 必须在 0 与 1 之间").doesNotContain("detect-table");
        // without a signal chosen the form alone
        assertThat(TestHttp.page(mvc, "epi1", "/warning/detect"))
                .contains("detect-form")
                .doesNotContain("detect-table");
    }
}
