package org.pingji.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-memory picture of every open round that scan validation needs: tables and their
 * samplers, tubes and their fill, who has been sampled (and how often), who is recalled, and
 * the scan ids already written. Mutated only by the scan writer thread, except the recall and
 * assignment maps (concurrent) that result processing and administration update. Rebuilt from
 * the database at start and after a failed commit.
 */
final class ScanState {

    record Table(long tableId, String name, String microGridCode, String path, Set<String> samplers) {}

    /** A person called back for another sample; a positive pool's member needs a single tube. */
    record Recall(String poolBarcode, boolean single) {}

    static final class Round {
        final long id;
        final int poolSize;
        final Instant createdAt;
        volatile boolean open = true;
        final Map<Long, Table> tables = new ConcurrentHashMap<>();
        final Map<Long, Integer> attempts = new HashMap<>();
        final Map<Long, Recall> recalled = new ConcurrentHashMap<>();

        Round(long id, int poolSize, Instant createdAt) {
            this.id = id;
            this.poolSize = poolSize;
            this.createdAt = createdAt;
        }
    }

    static final class Tube {
        final String barcode;
        final long roundId;
        final long tableId;
        final int capacity;
        final String retestOf;
        int count;
        boolean open;

        Tube(String barcode, long roundId, long tableId, int capacity, String retestOf, int count, boolean open) {
            this.barcode = barcode;
            this.roundId = roundId;
            this.tableId = tableId;
            this.capacity = capacity;
            this.retestOf = retestOf;
            this.count = count;
            this.open = open;
        }
    }

    final Map<Long, Round> rounds = new ConcurrentHashMap<>();
    /** Samplers assigned per table, shared by the table's entries in every open round. */
    final Map<Long, Set<String>> samplers = new ConcurrentHashMap<>();

    final Map<String, Tube> tubes = new HashMap<>();
    final Set<UUID> scanIds = new HashSet<>();

    Set<String> samplersOf(long tableId) {
        return samplers.computeIfAbsent(tableId, k -> ConcurrentHashMap.newKeySet());
    }

    /** Loads every open round with its tables, assignments, tubes, samples and recalls. */
    static ScanState load(JdbcClient jdbc) {
        ScanState state = new ScanState();
        jdbc.sql("select id, pool_size, created_at from testing.rounds where status = 'OPEN'")
                .query(rs -> {
                    long id = rs.getLong(1);
                    state.rounds.put(
                            id, new Round(id, rs.getInt(2), rs.getTimestamp(3).toInstant()));
                });
        jdbc.sql("select table_id, username from testing.table_assignments").query(rs -> {
            state.samplersOf(rs.getLong(1)).add(rs.getString(2));
        });
        if (state.rounds.isEmpty()) {
            return state;
        }
        Long[] open = state.rounds.keySet().toArray(Long[]::new);
        jdbc.sql(
                        "select round_id, table_id, name, micro_grid_code, path from testing.round_tables where round_id = any(?)")
                .param(open)
                .query(rs -> {
                    long tableId = rs.getLong(2);
                    state.rounds
                            .get(rs.getLong(1))
                            .tables
                            .put(
                                    tableId,
                                    new Table(
                                            tableId,
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5),
                                            state.samplersOf(tableId)));
                });
        jdbc.sql(
                        """
                        select barcode, round_id, table_id, capacity, retest_of, sample_count, status
                        from testing.tubes where round_id = any(?)""")
                .param(open)
                .query(rs -> {
                    state.tubes.put(
                            rs.getString(1),
                            new Tube(
                                    rs.getString(1),
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getInt(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    "OPEN".equals(rs.getString(7))));
                });
        jdbc.sql("select scan_id, round_id, person_id, attempt from testing.samples where round_id = any(?)")
                .param(open)
                .query(rs -> {
                    state.scanIds.add(rs.getObject(1, UUID.class));
                    state.rounds.get(rs.getLong(2)).attempts.merge(rs.getLong(3), rs.getInt(4), Math::max);
                });
        jdbc.sql(
                        """
                        select round_id, person_id, pool_barcode, reason from testing.recalls
                        where round_id = any(?) and status = 'AWAITING'""")
                .param(open)
                .query(rs -> {
                    state.rounds
                            .get(rs.getLong(1))
                            .recalled
                            .put(rs.getLong(2), new Recall(rs.getString(3), "POSITIVE_POOL".equals(rs.getString(4))));
                });
        return state;
    }
}
