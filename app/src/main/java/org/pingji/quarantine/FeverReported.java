package org.pingji.quarantine;

import java.time.Instant;
import java.util.List;

/**
 * A check of a person under quarantine found fever (at or above the threshold, 37.3 °C by default)
 * or a listed symptom; the person is referred to a fever clinic.
 *
 * @param temperature degrees Celsius
 * @param symptoms symptom codes ({@link Symptom} names)
 */
public record FeverReported(long personId, long placementId, double temperature, List<String> symptoms, Instant at) {}
