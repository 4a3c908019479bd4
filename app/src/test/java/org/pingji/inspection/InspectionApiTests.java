package org.pingji.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;
import static org.pingji.inspection.InspectionFixtures.id;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.access.AccessManagement;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceCode;
import org.pingji.person.PersonDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The supervision API on the demo county, with the bad inputs of issue #13. */
@PingjiTest
class InspectionApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    GridManagement grid;

    @Autowired
    AccessManagement access;

    @Autowired
    PersonDirectory persons;

    @Autowired
    JdbcClient jdbc;

    InspectionFixtures fixtures;
    long inspector1;
    long inspector2;

    @BeforeEach
    void setUp() {
        fixtures = new InspectionFixtures(mvc, grid, access);
        inspector1 = fixtures.userId("inspector1");
        inspector2 = fixtures.userId("inspector2");
    }

    static String code(MvcTestResult r) {
        return JsonPath.read(body(r), "$.code");
    }

    @Test
    void entitiesAreListedByZoneAndCategory() {
        var result = get(mvc, "inspector1", "/api/inspection/entities?zone=Z4&category=SHOP");
        assertThat(result).hasStatusOk();
        List<String> zones = JsonPath.read(body(result), "$[*].zone");
        List<String> categories = JsonPath.read(body(result), "$[*].category");
        List<String> states = JsonPath.read(body(result), "$[*].state");
        assertThat(zones).hasSizeGreaterThan(100).containsOnly("Z4");
        assertThat(categories).containsOnly("SHOP");
        assertThat(states).contains("OPEN", "CLOSED").isSubsetOf("OPEN", "SUSPENDED", "CLOSED");
        assertThat((Number) JsonPath.read(body(result), "$[0].placeId")).isNotNull();
        // the directory as a whole: the demo's shops and venues and sites, in 4 zones
        List<Map<String, Object>> z = JsonPath.read(body(get(mvc, "inspector1", "/api/inspection/zones")), "$");
        assertThat(z).hasSize(4);
        assertThat(z.stream().mapToInt(m -> (Integer) m.get("entities")).sum())
                .isGreaterThanOrEqualTo(4_500 + 13 + 117 + 4);
        List<Map<String, Object>> groups = JsonPath.read(body(get(mvc, "inspector1", "/api/inspection/groups")), "$");
        assertThat(groups.stream().filter(g -> g.get("parentId") == null)).hasSize(4);
        assertThat(groups.stream().filter(g -> g.get("parentId") != null)).hasSizeGreaterThan(40);
        var bad = get(mvc, "inspector1", "/api/inspection/entities?category=BAKERY");
        assertThat(bad).hasStatus(400);
        assertThat(code(bad)).isEqualTo("inspection.category");
        assertThat(get(mvc, "resident1", "/api/inspection/entities")).hasStatus(403);
    }

    @Test
    void checklistsAreVersionedPerCategory() {
        var result = get(mvc, "inspector1", "/api/inspection/checklists?category=PHARMACY");
        assertThat(result).hasStatusOk();
        assertThat((List<String>) JsonPath.read(body(result), "$[*].category")).containsExactly("PHARMACY");
        assertThat((Integer) JsonPath.read(body(result), "$[0].version")).isEqualTo(1);
        List<String> texts = JsonPath.read(body(result), "$[0].items[*].text");
        assertThat(texts.getFirst()).contains("实名登记");
        assertThat((Boolean) JsonPath.read(body(result), "$[0].items[0].photoRequired"))
                .isTrue();
        assertThat((String) JsonPath.read(body(result), "$[0].items[0].severity"))
                .isEqualTo("CRITICAL");
        List<String> all = JsonPath.read(body(get(mvc, "inspector1", "/api/inspection/checklists")), "$[*].category");
        assertThat(all).contains("PHARMACY", "SUPERMARKET", "SHOP", "COLLECTION_POINT", "CHECKPOINT");
    }

    @Test
    void aDrawIsRiskWeightedAvoidsConflictsAndReplaysToTheSamePicks() {
        for (String share : List.of("0", "-0.1", "1.5")) {
            var refused = post(
                    mvc,
                    "inspector1",
                    "/api/inspection/draws",
                    "{\"zone\":\"Z2\",\"share\":%s,\"seed\":1}".formatted(share));
            assertThat(refused).hasStatus(400);
            assertThat(code(refused)).isEqualTo("inspection.share_invalid");
            assertThat(body(refused)).contains("抽取比例");
        }
        var entities = JsonPath.<List<Integer>>read(
                body(get(mvc, "inspector1", "/api/inspection/entities?zone=Z2&category=PHARMACY")), "$[*].id");
        long conflicted = entities.getFirst();
        assertThat(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/conflicts",
                        "{\"userId\":%d,\"entityId\":%d,\"reason\":\"亲属经营\"}".formatted(inspector1, conflicted)))
                .hasStatus(201);
        // everything of the category drawn: the conflicted entity gets a pair without inspector1
        var all =
                post(mvc, "inspector1", "/api/inspection/draws", "{\"category\":\"PHARMACY\",\"share\":1,\"seed\":7}");
        assertThat(all).hasStatus(201);
        List<Map<String, Object>> picks = JsonPath.read(body(all), "$.picks");
        assertThat(picks.size()).isGreaterThanOrEqualTo(entities.size());
        for (var p : picks) {
            List<Number> pair = (List<Number>) p.get("inspectors");
            assertThat(pair).hasSize(2);
            assertThat(pair.get(0).longValue()).isNotEqualTo(pair.get(1).longValue());
            if (((Number) p.get("entityId")).longValue() == conflicted) {
                assertThat(pair.stream().map(Number::longValue)).doesNotContain(inspector1);
            }
        }
        // 5 % of a zone's shops, replayed to the same picks with the same snapshot
        var drawn = post(
                mvc,
                "inspector1",
                "/api/inspection/draws",
                "{\"category\":\"SHOP\",\"zone\":\"Z1\",\"share\":0.05,\"seed\":20221207}");
        assertThat(drawn).hasStatus(201);
        int candidates = JsonPath.read(body(drawn), "$.candidates");
        List<Object> drawnPicks = JsonPath.read(body(drawn), "$.picks");
        assertThat(drawnPicks).hasSize((int) Math.round(candidates * 0.05));
        assertThat((Number) JsonPath.read(body(drawn), "$.seed")).isEqualTo(20221207);
        String hash = JsonPath.read(body(drawn), "$.snapshotHash");
        assertThat(hash).hasSize(64);
        var replay = post(mvc, "inspector1", "/api/inspection/draws/" + id(body(drawn)) + "/replay", "");
        assertThat(replay).hasStatusOk();
        assertThat((Boolean) JsonPath.read(body(replay), "$.identical")).isTrue();
        assertThat((Boolean) JsonPath.read(body(replay), "$.directoryChanged")).isFalse();
        assertThat((String) JsonPath.read(body(replay), "$.snapshotHash")).isEqualTo(hash);
        assertThat((List<Object>) JsonPath.read(body(replay), "$.picks")).isEqualTo(drawnPicks);
        // the same seed on the same directory draws the same entities again
        var again = post(
                mvc,
                "inspector1",
                "/api/inspection/draws",
                "{\"category\":\"SHOP\",\"zone\":\"Z1\",\"share\":0.05,\"seed\":20221207}");
        assertThat((List<Object>) JsonPath.read(body(again), "$.picks[*].entityId"))
                .isEqualTo(JsonPath.read(body(drawn), "$.picks[*].entityId"));
        assertThat(post(mvc, "inspector1", "/api/inspection/draws/99999999/replay", ""))
                .hasStatus(404);
        assertThat(post(mvc, "township1", "/api/inspection/draws", "{\"share\":0.05}"))
                .hasStatus(403);
    }

    record Checklist(long id, List<Long> items) {}

    Checklist pharmacyChecklist() {
        String json = body(get(mvc, "inspector1", "/api/inspection/checklists?category=PHARMACY"));
        List<Number> items = JsonPath.read(json, "$[0].items[*].id");
        return new Checklist(
                ((Number) JsonPath.read(json, "$[0].id")).longValue(),
                items.stream().map(Number::longValue).toList());
    }

    String inspection(long entity, Checklist c, List<Long> inspectors, String at, String... outcomes) {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < outcomes.length; i++) {
            results.append(i == 0 ? "" : ",")
                    .append("{\"itemId\":%d,\"outcome\":\"%s\",\"note\":\"第%d项\"}"
                            .formatted(c.items().get(i), outcomes[i], i + 1));
        }
        return "{\"entityId\":%d,\"checklistId\":%d,\"inspectors\":%s,%s\"results\":[%s]}"
                .formatted(entity, c.id(), inspectors, at == null ? "" : "\"at\":\"" + at + "\",", results);
    }

    @Test
    void anInspectionWithAFailedItemCreatesAFindingWithADeadlineAndBadInspectionsAreRefused() {
        long entity = id(fixtures.pharmacy());
        Checklist c = pharmacyChecklist();
        var alone = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1), null, "PASS"));
        assertThat(alone).hasStatus(400);
        assertThat(code(alone)).isEqualTo("inspection.inspectors_too_few");
        var twiceTheSame = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1, inspector1), null, "PASS"));
        assertThat(code(twiceTheSame)).isEqualTo("inspection.inspectors_too_few");
        String tomorrow = OffsetDateTime.now().plusDays(1).toString();
        var future = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1, inspector2), tomorrow, "PASS"));
        assertThat(future).hasStatus(400);
        assertThat(code(future)).isEqualTo("inspection.future_date");
        var unknownItem = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                "{\"entityId\":%d,\"checklistId\":%d,\"inspectors\":[%d,%d],\"results\":[{\"itemId\":999999,\"outcome\":\"PASS\"}]}"
                        .formatted(entity, c.id(), inspector1, inspector2));
        assertThat(unknownItem).hasStatus(400);
        assertThat(code(unknownItem)).isEqualTo("inspection.item_not_in_checklist");
        long before = jdbc.sql("select count(*) from inspection.inspections where entity_id = ?")
                .param(entity)
                .query(Long.class)
                .single();
        assertThat(before).isZero();

        var recorded = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1, inspector2), null, "FAIL", "PASS", "NA", "PASS"));
        assertThat(recorded).hasStatus(201);
        List<Map<String, Object>> findings = JsonPath.read(body(recorded), "$.findings");
        assertThat(findings).hasSize(1);
        assertThat(((Number) findings.getFirst().get("itemId")).longValue())
                .isEqualTo(c.items().getFirst());
        LocalDate deadline = LocalDate.parse((String) findings.getFirst().get("deadline"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(deadline).isEqualTo(Inspections.workingDaysAfter(today, 10)).isAfter(today.plusDays(13));
        assertThat(deadline.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        // a declared conflict keeps the inspector out
        post(
                mvc,
                "inspector1",
                "/api/inspection/conflicts",
                "{\"userId\":%d,\"entityId\":%d,\"reason\":\"曾任该店店长\"}".formatted(inspector2, entity));
        var conflicted = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1, inspector2), null, "PASS"));
        assertThat(conflicted).hasStatus(409);
        assertThat(code(conflicted)).isEqualTo("inspection.conflict_of_interest");
        assertThat(body(conflicted)).contains("曾任该店店长");

        // a photo that is not an image is refused, a JPEG is kept
        long inspectionId = id(body(recorded));
        assertThat(upload("/api/inspection/inspections/" + inspectionId + "/photos", "a.jpg", "不是图片".getBytes()))
                .hasStatus(400)
                .bodyText()
                .contains("inspection.not_an_image");
        assertThat(upload("/api/inspection/inspections/" + inspectionId + "/photos", "a.jpg", jpeg(2048)))
                .hasStatus(201);
    }

    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    MvcTestResult upload(String uri, String name, byte[] bytes) {
        return mvc.post()
                .uri(uri)
                .multipart()
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                .header(HttpHeaders.AUTHORIZATION, basic("inspector1"))
                .exchange();
    }

    @Test
    void aClosedShopRefusesCheckInsAndReopensOnlyAfterACommitmentAndAPassedReinspection() {
        String json = fixtures.pharmacy();
        long entity = id(json);
        long place = ((Number) JsonPath.read(json, "$.placeId")).longValue();
        long person =
                persons.firstIn(InspectionFixtures.MICRO_GRID).orElseThrow().id();
        String checkIn = "{\"placeCode\":\"%s\",\"personId\":%d}".formatted(PlaceCode.of(place), person);
        assertThat(post(mvc, "epi1", "/api/tracing/checkins", checkIn)).hasStatus2xxSuccessful();

        assertThat(code(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/entities/" + entity + "/closures",
                        "{\"reason\":\"\",\"document\":\"x\"}")))
                .isEqualTo("inspection.reason_required");
        var closed = post(
                mvc,
                "inspector1",
                "/api/inspection/entities/" + entity + "/closures",
                "{\"reason\":\"拒不落实扫码测温\",\"document\":\"乡防查字〔2026〕1号\"}");
        assertThat(closed).hasStatus(201);
        assertThat(code(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/entities/" + entity + "/closures",
                        "{\"reason\":\"再次\",\"document\":\"x\"}")))
                .isEqualTo("inspection.already_closed");
        var refused = post(mvc, "epi1", "/api/tracing/checkins", checkIn);
        assertThat(refused).hasStatus(409);
        assertThat(code(refused)).isEqualTo("tracing.place_closed");
        assertThat(body(refused)).contains("停业整顿", "拒不落实扫码测温");
        assertThat(TestHttpPage.venue(mvc, PlaceCode.of(place))).contains("停业整顿");

        var noCommitment = post(mvc, "inspector1", "/api/inspection/entities/" + entity + "/reopen", "");
        assertThat(noCommitment).hasStatus(409);
        assertThat(code(noCommitment)).isEqualTo("inspection.no_commitment");
        assertThat(upload("/api/inspection/entities/" + entity + "/commitments", "承诺书.txt", "我承诺".getBytes()))
                .hasStatus(400)
                .bodyText()
                .contains("inspection.file_type");
        assertThat(upload("/api/inspection/entities/" + entity + "/commitments", "承诺书.jpg", jpeg(20 * 1024 * 1024 + 1)))
                .hasStatus(400)
                .bodyText()
                .contains("inspection.file_too_large");
        byte[] pdf = "%PDF-1.4 承诺书：整改完毕，严格落实扫码测温".getBytes();
        assertThat(upload("/api/inspection/entities/" + entity + "/commitments", "承诺书.pdf", pdf))
                .hasStatus(201);
        var noReinspection = post(mvc, "inspector1", "/api/inspection/entities/" + entity + "/reopen", "");
        assertThat(noReinspection).hasStatus(409);
        assertThat(code(noReinspection)).isEqualTo("inspection.no_reinspection");
        Checklist c = pharmacyChecklist();
        var failed = post(
                mvc,
                "inspector1",
                "/api/inspection/inspections",
                inspection(entity, c, List.of(inspector1, inspector2), null, "FAIL"));
        assertThat(failed).hasStatus(201);
        assertThat(code(post(mvc, "inspector1", "/api/inspection/entities/" + entity + "/reopen", "")))
                .isEqualTo("inspection.no_reinspection");
        assertThat(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/inspections",
                        inspection(entity, c, List.of(inspector1, inspector2), null, "PASS", "PASS")))
                .hasStatus(201);
        var reopened = post(mvc, "inspector1", "/api/inspection/entities/" + entity + "/reopen", "");
        assertThat(reopened).hasStatusOk();
        assertThat((String) JsonPath.read(body(reopened), "$.state")).isEqualTo("OPEN");
        assertThat(post(mvc, "epi1", "/api/tracing/checkins", checkIn)).hasStatus2xxSuccessful();
        // the ladder's other rungs: an interview and a numbered letter
        assertThat(post(
                        mvc,
                        "inspector1",
                        "/api/inspection/entities/" + entity + "/interviews",
                        "{\"attendees\":\"店主\",\"agreed\":\"三日内整改\"}"))
                .hasStatus(201);
        var letter =
                post(mvc, "inspector1", "/api/inspection/entities/" + entity + "/letters", "{\"content\":\"限期整改\"}");
        assertThat(letter).hasStatus(201);
        assertThat((String) JsonPath.read(body(letter), "$.number")).matches("乡防督〔\\d{4}〕\\d+号");
        assertThat(jdbc.sql("select count(*) from access.audit_log where action like 'INSPECTION_%' and subject_id = ?")
                        .param(Long.toString(entity))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void theStatisticsShowTheSeedsTotalsPlusWhatTheTestsRecorded() {
        var result = get(mvc, "inspector1", "/api/inspection/stats?region=141029");
        assertThat(result).hasStatusOk();
        String json = body(result);
        long tests = count(
                "select count(*) from inspection.inspections i join inspection.entities e on e.id = i.entity_id where e.licence like 'T-%'");
        long testInterviews = count(
                "select count(*) from inspection.interviews i join inspection.entities e on e.id = i.entity_id where e.licence like 'T-%'");
        long testLetters = count(
                "select count(*) from inspection.letters i join inspection.entities e on e.id = i.entity_id where e.licence like 'T-%'");
        long testClosures = count(
                "select count(*) from inspection.closures i join inspection.entities e on e.id = i.entity_id where e.licence like 'T-%'");
        long testReopenings = count(
                "select count(*) from inspection.closures i join inspection.entities e on e.id = i.entity_id where e.licence like 'T-%' and reopened_at is not null");
        assertThat(((Number) JsonPath.read(json, "$.inspections")).longValue()).isEqualTo(6_811 + tests);
        assertThat(((Number) JsonPath.read(json, "$.interviews")).longValue()).isEqualTo(13 + testInterviews);
        assertThat(((Number) JsonPath.read(json, "$.letters")).longValue()).isEqualTo(26 + testLetters);
        assertThat(((Number) JsonPath.read(json, "$.closures")).longValue()).isEqualTo(90 + testClosures);
        assertThat(((Number) JsonPath.read(json, "$.reopenings")).longValue()).isEqualTo(62 + testReopenings);
        double share = ((Number) JsonPath.read(json, "$.rectifiedOnTimeShare")).doubleValue();
        assertThat(share).isBetween(0.7, 1.0);
        assertThat(get(mvc, "township1", "/api/inspection/stats?region=141029")).hasStatus(404);
        assertThat(get(mvc, "township1", "/api/inspection/stats?region=141029100"))
                .hasStatusOk();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
