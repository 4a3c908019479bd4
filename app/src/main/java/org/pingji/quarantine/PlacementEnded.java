package org.pingji.quarantine;

import java.time.Instant;

/** A placement was released (criteria met, or an approved override). */
public record PlacementEnded(long placementId, long personId, Instant endedAt) {}
