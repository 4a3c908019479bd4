package org.pingji.status;

import java.time.Instant;
import java.util.List;

/**
 * A person's status at an instant with every reason that applies.
 *
 * @param policyEdition the edition (code#revision) in force, whose rules made the decision
 */
public record StatusView(long personId, HealthColor status, List<Reason> reasons, String policyEdition, Instant at) {

    /** One reason with its source and validity. */
    public record Reason(
            ReasonCode code,
            String label,
            HealthColor color,
            String source,
            Instant since,
            Instant until,
            String detail) {}

    public int reasonMask() {
        int mask = 0;
        for (Reason r : reasons) {
            mask |= r.code().bit();
        }
        return mask;
    }
}
