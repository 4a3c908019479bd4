package org.pingji.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merging two ledger entries of one person found twice. The duplicate is hidden behind the
 * survivor (left out of every list and search, no longer counted), the survivor takes the ID or
 * phone it lacked, and both rows as they were are kept in a snapshot so that an undo restores
 * them exactly. Both are audited.
 */
@Component
class PersonMerges {

    /** A recorded merge as listed. */
    record Merge(
            long id,
            long survivorId,
            String survivorName,
            long duplicateId,
            String duplicateName,
            String reason,
            String mergedBy,
            Instant mergedAt,
            String undoneBy,
            Instant undoneAt) {
        @com.fasterxml.jackson.annotation.JsonProperty("undone")
        public boolean undone() {
            return undoneAt != null;
        }
    }

    static final String[] SNAPSHOT = {
        "id_hash", "id_cipher", "id_masked", "phone_hash", "phone_cipher", "phone_masked", "micro_grid_code"
    };

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final DuplicateFinder finder;
    private final JsonMapper json;
    private final Clock clock;

    PersonMerges(
            JdbcClient jdbc,
            GridManagement grid,
            AccessManagement access,
            DuplicateFinder finder,
            JsonMapper json,
            Clock clock) {
        this.json = json;
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.finder = finder;
        this.clock = clock;
    }

