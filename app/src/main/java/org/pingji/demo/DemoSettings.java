package org.pingji.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo county settings under {@code pingji.demo}: whether to generate it on an empty
 * database, how many persons, the random seed (same seed, same county), and whether to add the
 * screening demo (a risk notice and recent arrivals).
 */
@ConfigurationProperties("pingji.demo")
record DemoSettings(Boolean enabled, Integer persons, Long seed, Boolean screening) {
    DemoSettings {
        enabled = enabled == null || enabled;
        screening = screening == null || screening;
        persons = persons == null ? 200_000 : persons;
        seed = seed == null ? 20220316L : seed;
        if (persons < 1_189) {
            throw new IllegalArgumentException(
                    "pingji.demo.persons must be at least 1189 (one per micro-grid): " + persons);
        }
    }
}
