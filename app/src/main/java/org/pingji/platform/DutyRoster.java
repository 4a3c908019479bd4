package org.pingji.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is on duty for a region: the shift of the nearest unit on the region's path (the region
 * itself first, then up to the county) that has one at the given time. The {@code command}
 * module keeps the rosters and provides the bean; modules that raise alarms for people (for
 * example {@code warning}) ask it through this interface, so that no module depends on
 * {@code command} (ADR 0006).
 */
public interface DutyRoster {

    /** A shift on duty: its unit, the duty officer and the leader on duty (带班领导), as usernames. */
    record OnDuty(long shiftId, String unitCode, String officer, String leader, String phone) {}

    /**
     * The shift on duty at {@code at} for the region with materialised path {@code regionPath}
     * ({@code /14/1410/141029/.../}), from the deepest unit on the path that has one; empty when no
     * unit on the path has anyone on duty.
     */
    Optional<OnDuty> onDuty(String regionPath, Instant at);
}
