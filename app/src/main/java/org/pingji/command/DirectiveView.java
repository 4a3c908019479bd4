package org.pingji.command;

import java.time.Instant;
import java.util.List;

/**
 * A directive (指令) with its recipients as the caller may see them: all of them for the issuing
 * level and above, only those inside the jurisdiction for a recipient. Counts are over the
 * recipients shown; a recipient is overdue when it has not completed (or, for directives without
 * a required response, acknowledged) by the deadline.
 */
public record DirectiveView(
        long id,
        String title,
        String body,
        String issuer,
        String issuerCode,
        Instant issuedAt,
        Instant deadline,
        boolean responseRequired,
        int received,
        int acknowledged,
        int done,
        int overdue,
        List<Recipient> recipients) {

    /** One addressed region or task group. */
    public record Recipient(
            String regionCode,
            String name,
            Long groupId,
            Instant receivedAt,
            Instant acknowledgedAt,
            String acknowledgedBy,
            Instant doneAt,
            String doneBy,
            String doneText,
            boolean overdue,
            Instant escalatedAt,
            List<Attachment> attachments) {}

    /** A file a recipient attached to its completion report. */
    public record Attachment(long id, String filename, long size) {}
}
