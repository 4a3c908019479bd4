package org.pingji.testing;

import java.time.Instant;
import java.util.List;

/**
 * Timings of a drill per collection point: how many were sampled, when the first and last scan
 * came, and the median minutes of each step: arrival → sampled, sampled → sealed (first sample
 * of a tube to its seal), sealed → boxed, boxed → received at the lab, received → resulted.
 */
public record DrillReport(long roundId, String roundName, boolean drill, List<Point> points) {

    /** One collection point's timings (null where the step has not happened yet). */
    public record Point(
            long collectionPointId,
            String name,
            long sampled,
            long tubes,
            Instant firstScan,
            Instant lastScan,
            Double arrivalToSampledMinutes,
            Double sampledToSealedMinutes,
            Double sealedToBoxedMinutes,
            Double boxedToReceivedMinutes,
            Double receivedToResultedMinutes) {}
}
