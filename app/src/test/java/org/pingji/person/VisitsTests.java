package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Door-to-door visits as a grid worker and the officers see them: a campaign over the village, a
 * household visit with its changes, the coverage and the unvisited list, refusals of bad input
 * and of micro-grids outside the worker's own, and persons found twice merged and unmerged.
 */
@PingjiTest
class VisitsTests {

    static final String WORKER_GRID = CommunityLedgerTests.WORKER_GRID;
    static final String OTHER_GRID = CommunityLedgerTests.OTHER_GRID;
    static final String VILLAGE = CommunityLedgerTests.VILLAGE;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvcTester mvc;

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    /** Imports a family of three and a single person into the micro-grid; returns the building. */
    String importFamily(String user, String microGrid) throws Exception {
        String building = "走访%d号楼".formatted(100_000 + new java.util.Random().nextInt(900_000));
        var file = new MockMultipartFile(
                "file",
                "台账.xlsx",
                "application/octet-stream",
                CommunityLedgerTests.xlsx(CommunityLedgerTests.sheet(CommunityLedgerTests.family(1, building))));
        var result = mvc.post()
                .uri("/api/imports/persons")
                .multipart()
                .file(file)
                .param("region", microGrid)
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .exchange();
        assertThat(result).hasStatusOk();
        return building;
    }

    long campaign(String user, String region) {
        var opened = post(
                user,
                "/api/visits/campaigns",
                "{\"region\":\"%s\",\"name\":\"入户排查%d\",\"startsOn\":\"%s\"}"
                        .formatted(region, System.nanoTime() % 100_000, TODAY));
        assertThat(opened).hasStatusOk();
        return ((Number) JsonPath.read(body(opened), "$.id")).longValue();
    }

    long household(String user, long campaign, String microGrid, String address) {
        List<Number> ids = JsonPath.read(
                body(get(user, "/api/visits/campaigns/%d/households?microGrid=%s".formatted(campaign, microGrid))),
                "$[?(@.name == '%s')].householdId".formatted(address));
        assertThat(ids).as(address).hasSize(1);
        return ids.getFirst().longValue();
    }

    /** Member name → id of a household, as the visit page lists them. */
    Map<String, Long> members(String user, long campaign, long household) {
        List<Map<String, Object>> members = JsonPath.read(
                body(get(user, "/api/visits/campaigns/%d/households/%d".formatted(campaign, household))), "$.members");
        Map<String, Long> byName = new java.util.LinkedHashMap<>();
        members.forEach(m -> byName.put((String) m.get("name"), ((Number) m.get("id")).longValue()));
        return byName;
    }

