package org.pingji.command;

import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.CommandMetric;
import org.pingji.platform.Jurisdiction;

/**
 * The command module's own metrics, computed through facades that want the {@link Caller} and
 * the {@link Region}s: the dashboard passes its caller as the asker, and areas are the grid's
 * regions.
 */
final class Figures {

    /** Values of the regions, all inside the caller's jurisdiction. */
    @FunctionalInterface
    interface Values {
        Map<String, Number> of(Caller caller, List<Region> regions);
    }

    private Figures() {}

    static CommandMetric of(GridManagement grid, String name, String label, String unit, Values values) {
        return CommandMetric.of(
                name,
                label,
                unit,
                (asker, areas) -> values.of(
                        caller(asker),
                        areas.stream()
                                .filter(a -> asker.covers(a.path()))
                                .map(a -> grid.findRegion(a.code()).orElseThrow())
                                .toList()));
    }

    static CommandMetric.Area area(Region region) {
        return new CommandMetric.Area(region.code(), region.path());
    }

    private static Caller caller(Jurisdiction asker) {
        if (asker instanceof Caller caller) {
            return caller;
        }
        throw new IllegalArgumentException("Command metrics are asked by a Caller, not %s".formatted(asker));
    }
}
