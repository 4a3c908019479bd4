package org.pingji.grid;

/** No region has the code (HTTP 404). */
public class RegionNotFound extends RuntimeException {
    public RegionNotFound(String code) {
        super("No region with code " + code);
    }
}
