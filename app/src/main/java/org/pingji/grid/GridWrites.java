package org.pingji.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pingji.grid.GridManagement.HouseholdKey;
import org.pingji.grid.GridManagement.NewGridWorker;
import org.pingji.grid.GridManagement.NewPlace;
import org.pingji.grid.GridManagement.NewRegion;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Bulk creation of regions, places, households and grid workers with COPY, keeping the roll-ups. */
@Component
class GridWrites {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RegionTree tree;
    private final RegionStats stats;

    GridWrites(JdbcClient jdbc, DataSource dataSource, RegionTree tree, RegionStats stats) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tree = tree;
        this.stats = stats;
    }

    Map<HouseholdKey, Long> ensureHouseholds(Map<HouseholdKey, String> addressByKey) {
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

    /** Creates regions top-down with their paths and empty roll-ups. */
    void createRegions(List<NewRegion> regions) {
        Map<String, String> paths = new HashMap<>();
        var rows = new PgCopy.Rows();
        var statRows = new PgCopy.Rows();
        Map<String, Long> microGrids = new HashMap<>();
        for (NewRegion r : regions) {
            if (r.code() == null
                    || r.code().length() != r.level().codeLength()
                    || !r.code().chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("%s级区域编码 %s 须为 %d 位数字"
                        .formatted(r.level().label(), r.code(), r.level().codeLength()));
            }
            String parentPath = "/";
            if (r.parentCode() != null) {
                parentPath = paths.containsKey(r.parentCode())
                        ? paths.get(r.parentCode())
                        : tree.find(r.parentCode())
                                .map(Region::path)
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "区域 %s 的上级 %s 不存在".formatted(r.code(), r.parentCode())));
                if (!r.code().startsWith(r.parentCode())) {
                    throw new IllegalArgumentException("区域编码 %s 须以上级编码 %s 开头".formatted(r.code(), r.parentCode()));
                }
            } else if (r.level() != RegionLevel.COUNTY) {
                throw new IllegalArgumentException(
                        "%s级区域 %s 须有上级".formatted(r.level().label(), r.code()));
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
            statRows.field(r.code()).end();
            if (r.level() == RegionLevel.MICRO_GRID) {
                microGrids.put(r.code(), 1L);
            }
        }
        PgCopy.copy(dataSource, "grid.regions (code, name, level, parent_code, path, boundary)", rows);
        PgCopy.copy(dataSource, "grid.region_stats (code)", statRows);
        tree.reload();
        stats.adjust("micro_grids", microGrids);
    }

    /** Creates places and updates the roll-ups; returns their ids in order. */
    long[] addPlaces(List<NewPlace> places) {
        if (places.isEmpty()) {
            return new long[0];
        }
        long[] ids = allocateIds("grid.places_id_seq", places.size());
        var rows = new PgCopy.Rows();
        Map<PlaceKind, Map<String, Long>> counts = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            NewPlace p = places.get(i);
            Region grid = tree.microGrid(p.microGridCode());
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
        counts.forEach((kind, byGrid) -> stats.adjust(kind.statsColumn(), byGrid));
        return ids;
    }

    /** Registers grid workers and their micro-grids; counts each worker once per region. */
    void registerGridWorkers(List<NewGridWorker> workers) {
        long[] ids = allocateIds("grid.grid_workers_id_seq", workers.size());
        var rows = new PgCopy.Rows();
        var assignments = new PgCopy.Rows();
        Map<String, Long> perRegion = new HashMap<>();
        for (int i = 0; i < workers.size(); i++) {
            NewGridWorker w = workers.get(i);
            if (w.microGridCodes().isEmpty()) {
                throw new IllegalArgumentException("网格员 %s 须至少负责一个微网格".formatted(w.username()));
            }
            rows.field(ids[i])
                    .field(w.username())
                    .field(w.name())
                    .field(w.employment().name())
                    .end();
            var regionsOfWorker = new java.util.HashSet<String>();
            for (String code : w.microGridCodes()) {
                Region grid = tree.microGrid(code);
                assignments.field(ids[i]).field(code).field(grid.path()).end();
                tree.lineage(grid).forEach(r -> regionsOfWorker.add(r.code()));
            }
            regionsOfWorker.forEach(code -> perRegion.merge(code, 1L, Long::sum));
        }
        PgCopy.copy(dataSource, "grid.grid_workers (id, username, name, employment)", rows);
        PgCopy.copy(dataSource, "grid.grid_worker_assignments (worker_id, micro_grid_code, path)", assignments);
        stats.updateStats("grid_workers", perRegion);
    }

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
}
