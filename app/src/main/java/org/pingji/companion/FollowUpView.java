package org.pingji.companion;

import java.time.Instant;

/**
 * A companion handed to a grid worker: find the person, test twice, then clear or escalate.
 *
 * @param status OPEN, LOCATED, FIRST_TESTED, SECOND_TESTED, CLEARED or ESCALATED
 * @param phoneMasked the companion's phone, masked
 */
public record FollowUpView(
        long id,
        long runId,
        long personId,
        String microGridCode,
        String assignedTo,
        String status,
        String phoneMasked,
        String cell,
        double overlapMinutes,
        Instant firstSeen,
        Instant lastSeen,
        String firstTest,
        String secondTest,
        Instant updatedAt) {

    public boolean open() {
        return !status.equals("CLEARED") && !status.equals("ESCALATED");
    }
}
