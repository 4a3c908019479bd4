package org.pingji.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The notice API: write → approve by a second person → addressed staff read → receipts; the refusals. */
@PingjiTest
class NoticeApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void commanderWritesColeaderApprovesTownshipOfficerReadsAndTheReceiptsShowWhoHasNot() {
        var f = new NoticeFixtures(mvc, jdbc);
        String title = NoticeFixtures.uniqueTitle("关于加强返乡人员管理的通告");
        long id = f.draft(title, "请各乡镇落实报备。", false, false);

        // A draft reaches nobody: township1 cannot read it, and it cannot be approved by its author.
        assertThat(post(mvc, "township1", "/api/notices/" + id + "/read", "")).hasStatus(404);
        var own = post(mvc, "commander", "/api/notices/" + id + "/approve", "");
        assertThat(own).hasStatus(403);
        assertThat(own).bodyJson().extractingPath("$.code").isEqualTo("notice.own_notice");
        // A township officer has no approval right.
        assertThat(post(mvc, "township1", "/api/notices/" + id + "/approve", ""))
                .hasStatus(403);

        var approved = post(mvc, "coleader", "/api/notices/" + id + "/approve", "");
        assertThat(approved).hasStatusOk();
        assertThat(approved).bodyJson().extractingPath("$.state").isEqualTo("PUBLISHED");
        // Approving again: nothing is pending.
        assertThat(post(mvc, "coleader", "/api/notices/" + id + "/approve", "")).hasStatus(409);

        String receipts = body(get(mvc, "commander", "/api/notices/" + id + "/receipts"));
        int targeted = JsonPath.read(receipts, "$.targeted");
        int expected = jdbc.sql(
                        "select count(*) from access.users where role in ('TOWNSHIP_OFFICER','VILLAGE_OFFICER')")
                .query(Integer.class)
                .single();
        assertThat(targeted).isEqualTo(expected).isGreaterThanOrEqualTo(2);
        assertThat((Integer) JsonPath.read(receipts, "$.read")).isZero();
        long township1 = f.userId("township1");
        List<Map<String, Object>> unread = JsonPath.read(receipts, "$.unread");
        assertThat(unread).anySatisfy(u -> {
            assertThat(((Number) u.get("userId")).longValue()).isEqualTo(township1);
            assertThat(u.get("regionCode")).isEqualTo(f.jurisdictionOf("township1"));
        });

        var read = post(mvc, "township1", "/api/notices/" + id + "/read", "");
        assertThat(read).hasStatusOk();
        assertThat(post(mvc, "township1", "/api/notices/" + id + "/read", "")).hasStatusOk();
        String after = body(get(mvc, "commander", "/api/notices/" + id + "/receipts"));
        assertThat((Integer) JsonPath.read(after, "$.read")).isEqualTo(1);
        List<Number> unreadIds = JsonPath.read(after, "$.unread[*].userId");
        assertThat(unreadIds.stream().map(Number::longValue)).doesNotContain(township1);
        // Receipts are for those who manage the notice, not for its readers.
        assertThat(get(mvc, "township1", "/api/notices/" + id + "/receipts")).hasStatus(404);
        // Staff not targeted (a sampler) cannot confirm it.
        assertThat(post(mvc, "sampler1", "/api/notices/" + id + "/read", "")).hasStatus(404);
    }

    @Test
    void aRegionOutsideTheWritersJurisdictionIsRefusedAndBadInputIsTold() {
        var f = new NoticeFixtures(mvc, jdbc);
        String mine = f.jurisdictionOf("township1");
        String other = f.otherTownship(mine);
        var outside = f.write(
                "township1",
                """
                {"kind":"GUIDE","title":"越界","body":"x","regions":["%s"],"roles":["VILLAGE_OFFICER"]}"""
                        .formatted(other));
        assertThat(outside).hasStatus(404);
        var inside = f.write(
                "township1",
                """
                {"kind":"GUIDE","title":"本镇指南","body":"x","regions":["%s"],"roles":["VILLAGE_OFFICER"]}"""
                        .formatted(mine));
        assertThat(inside).hasStatus(201);
        var noAudience = f.write("commander", "{\"kind\":\"LETTER\",\"title\":\"t\",\"body\":\"b\"}");
        assertThat(noAudience).hasStatus(400);
        assertThat(noAudience).bodyJson().extractingPath("$.code").isEqualTo("notice.no_audience");
        var noTitle = f.write("commander", "{\"kind\":\"LETTER\",\"title\":\" \",\"body\":\"b\",\"public\":true}");
        assertThat(noTitle).bodyJson().extractingPath("$.code").isEqualTo("notice.title_missing");
        var badRole = f.write("commander", "{\"kind\":\"LETTER\",\"title\":\"t\",\"body\":\"b\",\"roles\":[\"KING\"]}");
        assertThat(badRole).bodyJson().extractingPath("$.code").isEqualTo("notice.role_unknown");
        // Readers without a writing permission cannot write.
        assertThat(f.write("sampler1", "{\"kind\":\"LETTER\",\"title\":\"t\",\"body\":\"b\",\"public\":true}"))
                .hasStatus(403);
    }

    @Test
    void anUpdateNeedsApprovalEveryVersionIsKeptAndACancelledNoticeIsNoLongerInForce() {
        var f = new NoticeFixtures(mvc, jdbc);
        String title = NoticeFixtures.uniqueTitle("公告");
        long id = f.published(title, "第一版", false, true);
        post(mvc, "township1", "/api/notices/" + id + "/read", "");
        var update = post(
                mvc,
                "commander",
                "/api/notices/" + id + "/versions",
                "{\"title\":\"" + title + "（更新）\",\"body\":\"第二版\"}");
        assertThat(update).hasStatus(201);
        // Until approved the first version stays the text.
        assertThat(body(get(mvc, "township1", "/api/notices/" + id))).contains("第一版");
        assertThat(post(mvc, "commander", "/api/notices/" + id + "/approve", ""))
                .hasStatus(403);
        var approved = post(mvc, "coleader", "/api/notices/" + id + "/approve", "");
        assertThat(approved).bodyJson().extractingPath("$.state").isEqualTo("UPDATED");
        String now = body(get(mvc, "township1", "/api/notices/" + id));
        assertThat(now).contains("第二版").contains("\"readAt\":null");
        List<String> bodies =
                JsonPath.read(body(get(mvc, "commander", "/api/notices/" + id + "/versions")), "$[*].body");
        assertThat(bodies).containsExactly("第一版", "第二版");

        var cancelled = post(mvc, "coleader", "/api/notices/" + id + "/cancel", "{\"text\":\"内容有误\"}");
        assertThat(cancelled).bodyJson().extractingPath("$.state").isEqualTo("CANCELLED");
        assertThat(post(mvc, "commander", "/api/notices/" + id + "/all-clear", ""))
                .hasStatus(409);
        assertThat(post(mvc, "commander", "/api/notices/" + id + "/versions", "{\"title\":\"t\",\"body\":\"b\"}"))
                .hasStatus(409);
        assertThat(jdbc.sql("select count(*) from notice.versions where notice_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }
}
