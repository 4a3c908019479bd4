package org.pingji.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Notices written and approved through the API as the demo users do it. */
final class NoticeFixtures {

    static final String COUNTY = "141029";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final MockMvcTester mvc;
    private final JdbcClient jdbc;

    NoticeFixtures(MockMvcTester mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    static String uniqueTitle(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    String jurisdictionOf(String username) {
        return jdbc.sql("select jurisdiction_code from access.users where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    long userId(String username) {
        return jdbc.sql("select id from access.users where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    String otherTownship(String township) {
        return jdbc.sql("select code from grid.regions where level = 'TOWNSHIP' and code <> ? order by code limit 1")
                .param(township)
                .query(String.class)
                .single();
    }

    MvcTestResult write(String user, String json) {
        return post(mvc, user, "/api/notices", json);
    }

    /** A draft by commander to the township and village officers of the county; returns its id. */
    long draft(String title, String body, boolean emergency, boolean isPublic) {
        MvcTestResult r = write(
                "commander",
                """
                {"kind":"NOTICE","title":"%s","body":"%s","regions":["%s"],
                 "roles":["TOWNSHIP_OFFICER","VILLAGE_OFFICER"],"public":%s,"emergency":%s}"""
                        .formatted(title, body, COUNTY, isPublic, emergency));
        assertThat(r).hasStatus(201);
        assertThat(r).bodyJson().extractingPath("$.state").isEqualTo("DRAFT");
        return ((Number) com.jayway.jsonpath.JsonPath.read(body(r), "$.id")).longValue();
    }

    /** A notice written by commander and approved by coleader. */
    long published(String title, String body, boolean emergency, boolean isPublic) {
        long id = draft(title, body, emergency, isPublic);
        assertThat(post(mvc, "coleader", "/api/notices/" + id + "/approve", "")).hasStatusOk();
        return id;
    }
}
