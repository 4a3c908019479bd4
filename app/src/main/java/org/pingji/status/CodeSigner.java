package org.pingji.status;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import org.pingji.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ed25519 keys of status codes. The newest key signs; every key not retired verifies, so codes
 * issued before a rotation stay valid until they expire. Private keys are kept encrypted
 * (AES-GCM) in the database; public keys are published raw (32 bytes) for offline checkers.
 */
@Component
class CodeSigner {

    /** A key: its 4-byte id as 8 hex digits, its raw public key, and (for the signer) the private key. */
    record SigningKey(
            String kid,
            byte[] rawPublic,
            PublicKey publicKey,
            PrivateKey privateKey,
            Instant createdAt,
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point) {
        SigningKey(String kid, byte[] rawPublic, PublicKey publicKey, PrivateKey privateKey, Instant createdAt) {
            this(
                    kid,
                    rawPublic,
                    publicKey,
                    privateKey,
                    createdAt,
                    org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(rawPublic, 0));
        }
    }

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretBox wrapBox;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;
    private volatile Map<String, SigningKey> keys;
    private volatile SigningKey active;

    CodeSigner(JdbcClient jdbc, Clock clock, StatusSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wrapBox = new SecretBox("status-key-wrap", settings.keySecret());
        this.macs = SecretBox.hmacs("status-pseudonym", settings.keySecret());
    }

    /** 10 bytes of keyed hash of the person id: stable, not reversible without the table. */
    byte[] pseudonym(long personId) {
        Mac mac = macs.get();
        byte[] full = mac.doFinal(("person:" + personId).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(full, 10);
    }

    SigningKey active() {
        if (active == null) {
            load();
        }
        return active;
    }

    /** Keys that verify (not retired), newest first. */
    List<SigningKey> verifying() {
        if (keys == null) {
            load();
        }
        return List.copyOf(keys.values());
    }

    SigningKey key(String kid) {
        if (keys == null) {
            load();
        }
        return keys.get(kid);
    }

    byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(active().privateKey());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies with Bouncy Castle's RFC 8032 code and the key's decoded point (cached): about ten
     * times the JDK's Ed25519 provider on this machine (see docs/benchmarks.md).
     */
    boolean verify(SigningKey key, byte[] data, int offset, int length, byte[] signature) {
        return verifyRaw(key.point(), data, offset, length, signature);
    }

    static boolean verifyRaw(
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point,
            byte[] data,
            int offset,
            int length,
            byte[] signature) {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, data, offset, length);
    }

    /** Makes a new key the signing key; older keys keep verifying. */
    @Transactional
    synchronized SigningKey rotate() {
        SigningKey k = generate();
        load();
        return k;
    }

    private synchronized void load() {
        Map<String, SigningKey> loaded = new LinkedHashMap<>();
        jdbc.sql(
                        "select kid, public_key, private_key, created_at from status.signing_keys where retired_at is null order by created_at desc, kid")
                .query((rs, n) -> {
                    loaded.put(
                            rs.getString(1),
                            new SigningKey(
                                    rs.getString(1),
                                    rs.getBytes(2),
                                    publicKey(rs.getBytes(2)),
                                    privateKey(unwrap(rs.getBytes(3))),
                                    rs.getTimestamp(4).toInstant()));
                    return null;
                })
                .list();
        if (loaded.isEmpty()) {
            SigningKey k = generate();
            loaded.put(k.kid(), k);
        }
        keys = loaded;
        active = loaded.values().iterator().next();
    }

    private SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            byte[] kidBytes = new byte[4];
            random.nextBytes(kidBytes);
            String kid = HexFormat.of().formatHex(kidBytes);
            Instant now = clock.instant();
            jdbc.sql("insert into status.signing_keys (kid, public_key, private_key, created_at) values (?, ?, ?, ?)")
                    .params(kid, raw, wrap(pair.getPrivate().getEncoded()), Timestamp.from(now))
                    .update();
            return new SigningKey(kid, raw, pair.getPublic(), pair.getPrivate(), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey publicKey(byte[] raw) {
        try {
            byte[] x509 = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] wrap(byte[] plain) {
        return wrapBox.seal(plain);
    }

    private byte[] unwrap(byte[] sealed) {
        try {
            return wrapBox.open(sealed);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "A signing key cannot be decrypted: is pingji.status.key-secret the one it was made with?", e);
        }
    }
}
