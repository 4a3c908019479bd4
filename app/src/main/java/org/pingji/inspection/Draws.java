package org.pingji.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.inspection.DrawPlanner.Candidate;
import org.pingji.inspection.DrawPlanner.Inputs;
import org.pingji.inspection.DrawPlanner.Pick;
import org.pingji.inspection.InspectionManagement.DrawPick;
import org.pingji.inspection.InspectionManagement.DrawView;
import org.pingji.inspection.InspectionManagement.Replay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Draws archived with their seed, parameters and the hash of the directory snapshot they read;
 * a replay reads the directory as it was at the draw (inspections recorded before it) and runs
 * the planner again.
 */
@Component
class Draws {

    private static final double[] RISK_WEIGHTS = {0, 1, 2, 4, 8};

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final JdbcTemplate batch;

    Draws(JdbcClient jdbc, JdbcTemplate batch, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.directory = directory;
        this.clock = clock;
    }

    record Parameters(String category, String zone, double share, long seed, String path) {
        String text() {
            return "v1|%s|%s|%s|%d|%s".formatted(category, zone, Double.toString(share), seed, path);
        }
    }

    /** The planner's inputs as the directory was at {@code asOf}. */
    Inputs inputs(Parameters p, Instant asOf) {
        List<Candidate> candidates = new ArrayList<>();
        Timestamp at = Timestamp.from(asOf);
        jdbc.sql(
                        """
                        select e.id, e.risk_class, e.complaints,
                               (select count(*) from inspection.findings f join inspection.inspections i on i.id = f.inspection_id
                                where f.entity_id = e.id and i.recorded_at < :asOf)
                        from inspection.entities e
                        where e.path like :path and e.state <> 'CLOSED'
                          and (cast(:zone as text) is null or e.zone_code = :zone)
                          and (cast(:category as text) is null or e.category = :category)""")
                .param("asOf", at)
                .param("path", p.path() + "%")
                .param("zone", p.zone())
                .param("category", p.category())
                .query(rs -> {
                    int history = Math.min(6, rs.getInt(3) + rs.getInt(4));
                    candidates.add(new Candidate(rs.getLong(1), RISK_WEIGHTS[rs.getInt(2)] * (1 + 0.5 * history)));
                });
        List<Long> pool = new ArrayList<>(directory.inspectors(p.zone()).keySet());
        Map<Long, Set<Long>> conflicts = new HashMap<>();
        jdbc.sql("select entity_id, user_id from inspection.conflicts").query(rs -> {
            conflicts.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        Map<Long, long[]> lastPairs = new HashMap<>();
        jdbc.sql(
                        """
                        select distinct on (i.entity_id) i.entity_id, i.inspectors from inspection.inspections i
                        join inspection.entities e on e.id = i.entity_id
                        where e.path like :path and i.recorded_at < :asOf
                        order by i.entity_id, i.at desc, i.id desc""")
                .param("path", p.path() + "%")
                .param("asOf", at)
                .query(rs -> {
                    Long[] ids = (Long[]) rs.getArray(2).getArray();
                    lastPairs.put(rs.getLong(1), new long[] {ids[0], ids[1]});
                });
        Set<Long> drawn = new HashSet<>();
        candidates.forEach(c -> drawn.add(c.entityId()));
        conflicts.keySet().retainAll(drawn);
        lastPairs.keySet().retainAll(drawn);
        return Inputs.of(candidates, pool, conflicts, lastPairs);
    }

    DrawView draw(Caller caller, Parameters p) {
        Instant now = Instant.now(clock);
        Inputs in = inputs(p, now);
        if (in.entityIds().length == 0) {
            throw InspectionRefused.invalid("no_candidates", "所选片区和类别中没有可抽取的督查对象");
        }
        List<Pick> picks = DrawPlanner.draw(in, p.share(), p.seed());
        String hash = in.hash(p.text());
        long id = jdbc.sql(
                        """
                        insert into inspection.draws (category, zone_code, share, seed, snapshot_hash, candidates, path, drawn_by, drawn_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        p.category(),
                        p.zone(),
                        p.share(),
                        p.seed(),
                        hash,
                        in.entityIds().length,
                        p.path(),
                        caller.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        List<Object[]> rows = new ArrayList<>(picks.size());
        for (int i = 0; i < picks.size(); i++) {
            Pick k = picks.get(i);
            rows.add(new Object[] {id, i, k.entityId(), k.inspectorA(), k.inspectorB()});
        }
        batch.batchUpdate(
                "insert into inspection.draw_picks (draw_id, position, entity_id, inspector_a, inspector_b) values (?, ?, ?, ?, ?)",
                rows);
        return view(id);
    }

    record Archived(Parameters parameters, String hash, Instant drawnAt) {}

    Archived archived(Caller caller, long id) {
        return jdbc.sql(
                        "select category, zone_code, share, seed, path, snapshot_hash, drawn_at from inspection.draws where id = ?")
                .param(id)
                .query((rs, n) -> new Archived(
                        new Parameters(
                                rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .optional()
                .filter(a -> a.parameters().path().startsWith(caller.jurisdictionPath()))
                .orElseThrow(() -> InspectionRefused.notFound("抽取记录 " + id));
    }

    /** Runs the archived draw again on the directory as it was then, and compares. */
    Replay replay(Caller caller, long id) {
        Archived a = archived(caller, id);
        // the draw saw inspections recorded before it
        Inputs in = inputs(a.parameters(), a.drawnAt());
        String hash = in.hash(a.parameters().text());
        List<Pick> again = in.entityIds().length == 0
                ? List.of()
                : DrawPlanner.draw(in, a.parameters().share(), a.parameters().seed());
        DrawView archived = view(id);
        Map<Long, String> names = new HashMap<>();
        archived.picks().forEach(p -> names.put(p.entityId(), p.entityName()));
        List<DrawPick> picks = again.stream()
                .map(p -> new DrawPick(p.entityId(), names.get(p.entityId()), List.of(p.inspectorA(), p.inspectorB())))
                .toList();
        boolean identical = picks.equals(archived.picks());
        return new Replay(
                id,
                archived.seed(),
                hash,
                archived.snapshotHash(),
                !hash.equals(archived.snapshotHash()),
                identical,
                picks);
    }

    private static final String DRAW_COLUMNS =
            "select id, category, zone_code, share, seed, snapshot_hash, candidates, drawn_by, drawn_at"
                    + " from inspection.draws";

    DrawView view(long id) {
        List<DrawPick> picks = jdbc.sql(
                        """
                        select p.entity_id, e.name, p.inspector_a, p.inspector_b from inspection.draw_picks p
                        join inspection.entities e on e.id = p.entity_id where p.draw_id = ? order by p.position""")
                .param(id)
                .query((rs, n) -> new DrawPick(rs.getLong(1), rs.getString(2), List.of(rs.getLong(3), rs.getLong(4))))
                .list();
        return jdbc.sql(DRAW_COLUMNS + " where id = ?")
                .param(id)
                .query((rs, n) -> drawView(rs, picks))
                .single();
    }

    /** An inspector's open assignment: a drawn entity not yet inspected since the draw. */
    record Assignment(long drawId, long entityId, String entityName, String category, Instant drawnAt, long partner) {}

    /** The caller's open assignments from draws of the last 30 days, newest first (at most 50). */
    List<Assignment> assignments(Caller caller) {
        return jdbc.sql(
                        """
                        select d.id, e.id, e.name, e.category, d.drawn_at,
                               case when p.inspector_a = :me then p.inspector_b else p.inspector_a end
                        from inspection.draw_picks p join inspection.draws d on d.id = p.draw_id
                        join inspection.entities e on e.id = p.entity_id
                        where (p.inspector_a = :me or p.inspector_b = :me) and e.path like :path
                          and d.drawn_at > :since and e.state <> 'CLOSED'
                          and not exists (select 1 from inspection.inspections i
                                          where i.entity_id = e.id and i.recorded_at > d.drawn_at)
                        order by d.id desc, p.position limit 50""")
                .param("me", caller.userId())
                .param("path", caller.pathPattern())
                .param("since", Timestamp.from(Instant.now(clock).minus(java.time.Duration.ofDays(30))))
                .query((rs, n) -> new Assignment(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getLong(6)))
                .list();
    }

    /** The inspector drawn with the caller for the entity, if any. */
    Long partnerOf(Caller caller, long entityId) {
        return assignments(caller).stream()
                .filter(a -> a.entityId() == entityId)
                .map(Assignment::partner)
                .findFirst()
                .orElse(null);
    }

    /** A row of {@code inspection.draws} in the column order of {@link #DRAW_COLUMNS}. */
    private static DrawView drawView(ResultSet rs, List<DrawPick> picks) throws SQLException {
        return new DrawView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                picks);
    }

    /** Recent draws of the jurisdiction, newest first, without their picks. */
    List<DrawView> recent(Caller caller) {
        return jdbc.sql(DRAW_COLUMNS + " where path like ? order by id desc limit 20")
                .param(caller.pathPattern())
                .query((rs, n) -> drawView(rs, List.of()))
                .list();
    }
}
