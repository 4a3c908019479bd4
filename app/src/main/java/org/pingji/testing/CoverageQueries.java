package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage (应检尽检), recall lists and not-yet-sampled lists of a round for a region. Counts come
 * from the per-micro-grid counters the writers keep and from the grid's population roll-ups,
 * so coverage never scans samples or people.
 */
@Component
class CoverageQueries {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final PersonDirectory persons;
    private final Clock clock;

    CoverageQueries(JdbcClient jdbc, GridManagement grid, PersonDirectory persons, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.persons = persons;
        this.clock = clock;
    }

    /** The parts of the round's area inside the region (the region itself or areas below it). */
    private List<Region> coveredParts(long roundId, Region region) {
        return coveredParts(areas(roundId), region);
    }

    /** The regions a round was opened over. */
    private List<Region> areas(long roundId) {
        return jdbc
                .sql("select region_code from testing.round_areas where round_id = ?")
                .param(roundId)
                .query(String.class)
                .list()
                .stream()
                .map(code -> grid.findRegion(code).orElseThrow())
                .toList();
    }

    private static List<Region> coveredParts(List<Region> areas, Region region) {
        List<Region> parts = new ArrayList<>();
        for (Region area : areas) {
            if (area.contains(region)) {
                parts.add(region);
            } else if (region.contains(area)) {
                parts.add(area);
            }
        }
        return parts;
    }

    Coverage coverage(Caller caller, long roundId, String regionCode) {
        return coverage(caller, roundId, List.of(regionCode)).get(regionCode);
    }

