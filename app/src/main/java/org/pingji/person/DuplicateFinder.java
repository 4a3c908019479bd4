package org.pingji.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons found twice, both entries in the caller's jurisdiction and neither merged: a person who
 * moved in on a visit with an ID that is registered elsewhere (同一身份证号), or two entries with
 * the same name, birth date and phone of which one has no ID. A pair an officer judged to be two
 * different persons (不是同一人) is no longer offered.
 */
@Component
class DuplicateFinder {

    static final String SAME_ID = "同一身份证号登记在两处";
    static final String SAME_NAME_BIRTH_PHONE = "姓名、出生日期、手机号相同（一方无证件）";

    /** One side of a pair as the officer compares it (masked). */
    record Entry(
            long id,
            String name,
            String residentIdMasked,
            String sex,
            LocalDate birthDate,
            String phoneMasked,
            String microGridCode,
            Long householdId) {}

    /** A pair: the earlier entry first. */
    record Pair(Entry first, Entry second, String reason) {}

    private static final String PAIRS =
            """
            select c.existing_id, c.person_id, 'ID' from person.visit_changes c
            join person.persons a on a.id = c.existing_id join person.persons b on b.id = c.person_id
            where c.kind = 'MOVED_IN' and c.existing_id is not null
              and a.merged_into is null and b.merged_into is null and a.path like ? and b.path like ?
            union
            select a.id, b.id, 'NAME' from person.persons n
            join person.persons o on o.name = n.name and o.birth_date = n.birth_date and o.phone_hash = n.phone_hash
                 and o.id <> n.id and o.merged_into is null
            cross join lateral (select least(n.id, o.id) as id) a
            cross join lateral (select greatest(n.id, o.id) as id) b
            where n.id_hash is null and n.merged_into is null and n.phone_hash is not null
              and n.path like ? and o.path like ?""";

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final Clock clock;

    DuplicateFinder(JdbcClient jdbc, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Records that the two entries of a pair are different persons: the pair is no longer offered
     * for merging. Both must be live entries of the caller's jurisdiction that form a pair (404
     * otherwise); a pair dismissed before is a conflict (409). Audited.
     */
    @Transactional
    void dismiss(Caller caller, long a, long b, String note) {
        caller.require(Permission.PERSON_MERGE);
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        int live = jdbc.sql(
                        "select count(*) from person.persons where id in (?, ?) and merged_into is null and path like ?")
                .params(low, high, caller.pathPattern())
                .query(Integer.class)
                .single();
        if (low == high || live != 2 || reason(low, high).isEmpty()) {
            throw new VisitNotFound("疑似重复人员 %d 与 %d 不存在或不在您的辖区".formatted(low, high));
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new IllegalArgumentException("note: 说明不超过200个字");
        }
        int n = jdbc.sql(
                        """
                        insert into person.distinct_pairs (low_id, high_id, note, dismissed_by, dismissed_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(low, high, text, caller.username(), Timestamp.from(Instant.now(clock)))
                .update();
        if (n != 1) {
            throw new VisitConflict("%d 与 %d 已标记为不是同一人".formatted(low, high));
        }
        access.audit(caller, "PERSON_PAIR_DISMISSED", "PERSON", low + "," + high, text);
    }

    /** The pairs of the caller's jurisdiction (at most 200), newest entries first. */
    List<Pair> pairs(Caller caller) {
        caller.require(Permission.LEDGER_READ);
        String p = caller.pathPattern();
        Map<String, long[]> pairs = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        jdbc.sql("select * from (" + PAIRS + ") x where not exists (select 1 from person.distinct_pairs d"
                        + " where d.low_id = least(x.existing_id, x.person_id)"
                        + " and d.high_id = greatest(x.existing_id, x.person_id))"
                        + " order by greatest(x.existing_id, x.person_id) desc limit 200")
                .params(p, p, p, p)
                .query(rs -> {
                    long a = Math.min(rs.getLong(1), rs.getLong(2));
                    long b = Math.max(rs.getLong(1), rs.getLong(2));
                    String key = a + "-" + b;
                    pairs.putIfAbsent(key, new long[] {a, b});
                    if ("ID".equals(rs.getString(3)) || !reasons.containsKey(key)) {
                        reasons.put(key, "ID".equals(rs.getString(3)) ? SAME_ID : SAME_NAME_BIRTH_PHONE);
                    }
                });
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        pairs.values().forEach(pair -> {
            ids.add(pair[0]);
            ids.add(pair[1]);
        });
        Map<Long, Entry> entries = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select id, name, id_masked, sex, birth_date, phone_masked, micro_grid_code, household_id
                        from person.persons where id = any(?)""")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    entries.put(
                            rs.getLong(1),
                            new Entry(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getDate(5).toLocalDate(),
                                    rs.getString(6),
                                    rs.getString(7),
                                    (Long) rs.getObject(8)));
                });
        List<Pair> result = new ArrayList<>();
        pairs.forEach(
                (key, pair) -> result.add(new Pair(entries.get(pair[0]), entries.get(pair[1]), reasons.get(key))));
        return result;
    }

    /** Why the two live entries are a pair, if they are one (either order). */
    Optional<String> reason(long a, long b) {
        boolean sameId = jdbc.sql(
                        """
                        select exists(select 1 from person.visit_changes where kind = 'MOVED_IN'
                          and ((existing_id = ? and person_id = ?) or (existing_id = ? and person_id = ?)))""")
                .params(a, b, b, a)
                .query(Boolean.class)
                .single();
        if (sameId) {
            return Optional.of(SAME_ID);
        }
        boolean same = jdbc.sql(
                        """
                        select exists(select 1 from person.persons x join person.persons y
                          on y.name = x.name and y.birth_date = x.birth_date and y.phone_hash = x.phone_hash
                          where x.id = ? and y.id = ? and (x.id_hash is null or y.id_hash is null))""")
                .params(a, b)
                .query(Boolean.class)
                .single();
        return same ? Optional.of(SAME_NAME_BIRTH_PHONE) : Optional.empty();
    }
}
