package org.pingji.quarantine;

import java.util.List;

/**
 * A quarantine operation conflicts with the state of things (HTTP 409): a full site, an occupied
 * room, a released placement, release before the criteria are met (with every unmet criterion in
 * {@link #reasons()}).
 */
public class QuarantineRefused extends RuntimeException {

    private final List<String> reasons;

    public QuarantineRefused(String message) {
        this(message, List.of());
    }

    public QuarantineRefused(String message, List<String> reasons) {
        super(message);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
