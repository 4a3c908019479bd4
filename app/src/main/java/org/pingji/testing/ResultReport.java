package org.pingji.testing;

import java.math.BigDecimal;
import java.time.Instant;

/** A lab's result for one tube; the Ct value is optional. */
public record ResultReport(String tubeBarcode, Result result, BigDecimal ctValue, Instant reportedAt) {

    /** The result of a tube. */
    public enum Result {
        NEGATIVE,
        POSITIVE,
        INVALID
    }
}
