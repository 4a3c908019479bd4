package org.pingji.policy;

import java.util.List;
import java.util.Map;

/**
 * One prevention edition's parameters.
 *
 * @param revision incremented on every edit; decisions record code and revision
 * @param travelHistoryDays days of travel history a checkpoint and the status rules consider
 * @param testValidityHours how old a negative test may be at a checkpoint
 * @param companion the spatiotemporal companion (时空伴随) definition
 */
public record PolicyEdition(
        String code,
        String name,
        String summary,
        int revision,
        int travelHistoryDays,
        int testValidityHours,
        List<Integer> poolSizes,
        Companion companion,
        Map<Exposure, Measures> measures) {

    /**
     * Same 800 m x 800 m cell as a case's phone for more than {@code minOverlapMinutes} within
     * the last {@code lookbackDays}; optionally more than {@code minAccumulatedHours} in the cell.
     */
    public record Companion(int cellMeters, int minOverlapMinutes, int lookbackDays, Integer minAccumulatedHours) {}

    public Measures measures(Exposure exposure) {
        Measures m = measures.get(exposure);
        if (m == null) {
            throw new IllegalStateException("Edition %s has no measures for %s".formatted(code, exposure));
        }
        return m;
    }

    /** Label recorded with decisions, e.g. {@code ED9-2022#1}. */
    public String reference() {
        return code + "#" + revision;
    }
}
