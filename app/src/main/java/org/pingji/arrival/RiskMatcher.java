package org.pingji.arrival;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.policy.Exposure;
import org.pingji.risk.RiskAreas;
import org.pingji.risk.RiskLevel;

/**
 * Classifies a trip against risk windows held in memory: HIGH or MEDIUM when an area covering the
 * origin (same code or an ancestor) was at that level while the traveller was there or within the
 * edition's travel-history days after they left; RISK_COUNTY when the origin's county had such an
 * area then; ELSEWHERE otherwise.
 */
final class RiskMatcher {

    /** The classification and the window that made it (null for RISK_COUNTY and ELSEWHERE). */
    record Match(Exposure exposure, RiskAreas.Window window) {}

    private final Map<String, List<RiskAreas.Window>> byCode = new HashMap<>();
    private final Map<String, List<RiskAreas.Window>> byCounty = new HashMap<>();

    RiskMatcher(List<RiskAreas.Window> windows) {
        for (RiskAreas.Window w : windows) {
            byCode.computeIfAbsent(w.code(), k -> new ArrayList<>()).add(w);
            if (w.code().length() >= 6) {
                byCounty.computeIfAbsent(w.code().substring(0, 6), k -> new ArrayList<>())
                        .add(w);
            }
        }
    }

    Match classify(String originCode, Instant departed, Instant arrived, int travelDays) {
        Instant exposedUntil = departed.plus(Duration.ofDays(travelDays));
        RiskAreas.Window best = null;
        for (int len : new int[] {2, 4, 6, 9, 12}) {
            if (originCode.length() < len) {
                break;
            }
            List<RiskAreas.Window> ws = byCode.get(originCode.substring(0, len));
            if (ws == null) {
                continue;
            }
            for (RiskAreas.Window w : ws) {
                if (w.overlaps(departed, exposedUntil)
                        && (best == null
                                || (w.level() == RiskLevel.HIGH && best.level() != RiskLevel.HIGH)
                                || (w.level() == best.level() && w.from().isBefore(best.from())))) {
                    best = w;
                }
            }
        }
        if (best != null) {
            return new Match(
                    best.level() == RiskLevel.HIGH ? Exposure.HIGH_RISK_AREA : Exposure.MEDIUM_RISK_AREA, best);
        }
        if (originCode.length() >= 6) {
            List<RiskAreas.Window> ws = byCounty.get(originCode.substring(0, 6));
            if (ws != null) {
                Instant countyFrom = departed.minus(Duration.ofDays(travelDays));
                for (RiskAreas.Window w : ws) {
                    if (w.overlaps(countyFrom, arrived.plusSeconds(1))) {
                        return new Match(Exposure.RISK_COUNTY, null);
                    }
                }
            }
        }
        return new Match(Exposure.ELSEWHERE, null);
    }
}
