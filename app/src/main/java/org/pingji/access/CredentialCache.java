package org.pingji.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Credentials verified in the last minute, so that an API client costs neither a password hash
 * (bcrypt, ~50 ms of CPU) nor a query per request. An entry is keyed by a keyed hash
 * (HMAC-SHA256 under a key drawn at start and never stored) of what the client sent — the whole
 * {@code Authorization: Basic} header, or the bearer token — so no password or token is held in
 * clear. Entries live {@link #LIFETIME} and are dropped at once when the password changes, the
 * account is locked or disabled, or the token is revoked; a wrong password is a different key and
 * goes through the full check (and the lockout count) as before.
 */
@Component
class CredentialCache {

    /** How long a verified credential is trusted without checking it again. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(UserAccount account, Long tokenId, long expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;

    CredentialCache() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var spec = new SecretKeySpec(key, "HmacSHA256");
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The account a credential was verified for, while its entry lives. */
    Optional<UserAccount> find(String credential) {
        Entry entry = entries.get(key(credential));
        if (entry == null || entry.expiresAt() - System.nanoTime() <= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    /** Remembers a verified Basic header or a verified API token ({@code tokenId} non-null). */
    void remember(String credential, UserAccount account, Long tokenId) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(credential), new Entry(account, tokenId, System.nanoTime() + LIFETIME.toNanos()));
    }

    /** Drops every credential of a user: password changed, account locked or disabled. */
    void forgetUser(long userId) {
        entries.values().removeIf(e -> e.account().caller().userId() == userId);
    }

    /** Drops a revoked API token. */
    void forgetToken(long tokenId) {
        entries.values().removeIf(e -> e.tokenId() != null && e.tokenId() == tokenId);
    }

    private String key(String credential) {
        return HexFormat.of().formatHex(macs.get().doFinal(credential.getBytes(StandardCharsets.UTF_8)));
    }
}
