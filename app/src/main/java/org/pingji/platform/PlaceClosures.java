package org.pingji.platform;

import java.util.Optional;

/**
 * Whether a place is closed by order (查封、停业整顿). The {@code inspection} module keeps the
 * closures and provides the bean; modules that let people in at a place (for example
 * {@code tracing}'s check-ins) ask it through this interface, so that they do not depend on
 * {@code inspection}.
 */
public interface PlaceClosures {

    /** The reason of the place's current closure, empty when the place is open or not supervised. */
    Optional<String> closedReason(long placeId);
}
