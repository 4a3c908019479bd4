package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.page;
import static org.pingji.TestHttp.post;
import static org.pingji.warning.SensorFixtures.uniqueCode;

import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The alarm console and the sensors page as duty1 sees them, and the header link. */
@PingjiTest
class SensorConsoleTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aMethaneAlarmIsOnTheConsoleForTheDutyOfficerAndTheSensorsPageShowsItsChart() {
        var fixtures = new SensorFixtures(mvc);
        fixtures.dutyShiftNow();
        String code = uniqueCode("CH4");
        fixtures.register(code, "METHANE", 30);
        assertThat(post(mvc, "duty1", "/api/warning/readings", "{\"sensorCode\":\"" + code + "\",\"value\":1.3}"))
                .hasStatusOk();
        String html = page(mvc, "duty1", "/warning/alarms");
        assertThat(html)
                .contains("报警处置")
                .contains(code)
                .contains("测试煤矿 " + code + " 工作面")
                .contains("确认接警")
                .contains("data-alarm-stream")
                .contains("href=\"/warning/alarms\"");
        String sensors = page(mvc, "duty1", "/warning/sensors");
        assertThat(sensors)
                .contains("data-sensor-chart=\"" + code + "\"")
                .contains("客流监测")
                .contains("未处置报警 1");
        // epi1 has no ALARM_HANDLE: no header link, and the console is refused.
        assertThat(page(mvc, "epi1", "/command")).doesNotContain("href=\"/warning/alarms\"");
    }
}
