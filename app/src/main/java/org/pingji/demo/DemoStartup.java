package org.pingji.demo;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Generates the demo county on an empty database and prints the URL and demo accounts. */
@Component
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    private final DemoCounty county;
    private final DemoSettings settings;
    private final Environment environment;

    private final DemoScreening screening;
    private final DemoSensors sensors;

    DemoStartup(
            DemoCounty county,
            DemoSettings settings,
            Environment environment,
            DemoScreening screening,
            DemoSensors sensors) {
        this.screening = screening;
        this.sensors = sensors;
        this.county = county;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.enabled() && county.generateIfEmpty(settings) && settings.screening()) {
            screening.generate(settings);
        }
        if (settings.enabled()) {
            sensors.start();
        }
    }

    @PreDestroy
    void stopSensors() {
        sensors.stop();
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWelcome() {
        if (!settings.enabled()) {
            return;
        }
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String message =
                """

                ==============================================================
                  平急 Pingji is running: http://%s:%s/
                  Demo accounts (password "demo"):
                    admin       system administrator (whole county)
                    commander   county commander (县指挥部)     coleader  second co-leader
                    township1   township officer (昌宁镇)        village1  village officer
                    gridworker1 grid worker of one micro-grid  (gridworker2..405 likewise)
                    sampler1 lab1 checkpoint1 epi1 quarantine1 inspector1 supplies1 duty1 resident1
                ==============================================================
                """
                        .formatted(host, port);
        log.info(message);
    }
}
