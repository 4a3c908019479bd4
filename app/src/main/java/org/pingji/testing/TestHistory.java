package org.pingji.testing;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's testing history as other modules ask for it: latest negative, overdue rounds. */
@Component
class TestHistory {

    private final JdbcClient jdbc;

    TestHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the person's latest negative test result was reported (pool or single), if any. */
    java.util.Optional<Instant> latestNegativeAt(long personId) {
        return jdbc.sql(
                        """
                        select max(t.resulted_at) from testing.samples s
                          join testing.tubes t on t.barcode = s.tube_barcode
                         where s.person_id = ? and t.result = 'NEGATIVE'""")
                .param(personId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(java.sql.Timestamp::toInstant);
    }

    java.util.Map<Long, Instant> latestNegativeAt(java.util.Collection<Long> personIds) {
        java.util.Map<Long, Instant> found = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        """
                        select s.person_id, max(t.resulted_at) from testing.samples s
                          join testing.tubes t on t.barcode = s.tube_barcode
                         where s.person_id = any(?) and t.result = 'NEGATIVE' group by s.person_id""")
                .param(personIds.toArray(Long[]::new))
                .query(rs -> {
                    if (rs.getTimestamp(2) != null) {
                        found.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    }
                });
        return found;
    }

    /**
     * Open, non-drill rounds past their deadline whose area holds the person's micro-grid path and
     * that have neither a sample nor a recorded absence of the person.
     */
    List<TestingManagement.Overdue> overdue(long personId, String path, Instant at) {
        return jdbc.sql(
                        """
                        select r.id, r.name, r.deadline from testing.rounds r
                         where r.status = 'OPEN' and not r.drill and r.deadline < ?
                           and exists (select 1 from testing.round_areas a
                                        where a.round_id = r.id and ? like a.path || '%')
                           and not exists (select 1 from testing.samples s
                                            where s.round_id = r.id and s.person_id = ?)
                           and not exists (select 1 from testing.absences b
                                            where b.round_id = r.id and b.person_id = ?)""")
                .params(java.sql.Timestamp.from(at), path, personId, personId)
                .query((rs, n) -> new TestingManagement.Overdue(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
