package org.pingji.command;

import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.grid.Region;

/**
 * A figure the one-map dashboard can show per region (KPI tile and map colour). Modules
 * contribute one by declaring a bean implementing this interface; the dashboard collects all of
 * them and shows an empty value, not an error, for a metric of its catalogue no bean provides.
 * A module that {@code command} itself reads (grid, testing) is covered by implementations
 * inside {@code command}, since implementing this interface there would make a cycle.
 */
public interface CommandMetric {

    /** Stable name used in {@code ?metric=} (for example {@code population}). */
    String name();

    /** Label shown to users (Chinese). */
    String label();

    /** Unit shown after the value ({@code 人}, {@code %}...). */
    String unit();

    /**
     * The value for each region the caller may see; a region missing from the answer has no value
     * (shown empty). Called with up to a few hundred regions of one level, so implementations
     * should answer them together rather than one query per region.
     */
    Map<String, Number> values(Caller caller, List<Region> regions);

    /**
     * Counts rows per region in one query, the usual way to implement {@link #values}:
     * {@code joinAndWhere} joins the regions (alias {@code p}, columns {@code code} and
     * {@code path}) to the counted rows and filters them, with {@code params} for its
     * placeholders. Regions outside the caller's jurisdiction get no value; visible regions
     * without rows get 0.
     */
    static Map<String, Number> countPerRegion(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Caller caller,
            List<Region> regions,
            String joinAndWhere,
            Object... params) {
        List<Region> visible =
                regions.stream().filter(r -> caller.covers(r.path())).toList();
        Map<String, Number> values = new java.util.HashMap<>();
        visible.forEach(r -> values.put(r.code(), 0L));
        if (visible.isEmpty()) {
            return values;
        }
        Object[] all = new Object[params.length + 2];
        all[0] = visible.stream().map(Region::code).toArray(String[]::new);
        all[1] = visible.stream().map(Region::path).toArray(String[]::new);
        System.arraycopy(params, 0, all, 2, params.length);
        jdbc.sql("select p.code, count(*) from unnest(?::text[], ?::text[]) as p(code, path) " + joinAndWhere
                        + " group by p.code")
                .params(all)
                .query(rs -> {
                    values.put(rs.getString(1), rs.getLong(2));
                });
        return values;
    }
}
