package org.pingji.quarantine;

import java.util.List;
import java.util.Map;
import org.pingji.platform.Refusal;

/**
 * A quarantine operation conflicts with the state of things (HTTP 409): a full site, an occupied
 * room, a released placement, release before the criteria are met (code
 * {@code quarantine.release_refused}, with every unmet criterion in {@link #reasons()}, also
 * answered as the {@code reasons} field).
 */
public class QuarantineRefused extends Refusal {

    private final List<String> reasons;

    public QuarantineRefused(String message) {
        super(Kind.CONFLICT, "quarantine.refused", message, Map.of("reasons", List.of()));
        this.reasons = List.of();
    }

    public QuarantineRefused(String message, List<String> reasons) {
        super(Kind.CONFLICT, "quarantine.release_refused", message, Map.of("reasons", List.copyOf(reasons)));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
