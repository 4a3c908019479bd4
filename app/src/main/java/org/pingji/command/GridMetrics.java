package org.pingji.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.grid.RegionSummary;
import org.pingji.platform.CommandMetric;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Population and households from the grid's roll-up counts (one query per parent region). */
@Configuration(proxyBeanMethods = false)
class GridMetrics {

    @Bean
    CommandMetric populationMetric(GridManagement grid) {
        return metric(grid, "population", "户籍人口", "人", RegionSummary::population);
    }

    @Bean
    CommandMetric householdsMetric(GridManagement grid) {
        return metric(grid, "households", "户数", "户", RegionSummary::households);
    }

    private static CommandMetric metric(
            GridManagement grid, String name, String label, String unit, ToLongFunction<RegionSummary> value) {
        return Figures.of(grid, name, label, unit, (caller, regions) -> {
            Map<String, Number> values = new HashMap<>();
            summaries(grid, caller, regions).forEach((code, s) -> values.put(code, value.applyAsLong(s)));
            return values;
        });
    }

    /** Summaries of the regions: siblings come from one children() call of their parent. */
    private static Map<String, RegionSummary> summaries(GridManagement grid, Caller caller, List<Region> regions) {
        Map<String, RegionSummary> result = new HashMap<>();
        Set<String> parents = new LinkedHashSet<>();
        for (Region r : regions) {
            if (r.parentCode() != null && isInside(grid, caller, r.parentCode())) {
                parents.add(r.parentCode());
            } else {
                result.put(r.code(), grid.summary(caller, r.code()));
            }
        }
        Set<String> wanted = new HashSet<>();
        regions.forEach(r -> wanted.add(r.code()));
        for (String parent : parents) {
            grid.children(caller, parent).stream()
                    .filter(s -> wanted.contains(s.code()))
                    .forEach(s -> result.put(s.code(), s));
        }
        return result;
    }

    private static boolean isInside(GridManagement grid, Caller caller, String code) {
        return grid.findRegion(code).map(p -> caller.covers(p.path())).orElse(false);
    }
}
