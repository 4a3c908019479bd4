package org.pingji.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.post;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The alarm console in a real Chromium at desktop and phone size: duty1 (on shift) has
 * {@code /warning/alarms} open, a methane reading of 1.4 % is published over MQTT, the alarm
 * appears without reloading the page (server-sent events), duty1 acknowledges it and writes what
 * was done.
 */
@PingjiTest
class AlarmConsoleJourneyTests extends BrowserJourney {

    @Autowired
    Environment environment;

    @ParameterizedTest
    @CsvSource({"1400, 900", "390, 844"})
    void theDutyOfficerSeesAMethaneAlarmArriveWithoutReloadAndAcknowledgesIt(int width, int height) {
        Instant now = Instant.now();
        assertThat(post(
                        mvc,
                        "duty1",
                        "/api/command/duty/shifts",
                        "{\"unitCode\":\"141029\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"officer\":\"duty1\",\"leader\":\"commander\"}"
                                .formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(20)))))
                .hasStatus(201);
        String code = "JOURNEY-CH4-" + UUID.randomUUID().toString().substring(0, 6);
        String site = "旅程煤矿 " + width + " 综采工作面";
        assertThat(post(
                        mvc,
                        "duty1",
                        "/api/warning/sensors",
                        "{\"code\":\"%s\",\"kind\":\"METHANE\",\"regionCode\":\"141029\",\"site\":\"%s\",\"pollSeconds\":600}"
                                .formatted(code, site)))
                .hasStatus(201);

        browser = Chromium.start(width, height);
        FieldPages.signIn(browser, base(), "duty1");
        browser.get(base() + "/warning/alarms");
        waiting().until(b -> b.findElement(By.id("live")).getText().contains("已连接"));
        script("window.journeyMarker = 'not reloaded'");

        var publisher = MqttClient.builder()
                .useMqttVersion3()
                .identifier("journey-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(Integer.parseInt(environment.getProperty("pingji.mqtt.bound-port")))
                .buildBlocking();
        publisher.connect();
        try {
            publisher
                    .publishWith()
                    .topic("pingji/sensors/" + code)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"value\": 1.4}".getBytes(StandardCharsets.UTF_8))
                    .send();
        } finally {
            publisher.disconnect();
        }
        WebElement card = waiting().until(b -> b.findElements(By.cssSelector(".card.alarm")).stream()
                .filter(e -> e.getText().contains(site))
                .findFirst()
                .orElse(null));
        assertThat(script("return window.journeyMarker")).isEqualTo("not reloaded");
        assertThat(card.getText())
                .contains("报警")
                .contains("1.4")
                .contains("duty1")
                .contains("待确认");
        assertThat((Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                .as("alarm console scrolls sideways")
                .isFalse();
        FieldPages.screenshot(browser, "alarm-console-" + width + "x" + height);
        FieldPages.assertNoConsoleErrors(browser, "alarm console");

        // the list is replaced on every alarm event (other sensors too): find and click in one go
        waiting().until(b -> {
            b.findElements(By.cssSelector(".card.alarm")).stream()
                    .filter(e -> e.getText().contains(site))
                    .findFirst()
                    .orElseThrow()
                    .findElement(By.cssSelector("button.ack"))
                    .click();
            return true;
        });
        String acked = waiting().until(b -> b.findElements(By.cssSelector(".card.alarm")).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(site) && t.contains("已确认"))
                .findFirst()
                .orElse(null));
        assertThat(acked).contains("已确认（duty1）");
        assertThat(FieldPages.text(browser, By.id("notice"))).contains("已确认");
        waiting().until(b -> {
            b.findElements(By.cssSelector(".card.alarm")).stream()
                    .filter(e -> e.getText().contains(site))
                    .findFirst()
                    .orElseThrow()
                    .findElement(By.linkText("处置记录"))
                    .click();
            return true;
        });
        FieldPages.type(browser, By.name("note"), "已通知矿调度撤出作业人员，现场断电通风");
        FieldPages.click(browser, By.cssSelector("#dispose-form button"));
        // the form posts and the record page comes back: wait for the new record, not the old page
        String record = waiting().until(b -> {
            String t = b.findElement(By.id("alarm-events")).getText();
            return t.contains("已通知矿调度撤出作业人员") ? t : null;
        });
        assertThat(record).contains("报警").contains("确认").contains("处置").contains("已通知矿调度撤出作业人员");
        FieldPages.screenshot(browser, "alarm-record-" + width + "x" + height);

        // the sensors page draws the sensor's readings (fetched with the console session)
        browser.get(base() + "/warning/sensors");
        By chart = By.cssSelector("[data-sensor-chart='%s']".formatted(code));
        waiting()
                .until(b ->
                        !b.findElement(chart).findElements(By.tagName("canvas")).isEmpty());
        FieldPages.screenshot(browser, "sensors-" + width + "x" + height);
        FieldPages.assertNoConsoleErrors(browser, "sensors page");
    }
}
