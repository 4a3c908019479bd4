package org.pingji.command;

import java.util.List;
import org.pingji.grid.RegionMap;

/**
 * A GeoJSON FeatureCollection of the region's children (the region itself for a micro-grid);
 * each feature's properties carry {@code value}, the chosen metric (null when unavailable).
 */
public record MapView(
        String type,
        String metric,
        String label,
        String unit,
        boolean available,
        String regionCode,
        String regionName,
        String level,
        Double min,
        Double max,
        List<RegionMap.Feature> features) {}
