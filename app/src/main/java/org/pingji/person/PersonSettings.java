package org.pingji.person;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets for personal data under {@code pingji.person}: the HMAC key for lookup hashes and the
 * AES key for ciphertexts (any text; 256-bit keys are derived from them).
 */
@ConfigurationProperties("pingji.person")
record PersonSettings(String hashKey, String cryptKey) {
    PersonSettings {
        if (hashKey == null || hashKey.isBlank() || cryptKey == null || cryptKey.isBlank()) {
            throw new IllegalArgumentException("pingji.person.hash-key and pingji.person.crypt-key must be set");
        }
    }
}
