package org.pingji.companion;

import org.pingji.policy.PolicyEdition;

/**
 * The definition one run applies: the companion parameters of the policy edition in force when the run starts,
 * plus how long one ping stands for ({@code pingji.companion.max-ping-gap}, not a policy matter).
 */
record CompanionDefinition(
        String edition,
        int cellMeters,
        int minOverlapMinutes,
        int lookBackDays,
        Integer accumulatedHours,
        long maxPingGapMinutes) {

    static CompanionDefinition of(PolicyEdition edition, CompanionSettings settings) {
        PolicyEdition.Companion c = edition.companion();
        return new CompanionDefinition(
                edition.code() + " r" + edition.revision(),
                c.cellMeters(),
                c.minOverlapMinutes(),
                c.lookbackDays(),
                c.minAccumulatedHours(),
                settings.maxPingGap().toMinutes());
    }

    /** What the run page shows. */
    String text() {
        return "%s: cell %d m, overlap > %d min, look-back %d d, accumulated clause %s, ping covers ≤ %d min"
                .formatted(
                        edition,
                        cellMeters,
                        minOverlapMinutes,
                        lookBackDays,
                        accumulatedHours == null || accumulatedHours == 0 ? "off" : "> " + accumulatedHours + " h",
                        maxPingGapMinutes);
    }
}
