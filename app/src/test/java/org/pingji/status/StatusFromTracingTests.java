package org.pingji.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.person.PersonDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Cases, contacts and placements from the tracing and quarantine modules change status at once. */
@PingjiTest
class StatusFromTracingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    HealthStatus status;

    @Autowired
    PersonDirectory persons;

    @Test
    void aCaseIsRedItsCloseContactIsRedWithQuarantineAndTheReasonsSayWhy() throws Exception {
        long patient = persons.firstIn("1410291000020102").orElseThrow().id();
        long contact = persons.firstIn("1410291000020103").orElseThrow().id();
        Instant now = Instant.now();
        var created = mvc.post()
                .uri("/api/tracing/cases")
                .header(HttpHeaders.AUTHORIZATION, basic("epi1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":%d,\"confirmedAt\":\"%s\",\"classification\":\"CONFIRMED\",\"onsetAt\":\"%s\"}"
                        .formatted(patient, now.minusSeconds(600), now.minus(Duration.ofDays(1))))
                .exchange();
        assertThat(created).hasStatus2xxSuccessful();
        int caseId = JsonPath.read(body(created), "$.id");
        assertThat(mvc.post()
                        .uri("/api/tracing/cases/" + caseId + "/contacts")
                        .header(HttpHeaders.AUTHORIZATION, basic("epi1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":%d,\"kind\":\"CLOSE\",\"exposedAt\":\"%s\",\"setting\":\"同住\"}"
                                .formatted(contact, now.minus(Duration.ofHours(20)))))
                .hasStatus2xxSuccessful();
        await(patient, ReasonCode.POSITIVE);
        await(contact, ReasonCode.CLOSE_CONTACT);
        await(contact, ReasonCode.CENTRAL_QUARANTINE);
        StatusView view = status.statusOf(contact, Instant.now());
        assertThat(view.status()).isEqualTo(HealthColor.RED);
        assertThat(view.reasons())
                .anySatisfy(r -> assertThat(r.source()).contains("流调病例 #" + caseId))
                .anySatisfy(r -> assertThat(r.source()).contains("隔离安置 #"));
        assertThat(status.statusOf(patient, Instant.now()).status()).isEqualTo(HealthColor.RED);
    }

    void await(long personId, ReasonCode code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && status.statusOf(personId, Instant.now()).reasons().stream().noneMatch(r -> r.code() == code)) {
            Thread.sleep(100);
        }
        assertThat(status.statusOf(personId, Instant.now()).reasons())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo(code));
    }
}
