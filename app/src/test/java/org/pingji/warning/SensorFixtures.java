package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.post;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What the sensor tests share: registering sensors, a duty shift, publishing over MQTT, waiting. */
final class SensorFixtures {

    private final MockMvcTester mvc;

    SensorFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** A shift of the county with duty1 on duty and the commander leading, from an hour ago. */
    void dutyShiftNow() {
        Instant now = Instant.now();
        var r = post(
                mvc,
                "duty1",
                "/api/command/duty/shifts",
                """
                {"unitCode":"141029","startsAt":"%s","endsAt":"%s","officer":"duty1","leader":"commander","phone":"0357-1234567"}"""
                        .formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(23))));
        assertThat(r).hasStatus(201);
    }

    void register(String code, String kind, int pollSeconds) {
        var r = post(
                mvc,
                "duty1",
                "/api/warning/sensors",
                """
                {"code":"%s","kind":"%s","regionCode":"141029","site":"测试煤矿 %s 工作面","pollSeconds":%d}"""
                        .formatted(code, kind, code, pollSeconds));
        assertThat(r).hasStatus(201);
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Mqtt3BlockingClient publisher(int port) {
        Mqtt3BlockingClient c = MqttClient.builder()
                .useMqttVersion3()
                .identifier("test-pub-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(port)
                .buildBlocking();
        c.connect();
        return c;
    }

    static void publish(Mqtt3BlockingClient c, String code, String payload) {
        c.publishWith()
                .topic("pingji/sensors/" + code)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    /** Alarms of a sensor as duty1 sees them through {@code GET /api/warning/alarms?state=...}. */
    List<Map<String, Object>> alarms(String state, String sensorCode) {
        var r = org.pingji.TestHttp.get(mvc, "duty1", "/api/warning/alarms?state=" + state);
        assertThat(r).hasStatusOk();
        List<Map<String, Object>> all = JsonPath.read(body(r), "$");
        return all.stream().filter(a -> sensorCode.equals(a.get("sensorCode"))).toList();
    }

    static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant end = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last) && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = probe.get();
        }
        return last;
    }
}
