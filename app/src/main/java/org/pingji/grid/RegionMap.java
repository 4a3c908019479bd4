package org.pingji.grid;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

/** A GeoJSON FeatureCollection of regions with their codes, names, levels and counts. */
public record RegionMap(String type, List<Feature> features) {

    /** One region: its boundary geometry (raw GeoJSON) and properties. */
    public record Feature(String type, Map<String, Object> properties, @JsonRawValue String geometry) {}
}
