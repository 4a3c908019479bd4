package org.pingji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pingji (平急): a county's normal/emergency outbreak-prevention command platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PingjiApplication {

    public static void main(String[] args) {
        SpringApplication.run(PingjiApplication.class, args);
    }
}