    /** Merges {@code duplicateId} into {@code survivorId}; they must be a pair the finder lists. */
    @Transactional
    Merge merge(Caller caller, long survivorId, long duplicateId) {
        caller.require(Permission.PERSON_MERGE);
        if (survivorId == duplicateId) {
            throw new IllegalArgumentException("survivorId: 保留的记录与合并的记录不能是同一条");
        }
        ObjectNode survivor = row(caller, survivorId);
        ObjectNode duplicate = row(caller, duplicateId);
        String reason = finder.reason(survivorId, duplicateId)
                .orElseThrow(() ->
                        new IllegalArgumentException("这两条记录（%d、%d）不是疑似重复人员，不能合并".formatted(survivorId, duplicateId)));
        boolean takeId =
                survivor.get("id_hash").isNull() && !duplicate.get("id_cipher").isNull();
        boolean takePhone = survivor.get("phone_hash").isNull()
                && !duplicate.get("phone_hash").isNull();
        jdbc.sql("update person.persons set id_hash = null, merged_into = ? where id = ?")
                .params(survivorId, duplicateId)
                .update();
        if (takeId) {
            jdbc.sql("update person.persons set id_hash = ?, id_cipher = ?, id_masked = ? where id = ?")
                    .params(
                            duplicate.get("id_hash").isNull() ? null : bytes(duplicate.get("id_hash")),
                            bytes(duplicate.get("id_cipher")),
                            duplicate.get("id_masked").asString(),
                            survivorId)
                    .update();
        }
        if (takePhone) {
            jdbc.sql("update person.persons set phone_hash = ?, phone_cipher = ?, phone_masked = ? where id = ?")
                    .params(
                            bytes(duplicate.get("phone_hash")),
                            bytes(duplicate.get("phone_cipher")),
                            duplicate.get("phone_masked").asString(),
                            survivorId)
                    .update();
        }
        ObjectNode snapshot = json.createObjectNode();
        snapshot.set("survivor", survivor);
        snapshot.set("duplicate", duplicate);
        snapshot.put("tookId", takeId);
        snapshot.put("tookPhone", takePhone);
        String duplicateGrid = duplicate.get("micro_grid_code").asString();
        grid.adjustPopulation(Map.of(duplicateGrid, -1L));
        long id = jdbc.sql(
                        """
                        insert into person.person_merges (survivor_id, duplicate_id, reason, snapshot, merged_by, merged_at)
                        values (?, ?, ?, ?::jsonb, ?, ?) returning id""")
                .params(
                        survivorId,
                        duplicateId,
                        reason,
                        snapshot.toString(),
                        caller.username(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        access.audit(
                caller,
                "PERSON_MERGED",
                "PERSON",
                Long.toString(duplicateId),
                "merge %d: into %d (%s)%s%s"
                        .formatted(
                                id, survivorId, reason, takeId ? ", ID taken" : "", takePhone ? ", phone taken" : ""));
        return get(caller, id);
    }

    /** Undoes a merge: the duplicate comes back as it was, the survivor gives back what it took. */
    @Transactional
    Merge undo(Caller caller, long mergeId) {
        caller.require(Permission.PERSON_MERGE);
        Merge merge = get(caller, mergeId);
        if (merge.undone()) {
            throw new IllegalArgumentException("合并 %d 已于此前撤销".formatted(mergeId));
        }
        JsonNode snapshot =
                json.readTree(jdbc.sql("select snapshot::text from person.person_merges where id = ? for update")
                        .param(mergeId)
                        .query(String.class)
                        .single());
        JsonNode survivor = snapshot.get("survivor");
        JsonNode duplicate = snapshot.get("duplicate");
        if (snapshot.get("tookId").asBoolean()) {
            jdbc.sql("update person.persons set id_hash = ?, id_cipher = ?, id_masked = ? where id = ?")
                    .params(
                            bytes(survivor.get("id_hash")),
                            bytes(survivor.get("id_cipher")),
                            survivor.get("id_masked").isNull()
                                    ? null
                                    : survivor.get("id_masked").asString(),
                            merge.survivorId())
                    .update();
        }
        if (snapshot.get("tookPhone").asBoolean()) {
            jdbc.sql(
                            "update person.persons set phone_hash = null, phone_cipher = null, phone_masked = null where id = ?")
                    .param(merge.survivorId())
                    .update();
        }
        jdbc.sql("update person.persons set id_hash = ?, merged_into = null where id = ?")
                .params(bytes(duplicate.get("id_hash")), merge.duplicateId())
                .update();
        grid.adjustPopulation(Map.of(duplicate.get("micro_grid_code").asString(), 1L));
        jdbc.sql("update person.person_merges set undone_by = ?, undone_at = ? where id = ?")
                .params(caller.username(), Timestamp.from(Instant.now(clock)), mergeId)
                .update();
        access.audit(
                caller,
                "PERSON_MERGE_UNDONE",
                "PERSON",
                Long.toString(merge.duplicateId()),
                "merge %d undone: %d restored beside %d".formatted(mergeId, merge.duplicateId(), merge.survivorId()));
        return get(caller, mergeId);
    }

    /** The latest merges whose survivor lies in the caller's jurisdiction (at most 50). */
    List<Merge> recent(Caller caller) {
        caller.require(Permission.LEDGER_READ);
        return jdbc.sql(SELECT + " where s.path like ? order by m.merged_at desc, m.id desc limit 50")
                .param(caller.pathPattern())
                .query(PersonMerges::merge)
                .list();
    }

    Merge get(Caller caller, long mergeId) {
        return jdbc.sql(SELECT + " where m.id = ? and s.path like ?")
                .params(mergeId, caller.pathPattern())
                .query(PersonMerges::merge)
                .optional()
                .orElseThrow(() -> new VisitNotFound("合并记录 %d 不存在或不在您的辖区".formatted(mergeId)));
    }

    private static final String SELECT =
            """
            select m.id, m.survivor_id, s.name, m.duplicate_id, d.name, m.reason, m.merged_by, m.merged_at,
                   m.undone_by, m.undone_at
            from person.person_merges m join person.persons s on s.id = m.survivor_id
            join person.persons d on d.id = m.duplicate_id""";

    private static Merge merge(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Merge(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
    }

    /** A live person of the jurisdiction, locked, with the columns a merge may change; 404 otherwise. */
    private ObjectNode row(Caller caller, long id) {
        return jdbc.sql(
                        """
                        select id_hash, id_cipher, id_masked, phone_hash, phone_cipher, phone_masked, micro_grid_code
                        from person.persons where id = ? and path like ? and merged_into is null for update""")
                .params(id, caller.pathPattern())
                .query((rs, n) -> {
                    ObjectNode node = json.createObjectNode();
                    for (int i = 0; i < SNAPSHOT.length; i++) {
                        Object value = rs.getObject(i + 1);
                        if (value == null) {
                            node.putNull(SNAPSHOT[i]);
                        } else if (value instanceof byte[] b) {
                            node.put(SNAPSHOT[i], HexFormat.of().formatHex(b));
                        } else {
                            node.put(SNAPSHOT[i], value.toString());
                        }
                    }
                    return node;
                })
                .optional()
                .orElseThrow(() -> new VisitNotFound("人员 %d 不存在、已被合并或不在您的辖区".formatted(id)));
    }

    private static byte[] bytes(JsonNode hex) {
        return hex == null || hex.isNull() ? null : HexFormat.of().parseHex(hex.asString());
    }
}
