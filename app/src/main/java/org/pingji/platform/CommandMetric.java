package org.pingji.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A figure the one-map dashboard can show per region (KPI tile and map colour). A module
 * contributes one by declaring a bean of this type (usually made with {@link #of} or
 * {@link #countPerRegion}); the {@code command} module collects every bean and shows an empty
 * value, not an error, for a metric of its catalogue no bean provides. The interface lives in
 * the shared kernel so that contributing a figure does not make a module depend on
 * {@code command} (ADR 0006).
 */
public interface CommandMetric {

    /** A region to answer for: its code and materialised path (ending in {@code /}). */
    record Area(String code, String path) {}

    /** Computes the values of a metric; see {@link CommandMetric#values}. */
    @FunctionalInterface
    interface Values {
        Map<String, Number> of(Jurisdiction asker, List<Area> areas);
    }

    /** Stable name used in {@code ?metric=} (for example {@code population}). */
    String name();

    /** Label shown to users (Chinese). */
    String label();

    /** Unit shown after the value ({@code 人}, {@code %}...). */
    String unit();

    /**
     * The value for each area, keyed by area code; an area missing from the answer has no value
     * (shown empty). {@code asker} is the caller of the request (the {@code access} module's
     * {@code Caller}); the dashboard passes only areas inside its jurisdiction. Called with up
     * to a few hundred areas of one level, so implementations answer them together (one query
     * grouped by area), never one query per area.
     */
    Map<String, Number> values(Jurisdiction asker, List<Area> areas);

    /** A metric computed by {@code values}. */
    static CommandMetric of(String name, String label, String unit, Values values) {
        record Metric(String name, String label, String unit, Values values) implements CommandMetric {
            @Override
            public Map<String, Number> values(Jurisdiction asker, List<Area> areas) {
                return values.of(asker, areas);
            }
        }
        return new Metric(name, label, unit, values);
    }

    /**
     * A metric counting rows per area in one query: {@code joinAndWhere} joins the areas (alias
     * {@code p}, columns {@code code} and {@code path}) to the counted rows and filters them,
     * with {@code params} (asked for at each call, so they may depend on the time) for its
     * placeholders. Areas outside the asker's jurisdiction get no value; visible areas without
     * rows get 0.
     */
    static CommandMetric countPerRegion(
            String name, String label, String unit, JdbcClient jdbc, String joinAndWhere, Supplier<Object[]> params) {
        String sql = "select p.code, count(*) from unnest(?::text[], ?::text[]) as p(code, path) " + joinAndWhere
                + " group by p.code";
        return of(name, label, unit, (asker, areas) -> {
            List<Area> visible =
                    areas.stream().filter(a -> asker.covers(a.path())).toList();
            Map<String, Number> values = new HashMap<>();
            visible.forEach(a -> values.put(a.code(), 0L));
            if (visible.isEmpty()) {
                return values;
            }
            Object[] extra = params.get();
            Object[] all = new Object[extra.length + 2];
            all[0] = visible.stream().map(Area::code).toArray(String[]::new);
            all[1] = visible.stream().map(Area::path).toArray(String[]::new);
            System.arraycopy(extra, 0, all, 2, extra.length);
            jdbc.sql(sql).params(all).query(rs -> {
                values.put(rs.getString(1), rs.getLong(2));
            });
            return values;
        });
    }
}
