package org.pingji.companion;

import org.pingji.platform.Refusal;

/** The analytics module's job is not built or not found where the settings point. */
public class CompanionJobUnavailable extends Refusal {
    public CompanionJobUnavailable(String message) {
        super(Kind.UNAVAILABLE, "companion.job_unavailable", message);
    }
}
