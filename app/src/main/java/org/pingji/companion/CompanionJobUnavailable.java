package org.pingji.companion;

/** The analytics module's job is not built or not found where the settings point. */
public class CompanionJobUnavailable extends RuntimeException {
    public CompanionJobUnavailable(String message) {
        super(message);
    }
}
