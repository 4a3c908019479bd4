package org.pingji.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pingji.status}: the secret that encrypts signing keys at rest and derives
 * pseudonyms, and how long a status code stays valid.
 */
@ConfigurationProperties("pingji.status")
record StatusSettings(String keySecret, Duration codeValidity) {
    StatusSettings {
        if (keySecret == null || keySecret.isBlank()) {
            throw new IllegalArgumentException("pingji.status.key-secret must be set");
        }
        if (codeValidity == null) {
            codeValidity = Duration.ofMinutes(30);
        }
        if (codeValidity.isNegative() || codeValidity.isZero() || codeValidity.toHours() > 72) {
            throw new IllegalArgumentException("pingji.status.code-validity must be between 1 s and 72 h");
        }
    }
}
