package org.pingji.quarantine;

import org.pingji.platform.Refusal;

/** No placement (or site) with the id inside the caller's jurisdiction (HTTP 404). */
public class PlacementNotFound extends Refusal {
    public PlacementNotFound(String message) {
        super(Kind.NOT_FOUND, "quarantine.not_found", message);
    }
}
