package org.pingji.quarantine;

import java.time.Instant;

/** A person was placed under quarantine ({@code kind} CENTRAL or HOME) until {@code plannedEnd}. */
public record PlacementStarted(long placementId, long personId, String kind, Instant start, Instant plannedEnd) {}
