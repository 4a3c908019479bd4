package org.pingji.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.grid.GridManagement.Site;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of places, grid workers, sites and region boundaries (callers check the jurisdiction first). */
@Component
class PlaceReads {

    private final JdbcClient jdbc;
    private final RegionTree tree;
    private final RegionStats stats;

    PlaceReads(JdbcClient jdbc, RegionTree tree, RegionStats stats) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.stats = stats;
    }

    /** Places of one kind (or all kinds when null) in the region, a page at a time. */
    List<PlaceView> places(Region region, PlaceKind kind, int page, int size) {
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
        return query.query(PlaceReads::place).list();
    }

    /** Grid workers assigned to at least one micro-grid inside the region. */
    List<GridWorkerView> gridWorkers(Region region) {
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
    RegionMap map(Region region) {
        List<Region> shown = region.level() == RegionLevel.MICRO_GRID ? List.of(region) : tree.children(region.code());
        Map<String, RegionSummary> summaries = new HashMap<>();
        stats.summaries(shown).forEach(s -> summaries.put(s.code(), s));
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

    /** A place by id with its micro-grid path, if it exists. */
    Optional<PlaceView> place(long id) {
        return jdbc.sql("select id, kind, name, address, category, micro_grid_code from grid.places where id = ?")
                .param(id)
                .query(PlaceReads::place)
                .optional();
    }

    /** Every place of the kind inside the region (unscoped: callers check the region first). */
    List<Site> sitesIn(String regionCode, PlaceKind kind) {
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
