package org.pingji.person;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.HouseholdKey;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes checked ledger rows in one transaction: households of rows with a micro-grid are found
 * or created in the grid, households of rows imported into a higher region join that region's
 * 待分配 list, then all persons go in by {@code COPY} and the population roll-ups are adjusted.
 */
@Component
class LedgerWriter {

    /** What was written: households involved and, of them, those waiting for a micro-grid. */
    record Written(int households, int unassigned) {}

    private static final int CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final PersonCopy copy;
    private final Clock clock;

    LedgerWriter(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            GridManagement grid,
            PersonCopy copy,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.grid = grid;
        this.copy = copy;
        this.clock = clock;
    }

    /** {@code hashes[i]} is the keyed hash of {@code valid.get(i)}'s resident ID. */
    Written write(List<LedgerRows.ValidRow> valid, byte[][] hashes) {
        return transaction.execute(status -> {
            Map<HouseholdKey, String> addresses = new HashMap<>();
            Map<HouseholdKey, String> pendingAddresses = new LinkedHashMap<>();
            for (LedgerRows.ValidRow r : valid) {
                var key = new HouseholdKey(r.region().code(), r.householdKey());
                (r.unassigned() ? pendingAddresses : addresses)
                        .merge(key, r.address() == null ? "" : r.address(), (a, b) -> a.isEmpty() ? b : a);
            }
            Map<HouseholdKey, Long> households = grid.ensureHouseholds(addresses);
            Map<HouseholdKey, Long> pending = pendingHouseholds(pendingAddresses, valid);
            Map<String, Long> perRegion = new HashMap<>();
            for (int from = 0; from < valid.size(); from += CHUNK) {
                int to = Math.min(valid.size(), from + CHUNK);
                long[] ids = copy.allocateIds(to - from);
                var rows = new PgCopy.Rows();
                for (int i = from; i < to; i++) {
                    LedgerRows.ValidRow r = valid.get(i);
                    var key = new HouseholdKey(r.region().code(), r.householdKey());
                    Long household = r.unassigned() ? null : households.get(key);
                    NewPerson person =
                            new NewPerson(r.name(), null, null, r.region().code(), household, r.residence());
                    copy.appendRow(
                            rows,
                            ids[i - from],
                            person,
                            r.residentId(),
                            hashes[i],
                            r.phone(),
                            r.region(),
                            r.relation(),
                            r.unassigned() ? pending.get(key) : null);
                    perRegion.merge(r.region().code(), 1L, Long::sum);
                }
                PgCopy.copy(dataSource, PersonCopy.COLUMNS, rows);
            }
            grid.adjustPopulation(perRegion);
            return new Written(households.size() + pending.size(), pending.size());
        });
    }

    /** Open 待分配 households with these keys, found or created; their member counts grow. */
    private Map<HouseholdKey, Long> pendingHouseholds(
            Map<HouseholdKey, String> addresses, List<LedgerRows.ValidRow> valid) {
        Map<HouseholdKey, Long> ids = new HashMap<>();
        if (addresses.isEmpty()) {
            return ids;
        }
        Map<HouseholdKey, Integer> members = new HashMap<>();
        valid.stream()
                .filter(LedgerRows.ValidRow::unassigned)
                .forEach(r -> members.merge(new HouseholdKey(r.region().code(), r.householdKey()), 1, Integer::sum));
        Instant now = Instant.now(clock);
        addresses.forEach((key, address) -> {
            String path = grid.findRegion(key.microGridCode()).orElseThrow().path();
            Long id = jdbc.sql("update person.pending_households set members = members + ?"
                            + " where region_code = ? and external_key = ? and assigned_at is null returning id")
                    .params(members.get(key), key.microGridCode(), key.key())
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql(
                                    """
                                    insert into person.pending_households (region_code, path, address, external_key, members, created_at)
                                    values (?, ?, ?, ?, ?, ?) returning id""")
                            .params(
                                    key.microGridCode(),
                                    path,
                                    address.isEmpty() ? null : address,
                                    key.key(),
                                    members.get(key),
                                    java.sql.Timestamp.from(now))
                            .query(Long.class)
                            .single());
            ids.put(key, id);
        });
        return ids;
    }
}
