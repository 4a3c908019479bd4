package org.pingji.tracing;

import java.time.Instant;

/** A person became a case ({@code classification} CONFIRMED or ASYMPTOMATIC). */
public record CaseConfirmed(long caseId, long personId, String classification, Instant confirmedAt) {}
