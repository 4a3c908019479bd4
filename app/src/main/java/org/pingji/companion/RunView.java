package org.pingji.companion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A companion run as the API and the run page show it.
 *
 * @param progress 0..1 while RUNNING, 1 when DONE
 * @param badRows rows not used, by reason (wrong column count, unparseable values, outside China, outside the
 *     period...)
 * @param companions sorted by overlap, longest first
 */
public record RunView(
        long id,
        String state,
        double progress,
        Map<String, Long> badRows,
        Long usedRows,
        List<CompanionView> companions,
        Instant from,
        Instant to,
        int caseCount,
        String casePhonesMasked,
        String fileName,
        long fileBytes,
        String definition,
        String error,
        String createdBy,
        Instant createdAt,
        Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public int percent() {
        return (int) Math.floor(progress * 100);
    }

    /**
     * One companion with its evidence.
     *
     * @param phone the full phone (the reader's access is audited)
     * @param personId the ledger person holding the phone, null when unknown
     * @param overlapMinutes co-presence with a case phone in {@code cell}, to a tenth of a minute
     * @param followUp the follow-up's status, null without a known person
     */
    public record CompanionView(
            String phone,
            Long personId,
            String cell,
            double overlapMinutes,
            Instant firstSeen,
            Instant lastSeen,
            String followUp) {}
}
