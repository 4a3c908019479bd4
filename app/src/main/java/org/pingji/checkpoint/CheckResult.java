package org.pingji.checkpoint;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a check: the vehicle's decision and each traveller's, with reasons.
 *
 * @param transfers ids of the point-to-point transfers opened for TRANSFER travellers
 */
public record CheckResult(
        String checkId,
        long checkpointId,
        Decision decision,
        String decisionLabel,
        List<Reason> vehicleReasons,
        List<Traveller> persons,
        List<Long> transfers,
        String policyEdition,
        Instant at)
        implements java.io.Serializable {

    /** One of the four codes' findings. */
    public record Reason(String code, String label, String detail) implements java.io.Serializable {}

    /** A traveller: who (when known), their status colour, decision and reasons. */
    public record Traveller(
            int position, Long personId, String name, String status, Decision decision, List<Reason> reasons)
            implements java.io.Serializable {}
}
