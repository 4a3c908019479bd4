package org.pingji.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pingji.PingjiTest;
import org.pingji.warning.Mosquitto;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same intake benchmark with the platform as a client of Debian's Mosquitto
 * ({@code pingji.mqtt.url}), restarted by SIGTERM and start in the middle. Run:
 * {@code bench/sensor-benchmark.sh … mosquitto}.
 */
@PingjiTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class SensorIntakeMosquittoBenchmark extends SensorIntakeBenchmark {

    static final Mosquitto BROKER = new Mosquitto(Integer.getInteger("bench.inflight", 100));

    @DynamicPropertySource
    static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
        assumeTrue(Mosquitto.installed(), "Debian mosquitto is not installed");
        BROKER.start();
        registry.add("pingji.mqtt.url", BROKER::url);
        registry.add("pingji.mqtt.client-id", () -> "pingji-bench-mosquitto");
    }

    @AfterAll
    static void end() throws InterruptedException {
        BROKER.stop();
    }

    @Override
    int mqttPort() {
        return BROKER.port();
    }

    @Override
    void restartBroker() throws Exception {
        BROKER.stop();
        BROKER.start();
    }

    @Override
    String brokerName() {
        return "Debian mosquitto, max_inflight_messages " + Integer.getInteger("bench.inflight", 100);
    }
}
