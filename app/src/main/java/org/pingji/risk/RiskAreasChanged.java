package org.pingji.risk;

import java.time.Instant;
import java.util.List;

/**
 * Areas changed level: a notice was applied or an area edited. {@code codes} are the division
 * codes of the changed areas; statuses and measures of persons who came from them are recomputed.
 */
public record RiskAreasChanged(Long noticeId, Instant asOf, List<String> codes) {}
