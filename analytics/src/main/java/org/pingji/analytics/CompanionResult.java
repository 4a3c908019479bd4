package org.pingji.analytics;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a run.
 *
 * @param usedRows pings that counted
 * @param badRows rows not used, by {@link BadRowReason} name (only reasons that occurred)
 * @param companions one entry per companion phone, sorted by phone; case phones are never listed
 */
public record CompanionResult(long usedRows, Map<String, Long> badRows, List<Companion> companions) {}
