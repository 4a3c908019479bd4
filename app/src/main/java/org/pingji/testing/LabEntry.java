package org.pingji.testing;

import java.math.BigDecimal;
import java.time.Instant;

/** A result that needs attention at the lab desk: a positive tube or a conflicting report. */
public record LabEntry(
        String tubeBarcode,
        long roundId,
        String result,
        BigDecimal ctValue,
        Instant reportedAt,
        String reportedBy,
        String disposition,
        String finalResult) {}
