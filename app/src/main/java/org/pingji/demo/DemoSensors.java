package org.pingji.demo;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.command.CommandManagement;
import org.pingji.platform.DutyRoster;
import org.pingji.warning.WarningManagement;
import org.pingji.warning.WarningManagement.SensorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's sensors: a rolling duty roster of the county (duty1 on duty, the commander leading,
 * day shifts from 08:00 county time a week ahead), coal-mine methane and CO sensors, gas-station
 * combustible-gas sensors and a park people counter in demo townships, and a publisher that sends
 * their readings over MQTT every poll cycle (one mine's methane rises above 1.0 % for a minute
 * every quarter hour, so there is an alarm to answer). Off with {@code pingji.demo.sensor-publisher=false}.
 */
@Component
class DemoSensors {

    private static final Logger log = LoggerFactory.getLogger(DemoSensors.class);
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Caller ADMIN = new Caller(1, "admin", "系统管理员", Role.ADMIN, "141029", "/141029/");

    static final List<SensorSpec> SENSORS = List.of(
            new SensorSpec("CM-CHANGNING-CH4-01", "METHANE", "141029100", "昌宁煤矿 3101综采工作面", null, 10, null, null),
            new SensorSpec("CM-CHANGNING-CO-01", "CO", "141029100", "昌宁煤矿 3101综采工作面", null, 10, null, null),
            new SensorSpec("CM-GUANGHUA-CH4-01", "METHANE", "141029101", "光华煤矿 2号回风巷", null, 10, null, null),
            new SensorSpec("GS-TAITOU-LEL-01", "GAS_LEL", "141029102", "台头加油站 卸油区", null, 10, null, null),
            new SensorSpec("PK-CHANGNING-PEOPLE-01", "PEOPLE_COUNT", "141029100", "昌宁人民公园", 1200, 10, null, null));

    private final WarningManagement warning;
    private final CommandManagement command;
    private final DutyRoster roster;
    private final Environment environment;
    private final Clock clock;
    private final boolean publish;
    private final Random random = new Random(20221207);
    private ScheduledExecutorService timer;
    private Mqtt3AsyncClient client;

    DemoSensors(
            WarningManagement warning,
            CommandManagement command,
            DutyRoster roster,
            Environment environment,
            Clock clock,
            @Value("${pingji.demo.sensor-publisher:true}") boolean publish) {
        this.warning = warning;
        this.command = command;
        this.roster = roster;
        this.environment = environment;
        this.clock = clock;
        this.publish = publish;
    }

    /** Registers the sensors (once), keeps the roster a week ahead and starts the publisher. */
    void start() {
        if (warning.sensorCount(ADMIN) == 0) {
            SENSORS.forEach(s -> warning.registerSensor(ADMIN, s));
        }
        LocalDate today = LocalDate.now(clock.withZone(COUNTY));
        for (int d = -1; d < 7; d++) {
            Instant start = today.plusDays(d).atTime(8, 0).atZone(COUNTY).toInstant();
            if (roster.onDuty("/141029/", start.plusSeconds(60))
                    .filter(s -> s.unitCode().equals("141029"))
                    .isEmpty()) {
                command.addShift(
                        ADMIN, "141029", start, start.plus(Duration.ofDays(1)), "duty1", "commander", "0357-6822110");
            }
        }
        if (publish) {
            startPublisher();
        }
    }

    private void startPublisher() {
        String url = environment.getProperty("pingji.mqtt.url", "");
        String host = "127.0.0.1";
        int port = Integer.parseInt(
                environment.getProperty("pingji.mqtt.bound-port", environment.getProperty("pingji.mqtt.port", "1883")));
        if (!url.isBlank()) {
            URI uri = URI.create(url);
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : 1883;
        }
        client = MqttClient.builder()
                .useMqttVersion3()
                .identifier("pingji-demo-sensors")
                .serverHost(host)
                .serverPort(port)
                .automaticReconnectWithDefaultConfig()
                .buildAsync();
        client.connectWith().cleanSession(true).send();
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("demo-sensors").daemon(true).factory());
        timer.scheduleAtFixedRate(this::publishAll, 2, 10, TimeUnit.SECONDS);
        log.info("Demo sensors publishing to {}:{} every 10 s", host, port);
    }

    private void publishAll() {
        try {
            Instant now = Instant.now(clock);
            long minuteOfQuarter = (now.getEpochSecond() / 60) % 15;
            for (SensorSpec s : SENSORS) {
                double value =
                        switch (s.kind()) {
                            case "METHANE" ->
                                s.code().equals("CM-CHANGNING-CH4-01") && minuteOfQuarter == 0
                                        ? 1.1 + random.nextDouble() * 0.2
                                        : 0.2 + random.nextDouble() * 0.4;
                            case "CO" -> 3 + random.nextInt(8);
                            case "GAS_LEL" -> random.nextInt(6);
                            case "PEOPLE_COUNT" -> occupancy(now);
                            default -> 0;
                        };
                String payload = "{\"value\": %s, \"at\": \"%s\"}"
                        .formatted(
                                Math.round(value * 100) / 100.0,
                                now.atZone(COUNTY).toOffsetDateTime());
                client.publishWith()
                        .topic("pingji/sensors/" + s.code())
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8))
                        .send();
            }
        } catch (RuntimeException e) {
            log.debug("Demo sensors: {}", e.toString());
        }
    }

    /** Visitors of the park: a curve over the day peaking in the afternoon (above 80 % of 1,200). */
    private double occupancy(Instant now) {
        int hour = now.atZone(COUNTY).getHour();
        double curve = Math.max(0, Math.sin((hour - 6) / 16.0 * Math.PI));
        return Math.round(1_050 * curve + random.nextInt(60));
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (client != null) {
            client.disconnect();
        }
    }
}
