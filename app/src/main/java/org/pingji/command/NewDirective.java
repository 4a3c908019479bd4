package org.pingji.command;

import java.time.Instant;
import java.util.List;

/**
 * A directive to issue: to regions below the issuer's level and/or to task groups of the
 * emergency plan, due by {@code deadline}; {@code responseRequired} (default true) asks each
 * recipient for a completion report.
 */
public record NewDirective(
        String title,
        String body,
        List<String> regionCodes,
        List<Long> groupIds,
        Instant deadline,
        Boolean responseRequired) {}
