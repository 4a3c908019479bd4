package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;
import static org.pingji.warning.SensorFixtures.await;
import static org.pingji.warning.SensorFixtures.publish;
import static org.pingji.warning.SensorFixtures.publisher;
import static org.pingji.warning.SensorFixtures.uniqueCode;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Sensors over MQTT through the embedded broker (HiveMQ client publishing QoS 1): methane 1.2 %
 * raises an OPEN ALARM assigned to the duty officer on shift, 1.6 % raises it to POWER_CUT, 0.9 %
 * clears it; a silent sensor raises STALE; a duplicate delivery stores one reading; bad payloads
 * and unknown sensors are counted.
 */
@PingjiTest
class SensorMqttTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MqttBroker broker;

    SensorFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SensorFixtures(mvc);
        fixtures.dutyShiftNow();
    }

    @Test
    void methaneOverTheThresholdRaisesAnAlarmForTheDutyOfficerAndBelowOnePercentClearsIt() {
        String code = uniqueCode("CH4");
        fixtures.register(code, "METHANE", 30);
        var pub = publisher(broker.port());
        try {
            publish(pub, code, "{\"value\": 1.2}");
            var open = await(Duration.ofSeconds(10), () -> fixtures.alarms("OPEN", code), l -> !l.isEmpty());
            assertThat(open).hasSize(1);
            Map<String, Object> alarm = open.getFirst();
            assertThat(alarm)
                    .containsEntry("kind", "METHANE")
                    .containsEntry("level", "ALARM")
                    .containsEntry("value", 1.2)
                    .containsEntry("assignee", "duty1")
                    .containsEntry("state", "OPEN");
            assertThat(alarm.get("raisedAt")).isNotNull();

            publish(pub, code, "{\"value\": 1.6}");
            var cut = await(
                    Duration.ofSeconds(10),
                    () -> fixtures.alarms("OPEN", code),
                    l -> !l.isEmpty() && "POWER_CUT".equals(l.getFirst().get("level")));
            assertThat(cut.getFirst()).containsEntry("level", "POWER_CUT").containsEntry("id", alarm.get("id"));

            // Hysteresis: 1.0 % is not below 1.0 %, the alarm stays.
            publish(pub, code, "{\"value\": 1.0}");
            publish(pub, code, "{\"value\": 0.9}");
            var cleared = await(Duration.ofSeconds(10), () -> fixtures.alarms("OPEN", code), List::isEmpty);
            assertThat(cleared).isEmpty();
            assertThat(fixtures.alarms("CLEARED", code)).hasSize(1);

            var record = get(mvc, "duty1", "/api/warning/alarms/" + alarm.get("id"));
            List<String> events = JsonPath.read(body(record), "$.events[*].event");
            assertThat(events).containsExactly("RAISED", "LEVEL_UP", "CLEARED");
            var readings = get(mvc, "duty1", "/api/warning/sensors/" + code + "/readings");
            List<Double> values = JsonPath.read(body(readings), "$[*].value");
            assertThat(values).containsExactly(1.2, 1.6, 1.0, 0.9);
        } finally {
            pub.disconnect();
        }
    }

    @Test
    void aSilentSensorRaisesAStaleAlarmAndItsNextReadingEndsIt() {
        String code = uniqueCode("CO");
        fixtures.register(code, "CO", 1);
        var pub = publisher(broker.port());
        try {
            publish(pub, code, "{\"value\": 3}");
            var stale = await(Duration.ofSeconds(15), () -> fixtures.alarms("OPEN", code), l -> !l.isEmpty());
            assertThat(stale).hasSize(1);
            assertThat(stale.getFirst())
                    .containsEntry("level", "STALE")
                    .containsEntry("kind", "CO")
                    .containsEntry("assignee", "duty1");
            publish(pub, code, "{\"value\": 4}");
            assertThat(await(Duration.ofSeconds(10), () -> fixtures.alarms("CLEARED", code), l -> !l.isEmpty()))
                    .hasSize(1);
        } finally {
            pub.disconnect();
        }
    }

    @Test
    void aDuplicateDeliveryStoresOneReadingAndBadPayloadsAreCounted() {
        String code = uniqueCode("CH4");
        fixtures.register(code, "METHANE", 30);
        var pub = publisher(broker.port());
        try {
            String at = java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .withNano(0)
                    .toString();
            String payload = "{\"value\": 0.31, \"at\": \"" + at + "\"}";
            publish(pub, code, payload);
            publish(pub, code, payload);
            publish(pub, code, "not json at all");
            publish(pub, code, "{\"value\": \"high\"}");
            publish(pub, "NO-SUCH-SENSOR-" + code, "{\"value\": 1}");
            publish(pub, code, "{\"value\": 150}");
            var problems = await(
                    Duration.ofSeconds(10),
                    () -> body(get(mvc, "duty1", "/api/warning/intake-problems")),
                    b -> b.contains("NO-SUCH-SENSOR-" + code) && b.contains("NOT_JSON") && b.contains("NO_VALUE"));
            List<Map<String, Object>> rows = JsonPath.read(problems, "$");
            assertThat(rows.stream()
                            .filter(r -> code.equals(r.get("sensor_code")))
                            .map(r -> r.get("problem"))
                            .toList())
                    .containsExactlyInAnyOrder("NOT_JSON", "NO_VALUE");
            assertThat(rows.stream()
                            .filter(r -> ("NO-SUCH-SENSOR-" + code).equals(r.get("sensor_code")))
                            .map(r -> r.get("problem")))
                    .containsExactly("UNKNOWN_SENSOR");
            // 150 % methane is impossible: a FAULT, not an alarm; the duplicate is stored once.
            var faults = await(Duration.ofSeconds(10), () -> fixtures.alarms("OPEN", code), l -> !l.isEmpty());
            assertThat(faults).extracting(a -> a.get("level")).containsExactly("FAULT");
            var readings = await(
                    Duration.ofSeconds(10),
                    () -> body(
                            get(mvc, "duty1", "/api/warning/sensors/" + code + "/readings?from=2000-01-01T00:00:00Z")),
                    b -> b.contains("150"));
            List<Double> values = JsonPath.read(readings, "$[*].value");
            assertThat(values).containsExactlyInAnyOrder(0.31, 150.0);
        } finally {
            pub.disconnect();
        }
    }

    @Test
    void aReadingPostedOverHttpIsStoredAndAFutureOneIsFlaggedNotAlarmed() {
        String code = uniqueCode("CH4");
        fixtures.register(code, "METHANE", 30);
        var r = post(mvc, "duty1", "/api/warning/readings", "{\"sensorCode\":\"" + code + "\",\"value\":0.2}");
        assertThat(r).hasStatusOk();
        assertThat(body(r)).contains("\"outcome\":\"STORED\"");
        var future = post(
                mvc,
                "duty1",
                "/api/warning/readings",
                "{\"sensorCode\":\"" + code + "\",\"value\":2.0,\"at\":\"2099-01-01T08:00:00+08:00\"}");
        assertThat(body(future)).contains("\"outcome\":\"FLAGGED\"");
        assertThat(fixtures.alarms("OPEN", code)).isEmpty();
        var epi = post(mvc, "epi1", "/api/warning/readings", "{\"sensorCode\":\"" + code + "\",\"value\":0.2}");
        assertThat(epi).hasStatus(403);
    }
}
