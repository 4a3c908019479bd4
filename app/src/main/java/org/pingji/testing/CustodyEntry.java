package org.pingji.testing;

import java.time.Instant;

/** One step in a transport box's chain of custody: PACKED, HANDED_OVER or RECEIVED. */
public record CustodyEntry(String action, String actor, Instant at, String location) {}
