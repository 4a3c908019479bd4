package org.pingji.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of the grid module. Methods taking a {@link Caller} are scoped to the caller's
 * jurisdiction and refuse regions outside it; the others serve other modules.
 */
@Service
public class GridManagement {

    private static final String STATS_COLUMNS =
            "population, households, grid_workers, micro_grids, compounds, shops, venues,"
                    + " checkpoints + collection_points + sampling_tables + quarantine_sites + warehouses";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RegionTree tree;

    GridManagement(JdbcClient jdbc, DataSource dataSource, RegionTree tree) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tree = tree;
    }

    // ---- scoped reads -------------------------------------------------------------------

    /** The region at the top of the caller's jurisdiction, with its counts. */
    public List<RegionSummary> topRegions(Caller caller) {
        caller.require(Permission.REGION_READ);
        return tree.find(caller.jurisdictionCode())
                .map(r -> summaries(List.of(r)))
                .orElse(List.of());
    }

    /** A region inside the caller's jurisdiction. */
    public Region region(Caller caller, String code) {
        caller.require(Permission.REGION_READ);
        Region region = tree.get(code);
        caller.requireCovers(region.path(), "Region " + code);
        return region;
    }

    /** A region's counts; refused outside the jurisdiction. */
    public RegionSummary summary(Caller caller, String code) {
        return summaries(List.of(region(caller, code))).getFirst();
    }

    /** The region's children with their counts. */
    public List<RegionSummary> children(Caller caller, String code) {
        return summaries(tree.children(region(caller, code).code()));
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
        Region region = region(caller, code);
        int limit = Math.clamp(size, 1, 5000);
        long offset = (long) Math.max(0, page) * limit;
        // Two statements so that each uses its own index: (kind, path, id) or (path, kind, id).
        var query = kind == null
                ? jdbc.sql(
                                """
                                select id, kind, name, address, category, micro_grid_code from grid.places
                                where path like ? order by path, id limit ? offset ?""")
                        .params(region.path() + "%", limit, offset)
                : jdbc.sql(
                                """
                                select id, kind, name, address, category, micro_grid_code from grid.places
                                where kind = ? and path like ? order by path, id limit ? offset ?""")
                        .params(kind.name(), region.path() + "%", limit, offset);
        return query.query(GridManagement::place).list();
    }

    /** Grid workers assigned to at least one micro-grid inside the region. */
    public List<GridWorkerView> gridWorkers(Caller caller, String code) {
        Region region = region(caller, code);
        Map<Long, GridWorkerView> workers = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select w.id, w.username, w.name, w.employment, a.micro_grid_code
                        from grid.grid_worker_assignments a join grid.grid_workers w on w.id = a.worker_id
                        where a.path like ? order by w.username, a.micro_grid_code""")
                .param(region.path() + "%")
                .query(rs -> {
                    long id = rs.getLong(1);
                    var worker = workers.computeIfAbsent(id, k -> {
                        try {
                            return new GridWorkerView(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    GridWorkerView.Employment.valueOf(rs.getString(4)),
                                    new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    worker.microGridCodes().add(rs.getString(5));
                });
        return List.copyOf(workers.values());
    }

    /**
     * The boundaries of the region's children (of the region itself for a micro-grid) as GeoJSON
     * features carrying code, name, level, population and households.
     */
    public RegionMap map(Caller caller, String code) {
        Region region = region(caller, code);
        List<Region> shown = region.level() == RegionLevel.MICRO_GRID ? List.of(region) : tree.children(region.code());
        Map<String, RegionSummary> summaries = new HashMap<>();
        summaries(shown).forEach(s -> summaries.put(s.code(), s));
        Map<String, String> boundaries = new HashMap<>();
        jdbc.sql("select code, boundary::text from grid.regions where code = any(?) and boundary is not null")
                .param(shown.stream().map(Region::code).toArray(String[]::new))
                .query(rs -> {
                    boundaries.put(rs.getString(1), rs.getString(2));
                });
        List<RegionMap.Feature> features = shown.stream()
                .map(r -> {
                    RegionSummary s = summaries.get(r.code());
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("code", r.code());
                    properties.put("name", r.name());
                    properties.put("level", r.level().name());
                    properties.put("population", s.population());
                    properties.put("households", s.households());
                    return new RegionMap.Feature("Feature", properties, boundaries.get(r.code()));
                })
                .toList();
        return new RegionMap("FeatureCollection", features);
    }

    // ---- for other modules --------------------------------------------------------------

    /** The region with the code, if any (unscoped: regions are public administrative facts). */
    public Optional<Region> findRegion(String code) {
        return tree.find(code);
    }

    /** A place by id with its micro-grid path, if it exists. */
    public Optional<PlaceView> place(long id) {
        return jdbc.sql("select id, kind, name, address, category, micro_grid_code from grid.places where id = ?")
                .param(id)
                .query(GridManagement::place)
                .optional();
    }

    /** Adds {@code delta} persons per micro-grid to the population roll-ups of it and all ancestors. */
    @Transactional
    public void adjustPopulation(Map<String, Long> deltaByMicroGrid) {
        adjust("population", deltaByMicroGrid);
    }

    /** A household to find or create by its key within a micro-grid (the ledger's 户编号). */
    public record HouseholdKey(String microGridCode, String key) {}

    /**
     * Finds the households with the keys, creating the missing ones with the given address, and
     * returns their ids. Runs in the caller's transaction.
     */
    @Transactional
    public Map<HouseholdKey, Long> ensureHouseholds(Map<HouseholdKey, String> addressByKey) {
        Map<HouseholdKey, Long> ids = new HashMap<>(addressByKey.size() * 2);
        if (addressByKey.isEmpty()) {
            return ids;
        }
        List<String> grids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        addressByKey.keySet().forEach(k -> {
            grids.add(k.microGridCode());
            keys.add(k.key());
        });
        jdbc.sql(
                        """
                        select p.id, p.micro_grid_code, p.external_key from grid.places p
                        join unnest(?::text[], ?::text[]) as k(g, e) on p.micro_grid_code = k.g and p.external_key = k.e
                        where p.kind = 'HOUSEHOLD'""")
                .params(grids.toArray(String[]::new), keys.toArray(String[]::new))
                .query(rs -> {
                    ids.put(new HouseholdKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
                });
        List<NewPlace> missing = new ArrayList<>();
        List<HouseholdKey> missingKeys = new ArrayList<>();
        addressByKey.forEach((key, address) -> {
            if (!ids.containsKey(key)) {
                String name = address == null || address.isBlank() ? "户 " + key.key() : address;
                missing.add(
                        new NewPlace(PlaceKind.HOUSEHOLD, name, address, null, key.microGridCode(), null, key.key()));
                missingKeys.add(key);
            }
        });
        long[] created = addPlaces(missing);
        for (int i = 0; i < created.length; i++) {
            ids.put(missingKeys.get(i), created[i]);
        }
        return ids;
    }

    // ---- bulk creation (demo county, administration) --------------------------------------

    /** A region to create; the parent must exist or come earlier in the same call. */
    public record NewRegion(String code, String name, RegionLevel level, String parentCode, String boundaryGeoJson) {}

    /** Creates regions top-down with their paths and empty roll-ups. */
    @Transactional
    public void createRegions(List<NewRegion> regions) {
        Map<String, String> paths = new HashMap<>();
        var rows = new PgCopy.Rows();
        var stats = new PgCopy.Rows();
        Map<String, Long> microGrids = new HashMap<>();
        for (NewRegion r : regions) {
            if (r.code() == null
                    || r.code().length() != r.level().codeLength()
                    || !r.code().chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("Region code %s of level %s must be %d digits"
                        .formatted(r.code(), r.level(), r.level().codeLength()));
            }
            String parentPath = "/";
            if (r.parentCode() != null) {
                parentPath = paths.containsKey(r.parentCode())
                        ? paths.get(r.parentCode())
                        : tree.find(r.parentCode())
                                .map(Region::path)
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "Parent %s of region %s does not exist".formatted(r.parentCode(), r.code())));
                if (!r.code().startsWith(r.parentCode())) {
                    throw new IllegalArgumentException(
                            "Region code %s must extend its parent's code %s".formatted(r.code(), r.parentCode()));
                }
            } else if (r.level() != RegionLevel.COUNTY) {
                throw new IllegalArgumentException(
                        "Region %s of level %s needs a parent".formatted(r.code(), r.level()));
            }
            String path = parentPath + r.code() + "/";
            paths.put(r.code(), path);
            rows.field(r.code())
                    .field(r.name())
                    .field(r.level().name())
                    .field(r.parentCode())
                    .field(path)
                    .field(r.boundaryGeoJson())
                    .end();
            stats.field(r.code()).end();
            if (r.level() == RegionLevel.MICRO_GRID) {
                microGrids.put(r.code(), 1L);
            }
        }
        PgCopy.copy(dataSource, "grid.regions (code, name, level, parent_code, path, boundary)", rows);
        PgCopy.copy(dataSource, "grid.region_stats (code)", stats);
        tree.reload();
        adjust("micro_grids", microGrids);
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
        if (places.isEmpty()) {
            return new long[0];
        }
        long[] ids = allocateIds("grid.places_id_seq", places.size());
        var rows = new PgCopy.Rows();
        Map<PlaceKind, Map<String, Long>> counts = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            NewPlace p = places.get(i);
            Region grid = requireMicroGrid(p.microGridCode());
            rows.field(ids[i])
                    .field(p.kind().name())
                    .field(p.name())
                    .field(p.address())
                    .field(p.category())
                    .field(grid.code())
                    .field(grid.path())
                    .field(p.parentId())
                    .field(p.externalKey())
                    .end();
            counts.computeIfAbsent(p.kind(), k -> new HashMap<>()).merge(grid.code(), 1L, Long::sum);
        }
        PgCopy.copy(
                dataSource,
                "grid.places (id, kind, name, address, category, micro_grid_code, path, parent_id, external_key)",
                rows);
        counts.forEach((kind, byGrid) -> adjust(kind.statsColumn(), byGrid));
        return ids;
    }

    /** A grid worker to register: an existing user's name, employment and micro-grids. */
    public record NewGridWorker(
            String username, String name, GridWorkerView.Employment employment, List<String> microGridCodes) {}

    /** Registers grid workers and their micro-grids; counts each worker once per region. */
    @Transactional
    public void registerGridWorkers(List<NewGridWorker> workers) {
        long[] ids = allocateIds("grid.grid_workers_id_seq", workers.size());
        var rows = new PgCopy.Rows();
        var assignments = new PgCopy.Rows();
        Map<String, Long> perRegion = new HashMap<>();
        for (int i = 0; i < workers.size(); i++) {
            NewGridWorker w = workers.get(i);
            if (w.microGridCodes().isEmpty()) {
                throw new IllegalArgumentException(
                        "Grid worker %s needs at least one micro-grid".formatted(w.username()));
            }
            rows.field(ids[i])
                    .field(w.username())
                    .field(w.name())
                    .field(w.employment().name())
                    .end();
            var regionsOfWorker = new java.util.HashSet<String>();
            for (String code : w.microGridCodes()) {
                Region grid = requireMicroGrid(code);
                assignments.field(ids[i]).field(code).field(grid.path()).end();
                tree.lineage(grid).forEach(r -> regionsOfWorker.add(r.code()));
            }
            regionsOfWorker.forEach(code -> perRegion.merge(code, 1L, Long::sum));
        }
        PgCopy.copy(dataSource, "grid.grid_workers (id, username, name, employment)", rows);
        PgCopy.copy(dataSource, "grid.grid_worker_assignments (worker_id, micro_grid_code, path)", assignments);
        updateStats("grid_workers", perRegion);
    }

    /** The micro-grid with the code; anything else is refused. */
    public Region requireMicroGrid(String code) {
        Region region =
                tree.find(code).orElseThrow(() -> new IllegalArgumentException("Unknown micro-grid code " + code));
        if (region.level() != RegionLevel.MICRO_GRID) {
            throw new IllegalArgumentException("Region %s is a %s, not a micro-grid".formatted(code, region.level()));
        }
        return region;
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
        Region region = tree.get(regionCode);
        return jdbc.sql(
                        """
                        select p.id, p.kind, p.name, p.parent_id, parent.name, p.micro_grid_code, p.path
                        from grid.places p left join grid.places parent on parent.id = p.parent_id
                        where p.kind = ? and p.path like ? order by p.path, p.id""")
                .params(kind.name(), region.path() + "%")
                .query((rs, n) -> new Site(
                        rs.getLong(1),
                        PlaceKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    // ---- internals ----------------------------------------------------------------------

    private long[] allocateIds(String sequence, int n) {
        return jdbc
                .sql("select nextval(?::regclass) from generate_series(1, ?)")
                .params(sequence, n)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    /** Adds per-micro-grid deltas to the column for each micro-grid and all its ancestors. */
    private void adjust(String column, Map<String, Long> deltaByMicroGrid) {
        Map<String, Long> perRegion = new HashMap<>();
        deltaByMicroGrid.forEach((code, delta) -> {
            for (Region r : tree.lineage(tree.get(code))) {
                perRegion.merge(r.code(), delta, Long::sum);
            }
        });
        updateStats(column, perRegion);
    }

    private void updateStats(String column, Map<String, Long> perRegion) {
        if (perRegion.isEmpty()) {
            return;
        }
        String[] codes = perRegion.keySet().toArray(String[]::new);
        Long[] deltas = java.util.Arrays.stream(codes).map(perRegion::get).toArray(Long[]::new);
        jdbc.sql("update grid.region_stats s set " + column + " = s." + column + " + d.delta"
                        + " from unnest(?::text[], ?::bigint[]) as d(code, delta) where s.code = d.code")
                .params(codes, deltas)
                .update();
    }

    private List<RegionSummary> summaries(List<Region> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        Map<String, Region> byCode = new LinkedHashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        Map<String, RegionSummary> result = new HashMap<>();
        jdbc.sql("select code, " + STATS_COLUMNS + " from grid.region_stats where code = any(?)")
                .param(byCode.keySet().toArray(String[]::new))
                .query(rs -> {
                    Region r = byCode.get(rs.getString(1));
                    result.put(
                            r.code(),
                            new RegionSummary(
                                    r.code(),
                                    r.name(),
                                    r.level(),
                                    r.parentCode(),
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7),
                                    rs.getLong(8),
                                    rs.getLong(9)));
                });
        return byCode.keySet().stream().map(result::get).toList();
    }

    private static PlaceView place(ResultSet rs, int n) throws SQLException {
        return new PlaceView(
                rs.getLong(1),
                PlaceKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6));
    }
}
