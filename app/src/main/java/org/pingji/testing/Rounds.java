package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Testing rounds: opened over regions with their sampling tables, closed, listed with their tables. */
@Component
class Rounds {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final ScanWriter writer;
    private final TestingSettings settings;
    private final Clock clock;

    Rounds(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            GridManagement grid,
            ScanWriter writer,
            TestingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.grid = grid;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens a round over regions of the caller's jurisdiction and opens every sampling table in
     * them (for a drill: the tables of {@code drillPoints} collection points drawn at random).
     *
     * @return the round's id
     */
    long openRound(Caller caller, NewRound round) {
        caller.require(Permission.ROUND_MANAGE);
        if (round.name() == null || round.name().isBlank() || round.name().length() > 100) {
            throw new TestingRefused("name: 请填写轮次名称（不超过100字）");
        }
        if (!settings.allowedPoolSizes().contains(round.poolSize())) {
            throw new TestingRefused(
                    "poolSize: 混管规格 %d 不在允许范围 %s 内".formatted(round.poolSize(), settings.allowedPoolSizes()));
        }
        Instant now = Instant.now(clock);
        if (round.deadline() == null || !round.deadline().isAfter(now)) {
            throw new TestingRefused("deadline: 截止时间须晚于当前时间");
        }
        if (round.regionCodes() == null || round.regionCodes().isEmpty()) {
            throw new TestingRefused("regionCodes: 请选择至少一个区域");
        }
        Map<String, Region> areas = new LinkedHashMap<>();
        for (String code : round.regionCodes()) {
            Region region = grid.region(caller, code);
            for (Region other : areas.values()) {
                if (other.contains(region) || region.contains(other)) {
                    throw new TestingRefused("regionCodes: 区域 %s 与 %s 重叠".formatted(code, other.code()));
                }
            }
            areas.put(code, region);
        }
        List<GridManagement.Site> tables = new ArrayList<>();
        areas.keySet().forEach(code -> tables.addAll(grid.sitesIn(code, PlaceKind.SAMPLING_TABLE)));
        if (round.drill()) {
            tables.retainAll(drillTables(tables, round.drillPoints() == null ? 11 : round.drillPoints()));
        }
        if (tables.isEmpty()) {
            throw new TestingRefused("regionCodes: 所选区域内没有采样台");
        }
        long id = transaction.execute(status -> {
            long roundId = jdbc.sql(
                            """
                            insert into testing.rounds (name, pool_size, deadline, drill, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            round.name().trim(),
                            round.poolSize(),
                            Timestamp.from(round.deadline()),
                            round.drill(),
                            caller.username(),
                            Timestamp.from(now))
                    .query(Long.class)
                    .single();
            areas.values().forEach(r -> jdbc.sql(
                            "insert into testing.round_areas (round_id, region_code, path) values (?, ?, ?)")
                    .params(roundId, r.code(), r.path())
                    .update());
            jdbc.sql(
                            """
                            insert into testing.round_tables (round_id, table_id, collection_point_id, name, micro_grid_code, path)
                            select ?, t, c, n, g, p from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                              as u(t, c, n, g, p)""")
                    .params(
                            roundId,
                            tables.stream().map(GridManagement.Site::id).toArray(Long[]::new),
                            tables.stream().map(GridManagement.Site::parentId).toArray(Long[]::new),
                            tables.stream().map(GridManagement.Site::name).toArray(String[]::new),
                            tables.stream()
                                    .map(GridManagement.Site::microGridCode)
                                    .toArray(String[]::new),
                            tables.stream().map(GridManagement.Site::path).toArray(String[]::new))
                    .update();
            return roundId;
        });
        writer.roundOpened(id, round.poolSize(), now, tables);
        return id;
    }

    private static List<GridManagement.Site> drillTables(List<GridManagement.Site> tables, int points) {
        List<Long> collectionPoints = new ArrayList<>(
                tables.stream().map(GridManagement.Site::parentId).distinct().toList());
        Collections.shuffle(collectionPoints, new Random());
        List<Long> drawn = collectionPoints.subList(0, Math.min(points, collectionPoints.size()));
        return tables.stream().filter(t -> drawn.contains(t.parentId())).toList();
    }

    /** Closes a round: no more scans are accepted; results may still arrive. */
    void closeRound(Caller caller, long roundId) {
        caller.require(Permission.ROUND_MANAGE);
        RoundView round = round(caller, roundId);
        if (!"OPEN".equals(round.status())) {
            throw new TestingRefused("检测轮次 %d 已结束".formatted(roundId));
        }
        close(roundId);
    }

    void close(long roundId) {
        jdbc.sql("update testing.rounds set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN'")
                .params(Timestamp.from(Instant.now(clock)), roundId)
                .update();
        writer.roundClosed(roundId);
    }

    /** A round whose area overlaps the caller's jurisdiction. */
    RoundView round(Caller caller, long roundId) {
        return rounds(caller, roundId).stream()
                .findFirst()
                .orElseThrow(() -> new TestingRefused("检测轮次 %d 不存在或不在您的辖区".formatted(roundId)));
    }

    /** Rounds whose area overlaps the caller's jurisdiction, newest first. */
    List<RoundView> rounds(Caller caller) {
        return rounds(caller, null);
    }

    List<RoundView> rounds(Caller caller, Long only) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select r.id, r.name, r.pool_size, r.deadline, r.drill, r.status, r.created_by, r.created_at, r.closed_at,
                          (select array_agg(a.region_code order by a.region_code) from testing.round_areas a where a.round_id = r.id),
                          (select count(*) from testing.round_tables t where t.round_id = r.id)
                        from testing.rounds r
                        where (cast(? as bigint) is null or r.id = ?)
                          and exists (select 1 from testing.round_areas a where a.round_id = r.id
                                      and (a.path like ? or ? like a.path || '%'))
                        order by r.id desc limit 200""")
                .params(only, only, caller.pathPattern(), caller.jurisdictionPath())
                .query((rs, n) -> new RoundView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        rs.getString(6),
                        List.of((String[]) rs.getArray(10).getArray()),
                        rs.getInt(11),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The tables open for a round inside the caller's jurisdiction, with their samplers. */
    List<TableView> tables(Caller caller, long roundId) {
        round(caller, roundId);
        return jdbc.sql(
                        """
                        select t.table_id, t.name, t.collection_point_id, t.micro_grid_code, t.path
                        from testing.round_tables t where t.round_id = ? and t.path like ? order by t.path, t.table_id""")
                .params(roundId, caller.pathPattern())
                .query((rs, n) -> new TableView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        collectionPointName(rs.getString(2)),
                        rs.getString(4),
                        writer.samplersAt(rs.getLong(1)).stream().sorted().toList()))
                .list();
    }

    private static String collectionPointName(String tableName) {
        int cut = tableName.lastIndexOf("采样点");
        return cut < 0 ? tableName : tableName.substring(0, cut + 3);
    }
}
