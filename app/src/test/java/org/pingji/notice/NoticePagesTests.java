package org.pingji.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.page;
import static org.pingji.TestHttp.post;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The notices pages as township1, the commander and the public see them; the escalation job. */
@PingjiTest
class NoticePagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeEscalation escalation;

    @Test
    void theTownshipOfficerSeesThePublishedNoticeWithItsBadgeAndTheCommanderSeesTheReceipts() {
        var f = new NoticeFixtures(mvc, jdbc);
        String title = NoticeFixtures.uniqueTitle("致全县群众的一封信");
        long draft = f.draft(title + "草稿", "未审核", false, false);
        long id = f.published(title, "请做好防护。", false, false);
        String list = page(mvc, "township1", "/notices");
        assertThat(list)
                .contains(title)
                .doesNotContain(title + "草稿")
                .contains("id=\"notice-badge\"")
                .contains("data-notice-stream=\"/notices/stream\"")
                .contains("/notices/" + id + "/read");
        assertThat(page(mvc, "township1", "/risk")).contains("class=\"notice-badge unread\"");
        assertThat(post(mvc, "township1", "/api/notices/" + id + "/read", "")).hasStatusOk();
        assertThat(page(mvc, "township1", "/notices/" + id)).contains("已读 ").contains("请做好防护。");
        String sender = page(mvc, "commander", "/notices/" + id);
        assertThat(sender).contains("阅读回执").contains("id=\"receipt-rows\"").contains("data-user=\"township1\"");
        assertThat(page(mvc, "coleader", "/notices/" + draft)).contains("id=\"approve\"");
        assertThat(page(mvc, "commander", "/notices/" + draft)).doesNotContain("id=\"approve\"");
        assertThat(page(mvc, "commander", "/notices/new?kind=LETTER")).contains("致全县广大群众的一封信");
        assertThat(page(mvc, "commander", "/command")).contains("href=\"/notices\"");
    }

    @Test
    void thePublicPageEscapesHtmlAndACancelledNoticeIsShownAsCancelled() {
        var f = new NoticeFixtures(mvc, jdbc);
        String title = NoticeFixtures.uniqueTitle("公告");
        long draft = f.draft(title, "草稿", false, true);
        assertThat(mvc.get().uri("/p/notices/" + draft)).hasStatus(404);
        long id = f.published(title, "<script>alert(1)</script><b>粗</b>", false, true);
        var open = mvc.get().uri("/p/notices/" + id).exchange();
        assertThat(open).hasStatusOk();
        String html = body(open);
        assertThat(html)
                .contains(title)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;")
                .doesNotContain("<script>alert")
                .contains("/p/notices/" + id + "/qr.svg");
        assertThat(body(mvc.get().uri("/p/notices/" + id + "/qr.svg").exchange()))
                .contains("<svg");
        String atom = body(mvc.get().uri("/p/notices.atom").exchange());
        assertThat(atom)
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("<title>" + title + "</title>");
        assertThat(atom).contains("&lt;script&gt;").doesNotContain("<script>");

        assertThat(post(mvc, "coleader", "/api/notices/" + id + "/cancel", "{\"text\":\"有误\"}"))
                .hasStatusOk();
        assertThat(body(mvc.get().uri("/p/notices/" + id).exchange())).contains("本通知已撤销");
        assertThat(body(mvc.get().uri("/p/notices.atom").exchange())).contains("【已撤销】" + title);
        assertThat(page(mvc, "township1", "/notices")).doesNotContain("/notices/" + id + "/read");
    }

    @Test
    void anEmergencyNoticeUnreadAfterThirtyMinutesGoesToTheReadersLeader() {
        var f = new NoticeFixtures(mvc, jdbc);
        String title = NoticeFixtures.uniqueTitle("紧急通知");
        long id = f.published(title, "立即落实。", true, false);
        long township1 = f.userId("township1");
        long village1 = f.userId("village1");
        post(mvc, "village1", "/api/notices/" + id + "/read", "");
        jdbc.sql("update notice.recipients set notified_at = notified_at - interval '31 minutes' where notice_id = ?")
                .param(id)
                .update();
        assertThat(escalation.escalateOverdue()).isPositive();
        String leader = jdbc.sql("select escalated_to from notice.recipients where notice_id = ? and user_id = ?")
                .params(id, township1)
                .query(String.class)
                .single();
        assertThat(leader).isNotBlank().isNotEqualTo("township1");
        assertThat(jdbc.sql("select role from access.users where username = ?")
                        .param(leader)
                        .query(String.class)
                        .single())
                .isEqualTo("COUNTY_COMMANDER");
        // Who read it is not escalated; escalating again does nothing.
        assertThat(jdbc.sql("select escalated_to from notice.recipients where notice_id = ? and user_id = ?")
                        .params(id, village1)
                        .query(String.class)
                        .optional())
                .isEmpty();
        String leaderPage = page(mvc, leader, "/notices");
        assertThat(leaderPage).contains("紧急通知未读提醒").contains(title).contains("township1");
        assertThat(page(mvc, "commander", "/notices/" + id)).contains("已提醒 " + leader);
    }
}
