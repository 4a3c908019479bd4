package org.pingji.grid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the grid: regions with roll-up counts, places and grid workers, all scoped. */
@RestController
@RequestMapping("/api")
@Tag(name = "Grid", description = "Regions (county to micro-grid), places and grid workers")
class GridApi {

    private final GridManagement grid;

    GridApi(GridManagement grid) {
        this.grid = grid;
    }

    @GetMapping("/regions")
    @Operation(summary = "The region at the top of the caller's jurisdiction, with its counts")
    List<RegionSummary> top(Caller caller) {
        return grid.topRegions(caller);
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "A region with its roll-up counts; 403 outside the jurisdiction, 404 if unknown")
    RegionSummary region(Caller caller, @PathVariable String code) {
        return grid.summary(caller, code);
    }

    @GetMapping("/regions/{code}/children")
    @Operation(summary = "The region's children with their roll-up counts")
    List<RegionSummary> children(Caller caller, @PathVariable String code) {
        return grid.children(caller, code);
    }

    @GetMapping("/regions/{code}/grid-workers")
    @Operation(summary = "Grid workers keeping at least one micro-grid in the region")
    List<GridWorkerView> gridWorkers(Caller caller, @PathVariable String code) {
        return grid.gridWorkers(caller, code);
    }

    @GetMapping(
            value = "/regions/{code}/map",
            produces = {"application/geo+json", "application/json"})
    @Operation(summary = "GeoJSON boundaries of the region's children (the region itself for a micro-grid) with counts")
    RegionMap map(Caller caller, @PathVariable String code) {
        return grid.map(caller, code);
    }

    @GetMapping("/places")
    @Operation(summary = "Places in a region, optionally of one kind; paged by page/size (size at most 5000)")
    List<PlaceView> places(
            Caller caller,
            @RequestParam String region,
            @RequestParam(required = false) PlaceKind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        return grid.places(caller, region, kind, page, size);
    }
}
