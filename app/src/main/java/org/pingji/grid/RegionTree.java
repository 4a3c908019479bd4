package org.pingji.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.JurisdictionDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The region hierarchy held in memory (a county has a few thousand regions), reloaded after
 * every change. Answers path, parent and children questions without a query.
 */
@Component
class RegionTree implements JurisdictionDirectory {

    private record Snapshot(Map<String, Region> byCode, Map<String, List<Region>> children) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    RegionTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    synchronized void reload() {
        List<Region> all = jdbc.sql("select code, name, level, parent_code, path from grid.regions order by path")
                .query((rs, n) -> new Region(
                        rs.getString(1),
                        rs.getString(2),
                        RegionLevel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        Map<String, Region> byCode = new HashMap<>(all.size() * 2);
        Map<String, List<Region>> children = new HashMap<>();
        for (Region r : all) {
            byCode.put(r.code(), r);
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
        snapshot = new Snapshot(Map.copyOf(byCode), Map.copyOf(children));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }

    Optional<Region> find(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(current().byCode().get(code.trim()));
    }

    Region get(String code) {
        return find(code).orElseThrow(() -> new RegionNotFound(code));
    }

    List<Region> children(String code) {
        return current().children().getOrDefault(code, List.of());
    }

    /** The region and all its ancestors, county first. */
    List<Region> lineage(Region region) {
        List<Region> lineage = new ArrayList<>();
        for (Region r = region; r != null; r = r.parentCode() == null ? null : get(r.parentCode())) {
            lineage.addFirst(r);
        }
        return lineage;
    }

    /** The micro-grid with the code; anything else is refused. */
    Region microGrid(String code) {
        Region region = find(code).orElseThrow(() -> new IllegalArgumentException("未知的微网格编码 " + code));
        if (region.level() != RegionLevel.MICRO_GRID) {
            throw new IllegalArgumentException(
                    "区域 %s 是%s，不是微网格".formatted(code, region.level().label()));
        }
        return region;
    }

    int size() {
        return current().byCode().size();
    }

    @Override
    public Optional<String> pathOf(String regionCode) {
        return find(regionCode).map(Region::path);
    }
}
