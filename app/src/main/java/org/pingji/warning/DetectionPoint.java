package org.pingji.warning;

import java.time.LocalDate;

/**
 * The answer of a detector for one day.
 *
 * @param observed the day's count; for {@link DetectionMethod#MPM} the 7-day sum ending that day
 *     (the figure compared with the bound)
 * @param upperBound the bound the observed figure must exceed to alarm; {@code null} when the day
 *     has not enough history (or R answers NA, see {@link Ears})
 * @param alarm {@code observed > upperBound} (EARS, MPM), {@code observed >= threshold}
 *     (THRESHOLD); false whenever {@code upperBound} is null
 */
record DetectionPoint(LocalDate date, long observed, Double upperBound, boolean alarm) {}
