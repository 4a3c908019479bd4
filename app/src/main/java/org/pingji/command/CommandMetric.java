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
}