    /**
     * Coverage of several regions (typically the children shown on a map) in one pass: the
     * round's areas once, the micro-grid counters and the positive tubes each in one query
     * grouped by region, populations from one roll-up read per parent region.
     */
    Map<String, Coverage> coverage(Caller caller, long roundId, List<String> regionCodes) {
        List<Region> regions =
                regionCodes.stream().map(c -> grid.region(caller, c)).toList();
        List<Region> areas = areas(roundId);
        List<String> partCodes = new ArrayList<>();
        List<String> partPaths = new ArrayList<>();
        Map<String, Long> registered = new HashMap<>();
        Map<String, Long> population = populations(caller, regions, areas);
        for (Region region : regions) {
            registered.put(region.code(), 0L);
            for (Region part : coveredParts(areas, region)) {
                partCodes.add(region.code());
                partPaths.add(part.path());
                registered.merge(region.code(), population.get(part.code()), Long::sum);
            }
        }
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql(
                        """
                        select p.code, sum(c.sampled), sum(c.resulted), sum(c.positive)
                        from unnest(?::text[], ?::text[]) as p(code, path)
                        join testing.coverage c on c.round_id = ? and c.path like p.path || '%'
                        group by p.code""")
                .params(partCodes.toArray(String[]::new), partPaths.toArray(String[]::new), roundId)
                .query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        // Positive pools per table path, once; each region adds up the tables below it.
        Map<String, Long> poolsByPath = new HashMap<>();
        jdbc.sql(
                        """
                        select rt.path, count(*) from testing.tubes t
                        join testing.round_tables rt on rt.round_id = t.round_id and rt.table_id = t.table_id
                        where t.round_id = ? and t.result = 'POSITIVE' and t.retest_of is null group by rt.path""")
                .param(roundId)
                .query(rs -> {
                    poolsByPath.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Coverage> result = new LinkedHashMap<>();
        for (Region region : regions) {
            long[] c = counts.getOrDefault(region.code(), new long[3]);
            long pools = poolsByPath.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(region.path()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long reg = registered.get(region.code());
            long notSampled = Math.max(0, reg - c[0]);
            double ratio = reg == 0 ? 0 : Math.round(1000.0 * c[0] / reg) / 1000.0;
            result.put(
                    region.code(),
                    new Coverage(roundId, region.code(), reg, c[0], c[1], c[2], pools, notSampled, ratio));
        }
        return result;
    }

    /** Population of every part, from one roll-up read per parent region (siblings together). */
    private Map<String, Long> populations(Caller caller, List<Region> regions, List<Region> areas) {
        Map<String, Long> population = new HashMap<>();
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        for (Region region : regions) {
            for (Region part : coveredParts(areas, region)) {
                boolean parentVisible = part.parentCode() != null
                        && grid.findRegion(part.parentCode())
                                .map(p -> caller.covers(p.path()))
                                .orElse(false);
                if (parentVisible) {
                    byParent.computeIfAbsent(part.parentCode(), k -> new ArrayList<>())
                            .add(part.code());
                } else {
                    population.put(
                            part.code(), grid.summary(caller, part.code()).population());
                }
            }
        }
        byParent.forEach((parent, codes) -> grid.children(caller, parent).stream()
                .filter(s -> codes.contains(s.code()))
                .forEach(s -> population.put(s.code(), s.population())));
        return population;
    }

    List<RecallEntry> recall(Caller caller, long roundId, String regionCode) {
        caller.require(Permission.LEDGER_READ);
        Region region = grid.region(caller, regionCode);
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql(
                        """
                        select person_id, pool_barcode, reason, status, retest_barcode, created_at from testing.recalls
                        where round_id = ? and path like ? order by created_at, person_id""")
                .params(roundId, region.path() + "%")
                .query(rs -> {
                    rows.add(new Object[] {
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()
                    });
                });
        Map<Long, PersonRef> people =
                persons.byIds(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream()
                .map(r -> {
                    PersonRef p = people.get((Long) r[0]);
                    return new RecallEntry(
                            (Long) r[0],
                            p == null ? "?" : p.name(),
                            p == null ? null : p.microGridCode(),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (Instant) r[5]);
                })
                .toList();
    }

    /** Persons of the region (inside the round's area) without a sample, at most 5,000. */
    List<NotSampled> notSampled(Caller caller, long roundId, String regionCode) {
        caller.require(Permission.LEDGER_READ);
        Region region = grid.region(caller, regionCode);
        List<NotSampled> result = new ArrayList<>();
        for (Region part : coveredParts(roundId, region)) {
            Set<Long> sampled =
                    new HashSet<>(jdbc.sql("select person_id from testing.samples where round_id = ? and path like ?")
                            .params(roundId, part.path() + "%")
                            .query(Long.class)
                            .list());
            Map<Long, Object[]> absences = new HashMap<>();
            jdbc.sql(
                            """
                            select a.person_id, a.reason, a.note, a.recorded_by, a.recorded_at from testing.absences a
                            where a.round_id = ?""")
                    .param(roundId)
                    .query(rs -> {
                        absences.put(rs.getLong(1), new Object[] {
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant()
                        });
                    });
            for (PersonRef p : persons.inRegion(caller, part.path(), 200_000)) {
                if (!sampled.contains(p.id())) {
                    Object[] a = absences.get(p.id());
                    result.add(new NotSampled(
                            p.id(),
                            p.name(),
                            p.microGridCode(),
                            a == null ? null : (String) a[0],
                            a == null ? null : (String) a[1],
                            a == null ? null : (String) a[2],
                            a == null ? null : (Instant) a[3]));
                    if (result.size() >= 5_000) {
                        return result;
                    }
                }
            }
        }
        return result;
    }

    /** Records why a person of the caller's jurisdiction was not sampled (replaces an earlier reason). */
    void recordAbsence(Caller caller, long roundId, long personId, NotSampled.Reason reason, String note) {
        caller.require(Permission.LEDGER_READ);
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        if (person == null || !caller.covers(person.path())) {
            throw new TestingRefused("人员 %d 不在您的辖区".formatted(personId));
        }
        if (reason == null) {
            throw new TestingRefused("reason: 请选择未采样原因");
        }
        jdbc.sql(
                        """
                        insert into testing.absences (round_id, person_id, reason, note, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (round_id, person_id) do update set reason = excluded.reason, note = excluded.note,
                          recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .params(roundId, personId, reason.name(), note, caller.username(), Timestamp.from(Instant.now(clock)))
                .update();
    }
}
