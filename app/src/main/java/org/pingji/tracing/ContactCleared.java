package org.pingji.tracing;

import java.time.Instant;

/** A listed contact was cleared (follow-up finished or listed in error). */
public record ContactCleared(long caseId, long personId, Instant at) {}
