package org.pingji.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Status codes: a compact token "PJ1." + base64url(payload ‖ Ed25519 signature), where the 26-byte
 * payload is version (1), key id (4), pseudonym (10), colour (1), reason mask (2), issued (4,
 * epoch seconds) and expires (4). A checker with the cached public keys verifies it offline.
 */
@Service
public class StatusCodes {

    static final String PREFIX = "PJ1.";
    static final int PAYLOAD = 26;
    static final int SIGNATURE = 64;

    /** An issued code. */
    public record IssuedCode(String token, Instant expiresAt, HealthColor status) {}

    /** What a check of a token found; {@code problem} says why it is not valid. */
    public record Verification(
            boolean valid,
            HealthColor status,
            List<ReasonCode> reasons,
            String pseudonym,
            Instant issuedAt,
            Instant expiresAt,
            String kid,
            String problem) {
        static Verification refused(String problem) {
            return new Verification(false, null, List.of(), null, null, null, null, problem);
        }
    }

    /** A public key for offline checkers. */
    public record PublicKeyView(String kid, String publicKey, String algorithm, Instant createdAt) {}

    private final CodeSigner signer;
    private final HealthStatus status;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatusSettings settings;

    StatusCodes(CodeSigner signer, HealthStatus status, JdbcClient jdbc, Clock clock, StatusSettings settings) {
        this.signer = signer;
        this.status = status;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Issues the current code of a person the caller may see (their own, or staff in the jurisdiction). */
    public IssuedCode issue(Caller caller, long personId) {
        status.visiblePerson(caller, personId);
        return issue(personId);
    }

    IssuedCode issue(long personId) {
        Instant now = clock.instant();
        StatusView view = status.statusOf(personId, now);
        byte[] pseudonym = signer.pseudonym(personId);
        String p = pseudonymText(pseudonym);
        jdbc.sql("insert into status.pseudonyms (pseudonym, person_id) values (?, ?) on conflict do nothing")
                .params(p, personId)
                .update();
        Instant expires = now.plus(settings.codeValidity());
        String token = encode(signer.active(), signer::sign, pseudonym, view.status(), view.reasonMask(), now, expires);
        return new IssuedCode(token, Instant.ofEpochSecond(expires.getEpochSecond()), view.status());
    }

    /** Lays out and signs a token. */
    static String encode(
            CodeSigner.SigningKey key,
            java.util.function.UnaryOperator<byte[]> sign,
            byte[] pseudonym,
            HealthColor colour,
            int reasonMask,
            Instant issued,
            Instant expires) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.put((byte) 1);
        payload.put(HexFormat.of().parseHex(key.kid()));
        payload.put(pseudonym);
        payload.put((byte) colour.ordinal());
        payload.putShort((short) reasonMask);
        payload.putInt((int) issued.getEpochSecond());
        payload.putInt((int) expires.getEpochSecond());
        byte[] data = payload.array();
        byte[] signature = sign.apply(data);
        byte[] token = new byte[PAYLOAD + SIGNATURE];
        System.arraycopy(data, 0, token, 0, PAYLOAD);
        System.arraycopy(signature, 0, token, PAYLOAD, SIGNATURE);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Checks a token's form, key, signature and expiry. Needs no database. */
    public Verification verify(String token) {
        return verify(token, clock.instant());
    }

    Verification verify(String token, Instant now) {
        return decodeAndVerify(token, signer::key, now);
    }

    /** The whole offline check of a token against a key lookup; no database, no allocation of keys. */
    static Verification decodeAndVerify(
            String token, java.util.function.Function<String, CodeSigner.SigningKey> keys, Instant now) {
        if (token == null || !token.strip().startsWith(PREFIX)) {
            return Verification.refused("不是平急健康码（应以 PJ1. 开头）");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.strip().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verification.refused("健康码内容已损坏（不是有效的 base64url）");
        }
        if (bytes.length != PAYLOAD + SIGNATURE || bytes[0] != 1) {
            return Verification.refused("健康码长度或版本不对，可能被截断或篡改");
        }
        String kid = HexFormat.of().formatHex(bytes, 1, 5);
        CodeSigner.SigningKey key = keys.apply(kid);
        if (key == null) {
            return Verification.refused("未知的签名密钥 %s：不是本平台签发或密钥已停用".formatted(kid));
        }
        byte[] signature = java.util.Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + SIGNATURE);
        if (!CodeSigner.verifyRaw(key.point(), bytes, 0, PAYLOAD, signature)) {
            return Verification.refused("签名无效：健康码被篡改");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, PAYLOAD);
        b.position(5);
        byte[] pseudonym = new byte[10];
        b.get(pseudonym);
        int colour = b.get();
        int mask = b.getShort() & 0xffff;
        Instant issued = Instant.ofEpochSecond(b.getInt() & 0xffffffffL);
        Instant expires = Instant.ofEpochSecond(b.getInt() & 0xffffffffL);
        if (colour < 0 || colour >= HealthColor.values().length) {
            return Verification.refused("健康码颜色无效");
        }
        List<ReasonCode> reasons = new ArrayList<>();
        for (ReasonCode c : ReasonCode.values()) {
            if ((mask & c.bit()) != 0) {
                reasons.add(c);
            }
        }
        HealthColor color = HealthColor.values()[colour];
        String p = pseudonymText(pseudonym);
        if (!now.isBefore(expires)) {
            return new Verification(
                    false, color, reasons, p, issued, expires, kid, "健康码已过期（%s），请刷新".formatted(expires));
        }
        return new Verification(true, color, List.copyOf(reasons), p, issued, expires, kid, null);
    }

    /** The person behind a verified pseudonym (checkpoints, with a server). */
    public Optional<Long> personOf(String pseudonym) {
        return jdbc.sql("select person_id from status.pseudonyms where pseudonym = ?")
                .param(pseudonym)
                .query(Long.class)
                .optional();
    }

    /** The persons behind many pseudonyms in one query (a vehicle's codes); unknown ones are absent. */
    public java.util.Map<String, Long> personsOf(java.util.Collection<String> pseudonyms) {
        java.util.Map<String, Long> found = new java.util.HashMap<>();
        if (pseudonyms.isEmpty()) {
            return found;
        }
        jdbc.sql("select pseudonym, person_id from status.pseudonyms where pseudonym = any(?)")
                .param(pseudonyms.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    /** Public keys for offline checkers (every key that verifies). */
    public List<PublicKeyView> publicKeys() {
        return signer.verifying().stream()
                .map(k -> new PublicKeyView(
                        k.kid(),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(k.rawPublic()),
                        "Ed25519",
                        k.createdAt()))
                .toList();
    }

    /** Makes a new signing key (admins); older keys verify until retired. */
    public PublicKeyView rotate(Caller caller) {
        caller.require(Permission.ADMINISTER);
        CodeSigner.SigningKey k = signer.rotate();
        return new PublicKeyView(
                k.kid(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(k.rawPublic()),
                "Ed25519",
                k.createdAt());
    }

    /** A QR image (PNG) of the token, medium error correction. */
    public byte[] qrPng(String token, int size) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            token,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pseudonymText(byte[] pseudonym) {
        return HexFormat.of().formatHex(pseudonym);
    }
}
