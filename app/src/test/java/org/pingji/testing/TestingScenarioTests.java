package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The scripted scenario: a whole township of the demo county sampled with 10-in-1 tubes
 * through the API, boxed and received, results uploaded with a few positives and an invalid
 * tube, then coverage, recall lists and the single-retest flow.
 */
@PingjiTest
class TestingScenarioTests {

    static final String TOWNSHIP = "141029100";

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    static String scan(UUID id, long round, long table, String tube, String personJson, Instant at) {
        return """
                {"scanId":"%s","roundId":%d,"tableId":%d,"tubeBarcode":"%s","person":%s,"scannedAt":"%s"}"""
                .formatted(id, round, table, tube, personJson, at);
    }

    List<String> outcomes(MvcTestResult r) {
        assertThat(r).hasStatusOk();
        return JsonPath.read(body(r), "$[*].outcome");
    }

    long openRound(String region, int poolSize) {
        var created = post(
                "commander",
                "/api/testing/rounds",
                """
                {"name":"全员核酸检测 %s","regionCodes":["%s"],"poolSize":%d,"deadline":"%s","drill":false}"""
                        .formatted(region, region, poolSize, Instant.now().plus(24, ChronoUnit.HOURS)));
        assertThat(created).hasStatus(201);
        return ((Number) JsonPath.read(body(created), "$.id")).longValue();
    }

