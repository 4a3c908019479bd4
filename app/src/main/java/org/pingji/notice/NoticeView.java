package org.pingji.notice;

import java.time.Instant;
import java.util.List;

/**
 * A notice as shown: its current text is that of the latest approved version (of the draft while
 * nothing is approved yet); {@code pending} is true when a newer version awaits approval.
 *
 * @param version number of the version shown, from 1
 */
public record NoticeView(
        long id,
        NoticeKind kind,
        boolean emergency,
        boolean isPublic,
        NoticeState state,
        List<String> regionCodes,
        List<String> roles,
        String authorUsername,
        String authorName,
        Instant createdAt,
        Instant publishedAt,
        Instant changedAt,
        int version,
        String title,
        String body,
        String approvedBy,
        boolean pending) {

    public boolean inForce() {
        return state.inForce();
    }

    /** One kept version of the notice. */
    public record Version(
            int version,
            String messageType,
            String title,
            String body,
            String writtenBy,
            Instant writtenAt,
            String approvedBy,
            Instant approvedAt) {}
}
