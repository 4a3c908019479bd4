package org.pingji.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Past supervision to load in bulk ({@link InspectionManagement#loadHistory}): the demo county's history. */
public final class PastSupervision {

    private PastSupervision() {}

    public record PastFinding(long itemId, LocalDate deadline, Instant rectifiedAt) {}

    public record PastInspection(
            long entityId,
            long checklistId,
            long inspectorA,
            long inspectorB,
            Instant at,
            String kind,
            List<PastFinding> findings) {}

    public record PastClosure(long entityId, String reason, String document, Instant closedAt, Instant reopenedAt) {}

    public record PastInterview(long entityId, Instant at, String attendees, String agreed) {}

    public record PastLetter(String number, long entityId, Instant issuedAt, LocalDate replyDue, String content) {}
}
