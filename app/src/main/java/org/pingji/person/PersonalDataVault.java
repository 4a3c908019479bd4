package org.pingji.person;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import org.pingji.platform.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Keyed hashing (HMAC-SHA256) and authenticated encryption (AES-256-GCM, random 96-bit nonce
 * stored in front of the ciphertext) of resident IDs and phone numbers.
 */
@Component
class PersonalDataVault {

    private final ThreadLocal<Mac> macs;
    private final SecretBox box;

    PersonalDataVault(PersonSettings settings) {
        this.macs = SecretBox.hmacs("hash", settings.hashKey());
        this.box = new SecretBox("crypt", settings.cryptKey());
    }

    byte[] hash(String value) {
        return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] encrypt(String value) {
        return box.seal(value.getBytes(StandardCharsets.UTF_8));
    }

    String decrypt(byte[] stored) {
        return new String(box.open(stored), StandardCharsets.UTF_8);
    }
}
