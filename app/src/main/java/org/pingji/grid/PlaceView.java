package org.pingji.grid;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A place as listed: its kind, name, address, category and micro-grid, and its printable
 * {@link PlaceCode} (场所码).
 */
public record PlaceView(long id, PlaceKind kind, String name, String address, String category, String microGridCode) {

    /** The place's printable code (场所码), e.g. for venue check-ins. */
    @JsonProperty("placeCode")
    public String placeCode() {
        return PlaceCode.of(id);
    }
}
