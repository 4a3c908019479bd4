package org.pingji.tracing;

import java.time.Instant;

/** A person was listed as a contact of a case ({@code kind} CLOSE or SECONDARY). */
public record ContactListed(long caseId, long personId, String kind, Instant exposedAt) {}