    List<Long> personsOf(String region) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Number> batch = JsonPath.read(
                    body(get("commander", "/api/persons?region=" + region + "&size=500&page=" + page)),
                    "$.content[*].id");
            batch.forEach(n -> ids.add(n.longValue()));
            if (batch.size() < 500) {
                return ids;
            }
        }
    }

    @Test
    void aWholeTownshipIsSampledTenInOneResultedRecalledAndRetested() {
        long round = openRound(TOWNSHIP, 10);
        List<Number> tableIds = JsonPath.read(body(get("sampler1", "/api/testing/tables?round=" + round)), "$[*].id");
        assertThat(tableIds).isNotEmpty();
        long table = tableIds.getFirst().longValue();
        List<Long> people = personsOf(TOWNSHIP);
        long population = ((Number) JsonPath.read(body(get("commander", "/api/regions/" + TOWNSHIP)), "$.population"))
                .longValue();
        assertThat(people).hasSize((int) population);

        // Sample everyone, ten to a tube, in requests of 50 scans.
        Instant at = Instant.now().minusSeconds(60);
        Map<String, List<Long>> tubes = new LinkedHashMap<>();
        List<String> firstBatch = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String tube = "R%dT%05d".formatted(round, i / 10);
            tubes.computeIfAbsent(tube, k -> new ArrayList<>()).add(people.get(i));
            scans.add(scan(UUID.randomUUID(), round, table, tube, "{\"personId\":%d}".formatted(people.get(i)), at));
            if (scans.size() == 50 || i == people.size() - 1) {
                String json = "[" + String.join(",", scans) + "]";
                if (firstBatch.isEmpty()) {
                    firstBatch.add(json);
                }
                assertThat(outcomes(post("sampler1", "/api/testing/scans", json)))
                        .containsOnly("ACCEPTED");
                scans.clear();
            }
        }
        String lastTube = (String) tubes.keySet().toArray()[tubes.size() - 1];
        if (tubes.get(lastTube).size() < 10) {
            assertThat(post("sampler1", "/api/testing/tubes/" + lastTube + "/seal", ""))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.message")
                    .asString()
                    .contains("已封管");
        }
        // A replayed batch writes nothing.
        assertThat(outcomes(post("sampler1", "/api/testing/scans", firstBatch.getFirst())))
                .containsOnly("DUPLICATE");

        assertThat(get("commander", "/api/testing/rounds/" + round + "/coverage?region=" + TOWNSHIP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.registered").isEqualTo((int) population);
                    assertThat(json).extractingPath("$.sampled").isEqualTo((int) population);
                    assertThat(json).extractingPath("$.notSampled").isEqualTo(0);
                    assertThat(json).extractingPath("$.resulted").isEqualTo(0);
                });

        // Box, hand over, receive at the lab.
        String tubeList = String.join("\",\"", tubes.keySet());
        var packed = post(
                "sampler1",
                "/api/testing/boxes",
                """
                {"barcode":"BOX%05d","roundId":%d,"tubeBarcodes":["%s"],"location":"城关社区核酸采样点"}"""
                        .formatted(round, round, tubeList));
        assertThat(packed).as(body(packed)).hasStatus(201);
        assertThat(post("sampler1", "/api/testing/boxes/BOX%05d/handover".formatted(round), "{\"location\":\"转运车\"}"))
                .hasStatusOk();
        assertThat(post("lab1", "/api/testing/boxes/BOX%05d/receive".formatted(round), "{\"location\":\"县疾控实验室\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].action")
                .asArray()
                .containsExactly("PACKED", "HANDED_OVER", "RECEIVED");

        // Results: two positive pools, one invalid tube, the rest negative.
        List<String> barcodes = new ArrayList<>(tubes.keySet());
        String positiveA = barcodes.get(0);
        String positiveB = barcodes.get(3);
        String invalid = barcodes.get(5);
        StringBuilder csv = new StringBuilder("\uFEFF试管条码,结果,Ct值,报告时间\n");
        for (String b : barcodes) {
            String result = b.equals(positiveA) || b.equals(positiveB) ? "阳性" : b.equals(invalid) ? "无效" : "阴性";
            csv.append(b)
                    .append(',')
                    .append(result)
                    .append(',')
                    .append(result.equals("阳性") ? "28.5" : "")
                    .append(",2022-04-05 08:00\n");
        }
        var upload = mvc.post()
                .uri("/api/testing/results/upload")
                .multipart()
                .file(new MockMultipartFile(
                        "file", "results.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, basic("lab1"))
                .exchange();
        assertThat(upload).hasStatusOk().bodyJson().extractingPath("$.accepted").isEqualTo(barcodes.size());

        int positives = tubes.get(positiveA).size() + tubes.get(positiveB).size();
        int invalids = tubes.get(invalid).size();
        assertThat(get("commander", "/api/testing/rounds/" + round + "/coverage?region=" + TOWNSHIP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.resulted").isEqualTo((int) population - invalids);
                    assertThat(json).extractingPath("$.positivePersons").isEqualTo(positives);
                    assertThat(json).extractingPath("$.positivePools").isEqualTo(2);
                });

        String recall = body(get("commander", "/api/testing/rounds/" + round + "/recall?region=" + TOWNSHIP));
        List<Number> recalled = JsonPath.read(recall, "$[?(@.reason == 'POSITIVE_POOL')].personId");
        assertThat(recalled).hasSize(positives);
        List<String> statuses = JsonPath.read(recall, "$[*].retestStatus");
        assertThat(statuses).hasSize(positives + invalids).containsOnly("AWAITING");

        // Single retest: a positive pool's member cannot join a pooled tube, only a new single tube.
        long member = tubes.get(positiveA).getFirst();
        long other = tubes.get(positiveA).get(1);
        long resampled = tubes.get(invalid).getFirst();
        String pooled = "R%dRS001".formatted(round);
        assertThat(outcomes(post(
                        "sampler1",
                        "/api/testing/scans",
                        "["
                                + scan(
                                        UUID.randomUUID(),
                                        round,
                                        table,
                                        pooled,
                                        "{\"personId\":%d}".formatted(resampled),
                                        at)
                                + "]")))
                .containsExactly("ACCEPTED");
        var refused = post(
                "sampler1",
                "/api/testing/scans",
                "[" + scan(UUID.randomUUID(), round, table, pooled, "{\"personId\":%d}".formatted(member), at) + "]");
        assertThat(outcomes(refused)).containsExactly("REJECTED");
        assertThat(body(refused)).contains("须单采单检");
        String singleA = "R%dSG001".formatted(round);
        String singleB = "R%dSG002".formatted(round);
        var single = post(
                "sampler1",
                "/api/testing/scans",
                "[" + scan(UUID.randomUUID(), round, table, singleA, "{\"personId\":%d}".formatted(member), at) + ","
                        + scan(UUID.randomUUID(), round, table, singleB, "{\"personId\":%d}".formatted(other), at)
                        + "]");
        assertThat(outcomes(single)).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(body(single)).contains("1/1", "自动封管");
        assertThat(outcomes(post(
                        "sampler1",
                        "/api/testing/scans",
                        "["
                                + scan(
                                        UUID.randomUUID(),
                                        round,
                                        table,
                                        "R%dSG003".formatted(round),
                                        "{\"personId\":%d}".formatted(member),
                                        at)
                                + "]")))
                .containsExactly("REJECTED");

        var retests = post(
                "lab1",
                "/api/testing/results",
                """
                [{"tubeBarcode":"%s","result":"NEGATIVE"},{"tubeBarcode":"%s","result":"POSITIVE","ctValue":31.2}]"""
                        .formatted(singleA, singleB));
        assertThat(retests)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].outcome")
                .asArray()
                .containsExactly("APPLIED", "APPLIED");
        String after = body(get("commander", "/api/testing/rounds/" + round + "/recall?region=" + TOWNSHIP));
        List<String> memberStatus = JsonPath.read(after, "$[?(@.personId == %d)].retestStatus".formatted(member));
        List<String> otherStatus = JsonPath.read(after, "$[?(@.personId == %d)].retestStatus".formatted(other));
        List<String> resampledStatus = JsonPath.read(after, "$[?(@.personId == %d)].retestStatus".formatted(resampled));
        assertThat(memberStatus).containsExactly("NEGATIVE");
        assertThat(otherStatus).containsExactly("POSITIVE");
        assertThat(resampledStatus).containsExactly("RESAMPLED");
        List<String> retestTube = JsonPath.read(after, "$[?(@.personId == %d)].retestBarcode".formatted(member));
        assertThat(retestTube).containsExactly(singleA);

        // A conflicting second result is kept for review, not applied.
        var conflict = post(
                "lab1",
                "/api/testing/results",
                """
                [{"tubeBarcode":"%s","result":"POSITIVE"},{"tubeBarcode":"%s","result":"NEGATIVE"}]"""
                        .formatted(barcodes.get(1), barcodes.get(2)));
        assertThat(conflict)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].outcome")
                .asArray()
                .containsExactly("CONFLICT", "REPEATED");
        assertThat(get("commander", "/api/testing/rounds/" + round + "/coverage?region=" + TOWNSHIP))
                .bodyJson()
                .extractingPath("$.positivePools")
                .isEqualTo(2);
    }

    @Test
    void badScansAreRejectedWithAReasonAndWriteNothing() {
        long round = openRound("141029100002", 5);
        List<Number> tableIds = JsonPath.read(body(get("sampler1", "/api/testing/tables?round=" + round)), "$[*].id");
        long table = tableIds.getFirst().longValue();
        List<Long> people = personsOf("141029100002");
        Instant at = Instant.now().minusSeconds(30);
        String tube = "R%dBAD01".formatted(round);
        assertThat(outcomes(post(
                        "sampler1",
                        "/api/testing/scans",
                        "["
                                + scan(
                                        UUID.randomUUID(),
                                        round,
                                        table,
                                        tube,
                                        "{\"personId\":%d}".formatted(people.get(0)),
                                        at)
                                + "]")))
                .containsExactly("ACCEPTED");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(
                scan(UUID.randomUUID(), round, table, tube, "{\"personId\":%d}".formatted(people.get(0)), at), "本轮已采样");
        cases.put(
                scan(UUID.randomUUID(), round, table, "ab", "{\"personId\":%d}".formatted(people.get(1)), at),
                "条码格式错误");
        cases.put(scan(UUID.randomUUID(), round, table, tube, "{\"personId\":999999999}", at), "未找到该人员");
        cases.put(scan(UUID.randomUUID(), round, table, tube, "{\"residentId\":\"11010519491231002X\"}", at), "未找到该人员");
        cases.put(
                scan(
                        UUID.randomUUID(),
                        round,
                        table,
                        tube,
                        "{\"personId\":%d}".formatted(people.get(1)),
                        Instant.now().plus(2, ChronoUnit.HOURS)),
                "晚于当前时间");
        cases.put(
                scan(UUID.randomUUID(), round, 424242, tube, "{\"personId\":%d}".formatted(people.get(1)), at),
                "未在本轮开放");
        cases.put(
                scan(UUID.randomUUID(), 9_999_999, table, tube, "{\"personId\":%d}".formatted(people.get(1)), at),
                "不存在或已结束");
        cases.put(scan(UUID.randomUUID(), round, table, tube, "{}", at), "缺少人员标识");
        cases.forEach((json, reason) -> {
            var r = post("sampler1", "/api/testing/scans", "[" + json + "]");
            assertThat(outcomes(r)).containsExactly("REJECTED");
            assertThat(body(r)).contains(reason);
        });
        // A sampler not assigned to the table.
        assertThat(
                        post(
                                "admin",
                                "/api/users",
                                """
                {"username":"sampler9","displayName":"采样员九","password":"sampler-nine","role":"SAMPLER","jurisdictionCode":"141029100"}"""))
                .hasStatus(201);
        var unassigned = mvc.post()
                .uri("/api/testing/scans")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString("sampler9:sampler-nine".getBytes()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("["
                        + scan(UUID.randomUUID(), round, table, tube, "{\"personId\":%d}".formatted(people.get(1)), at)
                        + "]")
                .exchange();
        assertThat(body(unassigned)).contains("REJECTED", "未被分配");
        // Results for unknown and unsealed tubes are rejected.
        assertThat(post(
                        "lab1",
                        "/api/testing/results",
                        """
                [{"tubeBarcode":"NOSUCH01","result":"NEGATIVE"},{"tubeBarcode":"%s","result":"NEGATIVE"}]"""
                                .formatted(tube)))
                .bodyJson()
                .extractingPath("$[*].message")
                .asArray()
                .satisfiesExactly(m -> assertThat((String) m).contains("不存在"), m -> assertThat((String) m)
                        .contains("尚未封管"));
        // A bad result file is rejected row by row and writes nothing.
        var upload = mvc.post()
                .uri("/api/testing/results/upload")
                .multipart()
                .file(new MockMultipartFile(
                        "file",
                        "bad.csv",
                        "text/csv",
                        "条码,结果,Ct值\n%s,阳性,abc\nNOSUCH02,坏了,\n".formatted(tube).getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, basic("lab1"))
                .exchange();
        assertThat(upload).hasStatus(422).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.accepted").isEqualTo(0);
            assertThat(json).extractingPath("$.errors[0].row").isEqualTo(2);
            assertThat(json).extractingPath("$.errors[0].column").isEqualTo("Ct值");
            assertThat(json).extractingPath("$.errors[1].row").isEqualTo(3);
            assertThat(json).extractingPath("$.errors[1].column").isEqualTo("结果");
        });
        var garbage = mvc.post()
                .uri("/api/testing/results/upload")
                .multipart()
                .file(new MockMultipartFile(
                        "file", "r.xlsx", "application/octet-stream", new byte[] {'P', 'K', 3, 4, 9, 9}))
                .header(HttpHeaders.AUTHORIZATION, basic("lab1"))
                .exchange();
        assertThat(garbage).hasStatus(422).bodyText().contains("文件无法读取");
        // Sealing: an unknown tube and a second seal are refused with a reason; the writer keeps going.
        assertThat(post("sampler1", "/api/testing/tubes/NOSUCH03/seal", ""))
                .hasStatus(400)
                .bodyText()
                .contains("不存在");
        assertThat(post("sampler1", "/api/testing/tubes/" + tube + "/seal", "")).hasStatusOk();
        assertThat(post("sampler1", "/api/testing/tubes/" + tube + "/seal", ""))
                .hasStatus(400)
                .bodyText()
                .contains("已封管");
        assertThat(outcomes(post(
                        "sampler1",
                        "/api/testing/scans",
                        "["
                                + scan(
                                        UUID.randomUUID(),
                                        round,
                                        table,
                                        tube,
                                        "{\"personId\":%d}".formatted(people.get(1)),
                                        at)
                                + "]")))
                .containsExactly("REJECTED");
        assertThat(outcomes(post(
                        "sampler1",
                        "/api/testing/scans",
                        "["
                                + scan(
                                        UUID.randomUUID(),
                                        round,
                                        table,
                                        "R%dBAD02".formatted(round),
                                        "{\"personId\":%d}".formatted(people.get(1)),
                                        at)
                                + "]")))
                .containsExactly("ACCEPTED");
        // After closing, scans are refused.
        assertThat(post("commander", "/api/testing/rounds/" + round + "/close", ""))
                .hasStatusOk();
        var closed = post(
                "sampler1",
                "/api/testing/scans",
                "[" + scan(UUID.randomUUID(), round, table, tube, "{\"personId\":%d}".formatted(people.get(1)), at)
                        + "]");
        assertThat(body(closed)).contains("REJECTED", "不存在或已结束");
        assertThat(get("commander", "/api/testing/rounds/" + round + "/coverage?region=141029100002"))
                .bodyJson()
                .extractingPath("$.sampled")
                .isEqualTo(2);
    }

    @Test
    void roundsAreOpenedOnlyWithinTheJurisdictionAndAllowedPoolSizes() {
        String deadline = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        assertThat(post(
                        "township1",
                        "/api/testing/rounds",
                        """
                {"name":"越权","regionCodes":["141029101"],"poolSize":10,"deadline":"%s"}"""
                                .formatted(deadline)))
                .hasStatus(404);
        assertThat(post(
                        "commander",
                        "/api/testing/rounds",
                        """
                {"name":"规格","regionCodes":["141029101"],"poolSize":7,"deadline":"%s"}"""
                                .formatted(deadline)))
                .hasStatus(400)
                .bodyText()
                .contains("poolSize");
        assertThat(
                        post(
                                "commander",
                                "/api/testing/rounds",
                                """
                {"name":"过期","regionCodes":["141029101"],"poolSize":10,"deadline":"2022-04-01T00:00:00Z"}"""))
                .hasStatus(400)
                .bodyText()
                .contains("deadline");
        assertThat(post(
                        "sampler1",
                        "/api/testing/rounds",
                        """
                {"name":"无权","regionCodes":["141029100"],"poolSize":10,"deadline":"%s"}"""
                                .formatted(deadline)))
                .hasStatus(403);
    }
}
