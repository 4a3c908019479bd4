package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The platform as a client of Debian's Mosquitto ({@code PINGJI_MQTT_URL}; CI installs the
 * {@code mosquitto} package, the test is skipped where {@code /usr/sbin/mosquitto} is missing):
 * readings published QoS 1 while the broker is stopped and started again mid-stream (persistence
 * on) are all stored, none twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MosquittoBrokerTests {

    static final Mosquitto BROKER = new Mosquitto(20);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
        if (Mosquitto.installed()) {
            BROKER.start();
        }
        registry.add("pingji.mqtt.url", BROKER::url);
        registry.add("pingji.mqtt.client-id", () -> "pingji-mosquitto-test");
    }

    @AfterAll
    static void end() throws InterruptedException {
        BROKER.stop();
    }

    static Mqtt3BlockingClient publisher() {
        Mqtt3BlockingClient c = MqttClient.builder()
                .useMqttVersion3()
                .identifier("pub-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(BROKER.port())
                .buildBlocking();
        c.connect();
        return c;
    }

    @Test
    void aBrokerRestartMidStreamLosesNoReadingAndStoresNoneTwice() throws Exception {
        assumeTrue(Mosquitto.installed(), "Debian mosquitto is not installed");
        var fixtures = new SensorFixtures(mvc);
        String code = SensorFixtures.uniqueCode("MOSQ");
        fixtures.register(code, "CO", 3600);
        int n = 600;
        Instant base = Instant.now().minusSeconds(n + 60).truncatedTo(ChronoUnit.SECONDS);
        var pub = publisher();
        int resent = 0;
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                BROKER.stop();
                BROKER.start();
            }
            String payload = "{\"value\": %d, \"at\": \"%s\"}".formatted(i % 20, base.plusSeconds(i));
            while (true) {
                try {
                    if (!pub.getState().isConnected()) {
                        pub = publisher();
                    }
                    pub.publishWith()
                            .topic("pingji/sensors/" + code)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payload(payload.getBytes(StandardCharsets.UTF_8))
                            .send();
                    break;
                } catch (RuntimeException brokerGone) {
                    // not acknowledged by the broker: send it again (at least once)
                    resent++;
                    Thread.sleep(200);
                    try {
                        pub.disconnect();
                    } catch (RuntimeException ignored) {
                        // already gone
                    }
                    pub = publisher();
                }
            }
        }
        pub.disconnect();
        String readings = SensorFixtures.await(
                Duration.ofSeconds(60),
                () -> body(get(
                        mvc,
                        "duty1",
                        "/api/warning/sensors/" + code + "/readings?from=2000-01-01T00:00:00Z&limit=5000")),
                b -> JsonPath.<List<Object>>read(b, "$").size() >= n);
        List<String> ats = JsonPath.read(readings, "$[*].at");
        assertThat(ats)
                .as("readings stored (%d publishes resent)", resent)
                .hasSize(n)
                .doesNotHaveDuplicates();
        assertThat(ats.getFirst()).isEqualTo(base.toString());
        assertThat(jdbc.sql("select count(*) from warning.readings where sensor_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(n);
    }
}
