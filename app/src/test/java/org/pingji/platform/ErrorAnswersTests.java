package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.pingji.person.PersonDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Error answers of the API as a client reads them: a missing permission is 403 naming the action,
 * outside the jurisdiction or nonexistent is 404, bad input 400; every body has a stable
 * {@code code} and a Chinese {@code message}.
 */
@PingjiTest
class ErrorAnswersTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PersonDirectory persons;

    MvcTestResult get(String user, String uri) {
        return TestHttp.get(mvc, user, uri);
    }

    MvcTestResult post(String user, String uri, String json) {
        return TestHttp.post(mvc, user, uri, json);
    }

    static String arrival(long personId) {
        Instant now = Instant.now();
        return """
                {"personId":%d,"origin":"山西省太原市","departedAt":"%s","arrivedAt":"%s","transport":"自驾"}"""
                .formatted(personId, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    }

    /** A person of township 141029101, which is outside township1's and village1's jurisdiction. */
    long outsider() {
        Number id = JsonPath.read(body(get("commander", "/api/persons?region=141029101&size=1")), "$.content[0].id");
        return id.longValue();
    }

    static String code(MvcTestResult result) {
        return JsonPath.read(body(result), "$.code");
    }

    static String message(MvcTestResult result) {
        return JsonPath.read(body(result), "$.message");
    }

    @Test
    void theCommanderRecordingAnArrivalIsRefusedForTheMissingPermissionNotToldThePersonIsMissing() {
        long person = persons.firstIn("1410291000010101").orElseThrow().id();
        assertThat(get("commander", "/api/persons/" + person)).hasStatusOk();

        var refused = post("commander", "/api/arrivals", arrival(person));

        assertThat(refused).hasStatus(403);
        assertThat(code(refused)).isEqualTo("arrival_record.forbidden");
        assertThat(message(refused)).isEqualTo("无权执行：登记来返人员");
        assertThat(body(refused)).doesNotContain("ARRIVAL_RECORD\"", "No person", "jurisdiction");
        // The same request for a person who does not exist is refused alike: the permission comes first.
        var unknown = post("commander", "/api/arrivals", arrival(999_999_999L));
        assertThat(unknown).hasStatus(403);
        assertThat(code(unknown)).isEqualTo("arrival_record.forbidden");
    }

    @Test
    void aVillageOfficerRecordingAnArrivalOutsideTheirVillageIsToldNotFound() {
        long outsider = outsider();
        var refused = post("village1", "/api/arrivals", arrival(outsider));
        assertThat(refused).hasStatus(404);
        assertThat(code(refused)).isEqualTo("person.not_found");
        assertThat(message(refused)).isEqualTo("您的辖区内没有编号为 %d 的人员".formatted(outsider));
    }

    @Test
    void aTownshipOfficerAskingForAPersonOfAnotherTownshipGetsNotFoundLikeAMissingOne() {
        long outsider = outsider();
        var outside = get("township1", "/api/persons/" + outsider);
        var missing = get("township1", "/api/persons/999999999");

        assertThat(outside).hasStatus(404);
        assertThat(missing).hasStatus(404);
        assertThat(code(outside)).isEqualTo("person.not_found").isEqualTo(code(missing));
        assertThat(message(outside)).isEqualTo("您的辖区内没有编号为 %d 的人员".formatted(outsider));
        assertThat(body(outside)).doesNotContain("residentIdMasked");
    }

    @Test
    void aRegionOutsideTheJurisdictionIsNotFoundAndARegionReadWithoutThePermissionIsForbidden() {
        var outside = get("township1", "/api/regions/141029101");
        assertThat(outside).hasStatus(404);
        assertThat(code(outside)).isEqualTo("jurisdiction.not_found");
        assertThat(message(outside)).isEqualTo("区域 141029101 不存在或不在您的辖区内");

        var forbidden = get("resident1", "/api/regions/1410291000010101");
        assertThat(forbidden).hasStatus(403);
        assertThat(code(forbidden)).isEqualTo("region_read.forbidden");
        assertThat(message(forbidden)).isEqualTo("无权执行：查看区域与统计");
    }

    @Test
    void badInputIs400WithACodeNamingTheField() {
        var unknownKind = get("commander", "/api/places?region=141029&kind=PALACE");
        assertThat(unknownKind).hasStatus(400);
        assertThat(code(unknownKind)).isEqualTo("request.invalid");
        assertThat(message(unknownKind)).contains("kind", "PALACE", "不是有效的值");

        var notJson = post("village1", "/api/arrivals", "{not json");
        assertThat(notJson).hasStatus(400);
        assertThat(code(notJson)).isEqualTo("request.unreadable");
        assertThat(message(notJson)).matches(".*\\p{IsHan}.*");

        var blank = post("village1", "/api/arrivals", "{\"personId\":1,\"origin\":\"\",\"transport\":\"自驾\"}");
        assertThat(blank).hasStatus(400);
        assertThat(code(blank)).isEqualTo("request.invalid");
        assertThat(message(blank)).contains("origin").matches(".*\\p{IsHan}.*");
    }

    @ParameterizedTest(name = "{0} GET {1}")
    @CsvSource({
        "commander,/api/persons/999999999",
        "epi1,/api/tracing/cases/999999999",
        "commander,/api/risk/notices/999999999",
        "commander,/api/policy/editions/NO-SUCH-EDITION",
        "commander,/api/arrivals/999999999",
        "commander,/api/command/directives/999999999",
        "commander,/api/quarantine/sites/999999999/rooms",
        "commander,/api/regions/999999",
        "commander,/api/checkpoints/999999999",
        "commander,/api/status/999999999",
        "commander,/api/testing/rounds/999999999",
        "commander,/api/tracing/companion-runs/999999999",
        "commander,/api/audit",
        "resident1,/api/persons?region=141029",
        "township1,/api/regions/141029",
        "commander,/api/no/such/endpoint",
        "commander,/api/persons/not-a-number"
    })
    void everyModulesErrorAnswerHasACodeAndAChineseMessage(String user, String uri) {
        var result = get(user, uri);
        assertThat(result.getResponse().getStatus()).isBetween(400, 499);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(code(result)).matches("[a-z_]+(\\.[a-z_]+)+");
        assertThat(message(result)).matches("(?s).*\\p{IsHan}.*").doesNotContain("Exception");
    }
}
