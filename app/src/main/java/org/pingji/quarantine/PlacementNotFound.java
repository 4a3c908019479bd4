package org.pingji.quarantine;

/** No placement (or site) with the id inside the caller's jurisdiction (HTTP 404). */
public class PlacementNotFound extends RuntimeException {
    public PlacementNotFound(String message) {
        super(message);
    }
}
