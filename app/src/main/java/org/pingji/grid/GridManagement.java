package org.pingji.grid;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of the grid module. Methods taking a {@link Caller} are scoped to the caller's
 * jurisdiction and refuse regions outside it; the others serve other modules.
 */
@Service
public class GridManagement {

    private final RegionTree tree;
    private final RegionStats stats;
    private final PlaceReads places;
    private final GridWrites writes;

    GridManagement(RegionTree tree, RegionStats stats, PlaceReads places, GridWrites writes) {
        this.tree = tree;
        this.stats = stats;
        this.places = places;
        this.writes = writes;
    }

    // ---- scoped reads -------------------------------------------------------------------

    /** The region at the top of the caller's jurisdiction, with its counts. */
    public List<RegionSummary> topRegions(Caller caller) {
        caller.require(Permission.REGION_READ);
        return tree.find(caller.jurisdictionCode())
                .map(r -> stats.summaries(List.of(r)))
                .orElse(List.of());
    }

    /** A region inside the caller's jurisdiction. */
    public Region region(Caller caller, String code) {
        caller.require(Permission.REGION_READ);
        Region region = tree.get(code);
        caller.requireCovers(region.path(), "区域 " + code);
        return region;
    }

    /** A region's counts; refused outside the jurisdiction. */
    public RegionSummary summary(Caller caller, String code) {
        return stats.summaries(List.of(region(caller, code))).getFirst();
    }

    /** The region's children with their counts. */
    public List<RegionSummary> children(Caller caller, String code) {
        return stats.summaries(tree.children(region(caller, code).code()));
    }

    /** The caller's jurisdiction as a tree down to {@code deepest}, depth first: what pickers offer. */
    public List<RegionChoice> regionTree(Caller caller, RegionLevel deepest) {
        List<RegionChoice> choices = new java.util.ArrayList<>();
        java.util.Deque<RegionChoice> stack = new java.util.ArrayDeque<>();
        Region top = region(caller, caller.jurisdictionCode());
        stack.push(new RegionChoice(top.code(), top.name(), top.level(), 0));
        while (!stack.isEmpty()) {
            RegionChoice next = stack.pop();
            choices.add(next);
            if (next.level().compareTo(deepest) < 0) {
                tree.children(next.code())
                        .reversed()
                        .forEach(c -> stack.push(new RegionChoice(c.code(), c.name(), c.level(), next.depth() + 1)));
            }
        }
        return choices;
    }

    /** The region and its ancestors that lie inside the caller's jurisdiction, top first. */
    public List<Region> breadcrumbs(Caller caller, String code) {
        return tree.lineage(region(caller, code)).stream()
                .filter(r -> caller.covers(r.path()))
                .toList();
    }

    /** Places of one kind (or all kinds when null) in the region, a page at a time. */
    public List<PlaceView> places(Caller caller, String code, PlaceKind kind, int page, int size) {
        return places.places(region(caller, code), kind, page, size);
    }

    /** Grid workers assigned to at least one micro-grid inside the region. */
    public List<GridWorkerView> gridWorkers(Caller caller, String code) {
        return places.gridWorkers(region(caller, code));
    }

    /**
     * The boundaries of the region's children (of the region itself for a micro-grid) as GeoJSON
     * features carrying code, name, level, population and households.
     */
    public RegionMap map(Caller caller, String code) {
        return places.map(region(caller, code));
    }

    // ---- for other modules --------------------------------------------------------------

    /** The region with the code, if any (unscoped: regions are public administrative facts). */
    public Optional<Region> findRegion(String code) {
        return tree.find(code);
    }

    /** A place by id with its micro-grid path, if it exists. */
    public Optional<PlaceView> place(long id) {
        return places.place(id);
    }

    /** Adds {@code delta} persons per micro-grid to the population roll-ups of it and all ancestors. */
    @Transactional
    public void adjustPopulation(Map<String, Long> deltaByMicroGrid) {
        stats.adjust("population", deltaByMicroGrid);
    }

    /** A household to find or create by its key within a micro-grid (the ledger's 户编号). */
    public record HouseholdKey(String microGridCode, String key) {}

    /**
     * Finds the households with the keys, creating the missing ones with the given address, and
     * returns their ids. Runs in the caller's transaction.
     */
    @Transactional
    public Map<HouseholdKey, Long> ensureHouseholds(Map<HouseholdKey, String> addressByKey) {
        return writes.ensureHouseholds(addressByKey);
    }

    // ---- bulk creation (demo county, administration) --------------------------------------

    /** A region to create; the parent must exist or come earlier in the same call. */
    public record NewRegion(String code, String name, RegionLevel level, String parentCode, String boundaryGeoJson) {}

    /** Creates regions top-down with their paths and empty roll-ups. */
    @Transactional
    public void createRegions(List<NewRegion> regions) {
        writes.createRegions(regions);
    }

    /** A place to create in a micro-grid. */
    public record NewPlace(
            PlaceKind kind,
            String name,
            String address,
            String category,
            String microGridCode,
            Long parentId,
            String externalKey) {}

    /** Creates places and updates the roll-ups; returns their ids in order. */
    @Transactional
    public long[] addPlaces(List<NewPlace> places) {
        return writes.addPlaces(places);
    }

    /** A grid worker to register: an existing user's name, employment and micro-grids. */
    public record NewGridWorker(
            String username, String name, GridWorkerView.Employment employment, List<String> microGridCodes) {}

    /** Registers grid workers and their micro-grids; counts each worker once per region. */
    @Transactional
    public void registerGridWorkers(List<NewGridWorker> workers) {
        writes.registerGridWorkers(workers);
    }

    /** The micro-grid with the code; anything else is refused. */
    public Region requireMicroGrid(String code) {
        return tree.microGrid(code);
    }

    /** Number of regions (the demo generator runs only on an empty grid). */
    public int regionCount() {
        return tree.size();
    }

    /** A site with its parent place (a sampling table's collection point). */
    public record Site(
            long id,
            PlaceKind kind,
            String name,
            Long parentId,
            String parentName,
            String microGridCode,
            String path) {}

    /** Every place of the kind inside the region (unscoped: callers check the region first). */
    public List<Site> sitesIn(String regionCode, PlaceKind kind) {
        return places.sitesIn(regionCode, kind);
    }
}
