package org.pingji.warning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.stereotype.Component;

/** Region names for display, remembered (regions are public administrative facts). */
@Component
class RegionNames {

    private final GridManagement grid;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    RegionNames(GridManagement grid) {
        this.grid = grid;
    }

    /** The region inside the caller's jurisdiction; 404 when unknown or outside. */
    Region covered(Caller caller, String code) {
        Region region = grid.findRegion(code == null ? "" : code).orElse(null);
        if (region == null || !caller.covers(region.path())) {
            throw WarningRefused.notFound("区域 " + code);
        }
        return region;
    }

    String name(String code) {
        return names.computeIfAbsent(
                code, c -> grid.findRegion(c).map(Region::name).orElse(c));
    }
}
