package org.pingji.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.pingji.checkpoint.Checkpoints.CheckRequest;

/** The rules of a check request that need no database: its entries, its fingerprint, its transport. */
final class CheckRequests {

    /** A vehicle holds at most this many travellers. */
    static final int MAX_TRAVELLERS = 60;

    private CheckRequests() {}

    /** The scanned entries, stripped and without blanks; refuses a request that cannot be checked. */
    static List<String> entries(CheckRequest r) {
        if (r.checkId() == null || r.checkId().isBlank() || r.checkId().length() > 64) {
            throw new IllegalArgumentException("checkId: 须为1到64个字符的唯一编号");
        }
        List<String> entries = r.codes() == null
                ? List.of()
                : r.codes().stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("codes: 至少扫描一名人员的健康码或证件号");
        }
        if (entries.size() > MAX_TRAVELLERS) {
            throw new IllegalArgumentException("codes: 一辆车最多60人");
        }
        if (r.passengers() != null && (r.passengers() < 1 || r.passengers() > MAX_TRAVELLERS)) {
            throw new IllegalArgumentException("passengers: 须在1到60之间");
        }
        return entries;
    }

    /** The request's fingerprint: a replay with the same check id must carry the same content. */
    static String hash(long checkpointId, List<String> entries, CheckRequest r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String canonical = checkpointId + "|" + String.join("\\n", entries) + "|" + r.plate() + "|" + r.selfDrive()
                    + "|" + r.passengers() + "|" + r.origin() + "|" + r.departedAt();
            return HexFormat.of().formatHex(d.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the travellers came, as an arrival records it. */
    static String transport(CheckRequest r) {
        return r.selfDrive()
                ? "自驾" + (r.plate() == null ? "" : " " + r.plate().strip())
                : "车辆 " + (r.plate() == null ? "" : r.plate().strip());
    }
}
