package org.pingji.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.HouseholdKey;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 待分配 list of a region: households imported into a region above micro-grid level, waiting
 * for its officers to assign them to micro-grids — one by one or in bulk by address prefix
 * (26号楼 → a micro-grid). Assigning creates the household in the micro-grid and moves its
 * persons and the population counts there.
 */
@Component
class PendingHouseholds {

    /** A household waiting for a micro-grid. */
    record Pending(long id, String regionCode, String address, int members, Instant created) {}

    /** What an assignment moved. */
    record Assigned(int households, int persons) implements java.io.Serializable {}

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    PendingHouseholds(JdbcClient jdbc, GridManagement grid, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    /** Open households of the region's subtree, by address; at most {@code limit}. */
    List<Pending> list(Caller caller, String regionCode, int limit) {
        caller.require(Permission.LEDGER_READ);
        Region region = grid.region(caller, regionCode);
        return jdbc.sql(
                        """
                        select id, region_code, address, members, created_at from person.pending_households
                        where path like ? and assigned_at is null order by address nulls last, id limit ?""")
                .params(region.path() + "%", Math.clamp(limit, 1, 5_000))
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Assigns the region's open households whose address starts with {@code addressPrefix} (all
     * when blank) or whose id is listed to the micro-grid, which must lie inside both the region
     * and the household's own import region.
     */
    @Transactional
    Assigned assign(Caller caller, String regionCode, String addressPrefix, List<Long> ids, String microGridCode) {
        caller.require(Permission.LEDGER_IMPORT);
        Region region = grid.region(caller, regionCode);
        Region microGrid = grid.region(caller, microGridCode);
        if (microGrid.level() != RegionLevel.MICRO_GRID || !region.contains(microGrid)) {
            throw new IllegalArgumentException("microGrid: %s 不是「%s」内的微网格".formatted(microGridCode, region.name()));
        }
        boolean byIds = ids != null && !ids.isEmpty();
        String prefix = addressPrefix == null ? "" : addressPrefix.trim();
        List<Object[]> chosen = jdbc.sql(
                        """
                        select id, region_code, external_key, coalesce(address, '') from person.pending_households
                        where path like ? and assigned_at is null and ? like path || '%'
                          and (case when ? then id = any(?) else coalesce(address, '') like ? end)
                        order by id for update""")
                .params(
                        region.path() + "%",
                        microGrid.path(),
                        byIds,
                        byIds ? ids.toArray(Long[]::new) : new Long[0],
                        PersonManagement.escapeLike(prefix) + "%")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        if (chosen.isEmpty()) {
            return new Assigned(0, 0);
        }
        Map<HouseholdKey, String> addresses = new HashMap<>();
        chosen.forEach(c -> addresses.put(new HouseholdKey(microGrid.code(), (String) c[2]), (String) c[3]));
        Map<HouseholdKey, Long> households = grid.ensureHouseholds(addresses);
        Map<String, Long> delta = new HashMap<>();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int persons = 0;
        for (Object[] c : chosen) {
            long household = households.get(new HouseholdKey(microGrid.code(), (String) c[2]));
            int moved = jdbc.sql(
                            """
                            update person.persons set household_id = ?, micro_grid_code = ?, path = ?,
                                   pending_household_id = null where pending_household_id = ?""")
                    .params(household, microGrid.code(), microGrid.path(), c[0])
                    .update();
            jdbc.sql(
                            """
                            update person.pending_households set assigned_at = ?, micro_grid_code = ?, household_id = ?
                            where id = ?""")
                    .params(now, microGrid.code(), household, c[0])
                    .update();
            delta.merge((String) c[1], (long) -moved, Long::sum);
            delta.merge(microGrid.code(), (long) moved, Long::sum);
            persons += moved;
        }
        grid.adjustPopulation(delta);
        access.audit(
                caller,
                "HOUSEHOLDS_ASSIGNED",
                "REGION",
                microGrid.code(),
                "%d households, %d persons from %s (address prefix '%s')"
                        .formatted(chosen.size(), persons, region.code(), byIds ? "ids" : prefix));
        return new Assigned(chosen.size(), persons);
    }
}
