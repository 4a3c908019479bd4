package org.pingji.grid;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The roll-up counts per region (population, households, places, grid workers), kept by the writers. */
@Component
class RegionStats {

    private static final String STATS_COLUMNS =
            "population, households, grid_workers, micro_grids, compounds, shops, venues,"
                    + " checkpoints + collection_points + sampling_tables + quarantine_sites + warehouses";

    private final JdbcClient jdbc;
    private final RegionTree tree;

    RegionStats(JdbcClient jdbc, RegionTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** Adds per-micro-grid deltas to the column for each micro-grid and all its ancestors. */
    void adjust(String column, Map<String, Long> deltaByMicroGrid) {
        Map<String, Long> perRegion = new HashMap<>();
        deltaByMicroGrid.forEach((code, delta) -> {
            for (Region r : tree.lineage(tree.get(code))) {
                perRegion.merge(r.code(), delta, Long::sum);
            }
        });
        updateStats(column, perRegion);
    }

    void updateStats(String column, Map<String, Long> perRegion) {
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

    List<RegionSummary> summaries(List<Region> regions) {
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
}
