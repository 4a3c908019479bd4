package org.pingji.access;

import java.util.Optional;

/**
 * Resolves a region code to its materialised path. Implemented by the grid module, so that
 * access needs no dependency on it.
 */
public interface JurisdictionDirectory {

    /** The path of the region with the code, ending in {@code /}, if it exists. */
    Optional<String> pathOf(String regionCode);
}
