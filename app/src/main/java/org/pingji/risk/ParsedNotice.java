package org.pingji.risk;

import java.time.Instant;
import java.util.List;

/**
 * A notice as read: its as-of time, each adjustment block with the areas it lists, and the
 * problems that keep it from being applied.
 */
public record ParsedNotice(Instant asOf, List<Adjustment> adjustments, List<Problem> problems) {

    /**
     * One block, e.g. "低风险区调整为高风险区4个". {@code from} is null for "新增…".
     *
     * @param asOf the as-of time that heads the block (a pasted text may hold several days)
     */
    public record Adjustment(RiskLevel from, RiskLevel to, int statedCount, Instant asOf, int line, List<Area> areas) {}

    /**
     * One listed area.
     *
     * @param text the area as published
     * @param fullText the area with the province/city the list left out, used as its identity
     * @param resolvedCode the deepest division code found ("" when none)
     * @param resolvedName the full division name of that code
     * @param inherited true when the text names no division and the code comes from the
     *     previous area of the list
     */
    public record Area(
            String text, String fullText, String resolvedCode, String resolvedName, boolean inherited, int line) {}

    /** Something that must be fixed before the notice can be applied. */
    public record Problem(int line, String message) {}

    public int areaCount() {
        return adjustments.stream().mapToInt(a -> a.areas().size()).sum();
    }
}
