package org.pingji.analytics;

import java.time.Instant;
import java.util.List;

/**
 * One companion run.
 *
 * @param pings a file or folder of pings: CSV {@code phone,timestamp,lat,lon} (optionally {@code .gz}) or Parquet
 *     with columns {@code phone} (string or integer), {@code timestamp} (timestamp or epoch seconds), {@code lat},
 *     {@code lon}
 * @param parquet whether {@code pings} is Parquet
 * @param from period start (inclusive)
 * @param to period end (exclusive); the look-back window ends here
 * @param casePhones the case phones (normalised like the pings)
 */
public record CompanionRequest(
        String pings,
        boolean parquet,
        Instant from,
        Instant to,
        List<String> casePhones,
        CompanionDefinition definition) {

    public CompanionRequest {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Period start %s is not before its end %s".formatted(from, to));
        }
        if (casePhones.isEmpty()) {
            throw new IllegalArgumentException("No case phones");
        }
        casePhones = List.copyOf(casePhones);
    }

    /** Start of the window pings count in: the later of the period start and the end minus the look-back. */
    public long lookBackStart() {
        return Math.max(from.getEpochSecond(), to.getEpochSecond() - definition.lookBackDays() * 86_400L);
    }
}