    @Test
    void aGridWorkerRecordsAVisitAndTheVillageSeesItsCoverage() throws Exception {
        String building = importFamily("gridworker1", WORKER_GRID);
        long campaign = campaign("village1", VILLAGE);
        assertThat(get("gridworker1", "/api/visits/campaigns/current?microGrid=" + WORKER_GRID))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo((int) campaign);
        long family = household("gridworker1", campaign, WORKER_GRID, building + "1单元101");
        long single = household("gridworker1", campaign, WORKER_GRID, building + "2单元202");
        Map<String, Long> members = members("gridworker1", campaign, family);
        assertThat(members).containsOnlyKeys("王建国", "李秀英", "王小明");

        var visit = post(
                "gridworker1",
                "/api/visits/campaigns/%d/households/%d".formatted(campaign, family),
                """
                {"visitedOn":"%s","members":[
                  {"personId":%d,"found":true},
                  {"personId":%d,"found":true,"newPhone":"138 0000 1111"},
                  {"personId":%d,"away":true}],
                 "movedIn":[{"name":"张新","sex":"女","birthDate":"1990-05-01","phone":"13900002222"}]}"""
                        .formatted(TODAY, members.get("王建国"), members.get("李秀英"), members.get("王小明")));
        assertThat(visit).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.found").isEqualTo(3);
            assertThat(json).extractingPath("$.changes").isEqualTo(3);
        });

        var view = body(get("gridworker1", "/api/visits/campaigns/%d/households/%d".formatted(campaign, family)));
        assertThat((List<String>) JsonPath.read(view, "$.members[*].name"))
                .containsExactlyInAnyOrder("王建国", "李秀英", "王小明", "张新");
        assertThat((List<String>) JsonPath.read(view, "$.members[?(@.name == '王小明')].residence"))
                .containsExactly("AWAY");
        assertThat((List<String>) JsonPath.read(view, "$.members[?(@.name == '李秀英')].phoneMasked"))
                .containsExactly("138****1111");
        assertThat((List<String>) JsonPath.read(view, "$.members[?(@.name == '张新')].residentIdMasked"))
                .containsExactly((String) null);
        assertThat((Integer) JsonPath.read(view, "$.lastVisit.found")).isEqualTo(3);

        String list = body(get(
                "gridworker1", "/api/visits/campaigns/%d/households?microGrid=%s".formatted(campaign, WORKER_GRID)));
        assertThat((List<Boolean>) JsonPath.read(list, "$[?(@.householdId == %d)].visited".formatted(family)))
                .containsExactly(true);
        assertThat((List<Boolean>) JsonPath.read(list, "$[?(@.householdId == %d)].visited".formatted(single)))
                .containsExactly(false);

        String grid = WORKER_GRID.substring(0, 14);
        String village = body(get("village1", "/api/visits/campaigns/%d/coverage".formatted(campaign)));
        assertThat((String) JsonPath.read(village, "$.region.code")).isEqualTo(VILLAGE);
        assertThat((Integer) JsonPath.read(village, "$.region.visited")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(village, "$.children[?(@.code == '%s')].visited".formatted(grid)))
                .containsExactly(1);
        String micro =
                body(get("village1", "/api/visits/campaigns/%d/coverage?region=%s".formatted(campaign, WORKER_GRID)));
        assertThat((List<String>) JsonPath.read(micro, "$.unvisited[*].name"))
                .contains(building + "2单元202")
                .doesNotContain(building + "1单元101");

        var export =
                get("village1", "/api/visits/campaigns/%d/unvisited.xlsx?region=%s".formatted(campaign, WORKER_GRID));
        assertThat(export).hasStatusOk();
        try (var wb = new ReadableWorkbook(
                new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(1)).isEqualTo("住址");
            List<String> addresses = rows.stream().map(r -> r.getCellText(1)).toList();
            assertThat(addresses).contains(building + "2单元202").doesNotContain(building + "1单元101");
        }
        assertThat(body(get("admin", "/api/audit?user=gridworker1"))).contains("HOUSEHOLD_VISITED");
        assertThat(body(get("admin", "/api/audit?user=village1")))
                .contains("VISIT_CAMPAIGN_OPENED", "unvisited households");
    }

    @Test
    void badInputIsRefusedInChineseAndWritesNothing() throws Exception {
        String building = importFamily("gridworker1", WORKER_GRID);
        long campaign = campaign("township1", "141029100");
        long family = household("gridworker1", campaign, WORKER_GRID, building + "1单元101");
        Map<String, Long> members = members("gridworker1", campaign, family);
        long head = members.get("王建国");
        String uri = "/api/visits/campaigns/%d/households/%d".formatted(campaign, family);
        Map<String, String> refusals = Map.of(
                "{\"members\":[{\"personId\":1,\"found\":true}]}",
                "不是本户成员",
                "{\"members\":[{\"personId\":%d,\"found\":true,\"newPhone\":\"1391234\"}]}".formatted(head),
                "手机号应为11位",
                "{\"members\":[{\"personId\":%d,\"found\":true,\"movedOut\":true}]}".formatted(head),
                "已迁出的人员不能同时",
                "{\"members\":[{\"personId\":%d,\"away\":true}],\"movedIn\":[{\"name\":\"李四\",\"sex\":\"男\",\"residentId\":\"141029199001011235\"}]}"
                        .formatted(head),
                "身份证号校验位错误",
                "{\"movedIn\":[{\"name\":\"李四\",\"sex\":\"男\",\"birthDate\":\"1990-01-01\"}]}",
                "没有身份证号时须填写出生日期和手机号",
                "{\"visitedOn\":\"%s\"}".formatted(TODAY.plusDays(1)),
                "晚于今天");
        refusals.forEach((json, message) -> assertThat(post("gridworker1", uri, json))
                .as(message)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains(message));
        assertThat(members("gridworker1", campaign, family)).containsOnlyKeys("王建国", "李秀英", "王小明");
        var view = body(get("gridworker1", uri));
        assertThat((Object) JsonPath.read(view, "$.lastVisit")).isNull();
        assertThat((List<String>) JsonPath.read(view, "$.members[*].residence")).doesNotContain("AWAY");

        // outside the worker's own micro-grid: not found; without the permission: refused
        String other = importFamily("commander", OTHER_GRID);
        long otherHousehold = household("village1", campaign, OTHER_GRID, other + "1单元101");
        assertThat(get(
                        "gridworker1",
                        "/api/visits/campaigns/%d/households?microGrid=%s".formatted(campaign, OTHER_GRID)))
                .hasStatus(404);
        assertThat(post(
                        "gridworker1",
                        "/api/visits/campaigns/%d/households/%d".formatted(campaign, otherHousehold),
                        "{}"))
                .hasStatus(404);
        assertThat(get(
                        "gridworker2",
                        "/api/visits/campaigns/%d/households?microGrid=%s".formatted(campaign, WORKER_GRID)))
                .hasStatus(404);
        assertThat(post(
                        "gridworker1",
                        "/api/visits/campaigns",
                        "{\"region\":\"%s\",\"name\":\"x\",\"startsOn\":\"%s\"}".formatted(WORKER_GRID, TODAY)))
                .hasStatus(403);
        assertThat(post(
                        "village1",
                        "/api/visits/campaigns",
                        "{\"region\":\"141029101\",\"name\":\"x\",\"startsOn\":\"%s\"}".formatted(TODAY)))
                .hasStatus(404);
        assertThat(post(
                        "village1",
                        "/api/visits/campaigns",
                        "{\"region\":\"%s\",\"name\":\"\",\"startsOn\":\"%s\"}".formatted(VILLAGE, TODAY)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("请填写走访名称");
    }

    @Test
    void aClosedCampaignTakesNoVisitsAndAPairJudgedTwoPersonsIsNoLongerOffered() throws Exception {
        String building = importFamily("gridworker1", WORKER_GRID);
        long campaign = campaign("village1", VILLAGE);
        long family = household("gridworker1", campaign, WORKER_GRID, building + "1单元101");
        long head = members("gridworker1", campaign, family).get("王建国");
        String headId = JsonPath.read(body(post("village1", "/api/persons/" + head + "/unmask", "")), "$.residentId");
        var visit = post(
                "gridworker1",
                "/api/visits/campaigns/%d/households/%d".formatted(campaign, family),
                """
                {"movedIn":[{"name":"王建国","sex":"M","birthDate":"%s","phone":"13912345678"}]}"""
                        .formatted(ResidentId.parse(headId, TODAY).birthDate()));
        assertThat(visit).hasStatusOk();
        long namesake =
                ((Number) JsonPath.<List<Number>>read(body(visit), "$.movedIn").getFirst()).longValue();
        String pair = "$[?(@.first.id == %d && @.second.id == %d)].reason".formatted(head, namesake);
        assertThat((List<String>) JsonPath.read(body(get("village1", "/api/persons/duplicates")), pair))
                .containsExactly(DuplicateFinder.SAME_NAME_BIRTH_PHONE);

        // the officer finds two different men: the pair is no longer offered, once only
        String dismiss = "{\"firstId\":%d,\"secondId\":%d,\"note\":\"同名同生日，已入户核实\"}".formatted(namesake, head);
        assertThat(post("gridworker1", "/api/persons/duplicates/dismiss", dismiss))
                .hasStatus(403);
        assertThat(post("village1", "/api/persons/duplicates/dismiss", dismiss)).hasStatusOk();
        assertThat((List<String>) JsonPath.read(body(get("village1", "/api/persons/duplicates")), pair))
                .isEmpty();
        assertThat(post("village1", "/api/persons/duplicates/dismiss", dismiss))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("已标记为不是同一人");
        assertThat(post(
                        "village1",
                        "/api/persons/duplicates/dismiss",
                        "{\"firstId\":%d,\"secondId\":%d}".formatted(head, head + 1_000_000_000L)))
                .hasStatus(404);
        assertThat(body(get("admin", "/api/audit?user=village1"))).contains("PERSON_PAIR_DISMISSED");

        // a campaign opened above the village is closed only above it
        long townshipCampaign = campaign("township1", VILLAGE.substring(0, 9));
        assertThat(post("village1", "/api/visits/campaigns/%d/close".formatted(townshipCampaign), ""))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("visit.close_forbidden");
        assertThat(post("gridworker1", "/api/visits/campaigns/%d/close".formatted(campaign), ""))
                .hasStatus(403);
        assertThat(post("village1", "/api/visits/campaigns/%d/close".formatted(campaign), ""))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.closedBy")
                .isEqualTo("village1");
        assertThat(post("village1", "/api/visits/campaigns/%d/close".formatted(campaign), ""))
                .hasStatus(409);
        assertThat(post(
                        "gridworker1",
                        "/api/visits/campaigns/%d/households/%d".formatted(campaign, family),
                        "{\"note\":\"补登\"}"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("已结束，不能再登记走访");
        var current = get("gridworker1", "/api/visits/campaigns/current?microGrid=" + WORKER_GRID);
        assertThat(current.getResponse().getStatus()).isIn(200, 404);
        if (current.getResponse().getStatus() == 200) {
            assertThat(((Number) JsonPath.read(body(current), "$.id")).longValue())
                    .isNotEqualTo(campaign);
        }
        assertThat(body(get("village1", "/visits/campaigns/" + campaign))).contains("本次走访已于", "由 village1 结束");
        assertThat(post("township1", "/api/visits/campaigns/%d/close".formatted(townshipCampaign), ""))
                .hasStatusOk();
    }

    @Test
    void personsFoundTwiceAreMergedByAnOfficerAndTheMergeUndone() throws Exception {
        String elsewhere = importFamily("commander", OTHER_GRID);
        long campaign = campaign("village1", VILLAGE);
        long otherHousehold = household("village1", campaign, OTHER_GRID, elsewhere + "2单元202");
        long registered = members("village1", campaign, otherHousehold).get("赵丽");
        String registeredId =
                JsonPath.read(body(post("village1", "/api/persons/" + registered + "/unmask", "")), "$.residentId");

        String building = importFamily("gridworker1", WORKER_GRID);
        long family = household("gridworker1", campaign, WORKER_GRID, building + "1单元101");
        long head = members("gridworker1", campaign, family).get("王建国");
        String headId = JsonPath.read(body(post("village1", "/api/persons/" + head + "/unmask", "")), "$.residentId");
        LocalDate headBirth = ResidentId.parse(headId, TODAY).birthDate();
        var visit = post(
                "gridworker1",
                "/api/visits/campaigns/%d/households/%d".formatted(campaign, family),
                """
                {"movedIn":[{"name":"赵丽","sex":"F","residentId":"%s","phone":"13700003333"},
                            {"name":"王建国","sex":"M","birthDate":"%s","phone":"13912345678"}]}"""
                        .formatted(registeredId, headBirth));
        assertThat(visit).hasStatusOk();
        List<Number> movedIn = JsonPath.read(body(visit), "$.movedIn");
        long zhaoHere = movedIn.get(0).longValue();
        long wangNoId = movedIn.get(1).longValue();

        String pairs = body(get("village1", "/api/persons/duplicates"));
        assertThat((List<String>) JsonPath.read(
                        pairs, "$[?(@.first.id == %d && @.second.id == %d)].reason".formatted(registered, zhaoHere)))
                .containsExactly(DuplicateFinder.SAME_ID);
        assertThat((List<String>) JsonPath.read(
                        pairs, "$[?(@.first.id == %d && @.second.id == %d)].reason".formatted(head, wangNoId)))
                .containsExactly(DuplicateFinder.SAME_NAME_BIRTH_PHONE);

        assertThat(post(
                        "gridworker1",
                        "/api/persons/merges",
                        "{\"survivorId\":%d,\"duplicateId\":%d}".formatted(registered, zhaoHere)))
                .hasStatus(403);
        assertThat(post(
                        "village1",
                        "/api/persons/merges",
                        "{\"survivorId\":%d,\"duplicateId\":%d}".formatted(registered, head)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("不是疑似重复人员");

        // the entry found on the visit keeps the person where they live now and takes the ID
        var merged = post(
                "village1", "/api/persons/merges", "{\"survivorId\":%d,\"duplicateId\":%d}".formatted(wangNoId, head));
        assertThat(merged).hasStatusOk();
        long mergeId = ((Number) JsonPath.read(body(merged), "$.id")).longValue();
        assertThat(members("gridworker1", campaign, family)).containsOnlyKeys("李秀英", "王小明", "王建国", "赵丽");
        assertThat(members("gridworker1", campaign, family).get("王建国")).isEqualTo(wangNoId);
        assertThat(body(post("village1", "/api/persons/search", "{\"query\":\"%s\"}".formatted(headId))))
                .contains("\"id\":" + wangNoId)
                .doesNotContain("\"id\":" + head + ",");
        assertThat(body(get("village1", "/api/persons?region=%s&size=500".formatted(WORKER_GRID))))
                .doesNotContain("\"id\":" + head + ",");
        assertThat(body(get("village1", "/api/persons/duplicates"))).doesNotContain("\"id\":" + head + ",");

        var undone = post("village1", "/api/persons/merges/%d/undo".formatted(mergeId), "");
        assertThat(undone).hasStatusOk().bodyJson().extractingPath("$.undoneBy").isEqualTo("village1");
        assertThat(body(post("village1", "/api/persons/search", "{\"query\":\"%s\"}".formatted(headId))))
                .contains("\"id\":" + head + ",")
                .doesNotContain("\"id\":" + wangNoId);
        assertThat(members("gridworker1", campaign, family)).containsOnlyKeys("李秀英", "王小明", "王建国", "赵丽");
        assertThat(body(get("gridworker1", "/api/visits/campaigns/%d/households/%d".formatted(campaign, family))))
                .contains("\"id\":" + head + ",", "\"id\":" + wangNoId + ",");
        assertThat(post("village1", "/api/persons/merges/%d/undo".formatted(mergeId), ""))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("已于此前撤销");

        // the same ID: the registered entry survives, the visit's copy is hidden behind it
        assertThat(post(
                        "village1",
                        "/api/persons/merges",
                        "{\"survivorId\":%d,\"duplicateId\":%d}".formatted(registered, zhaoHere)))
                .hasStatusOk();
        assertThat(members("gridworker1", campaign, family)).doesNotContainKey("赵丽");
        assertThat(body(get("admin", "/api/audit?user=village1")))
                .contains("PERSON_MERGED", "PERSON_MERGE_UNDONE", "merge %d".formatted(mergeId));
    }
}
