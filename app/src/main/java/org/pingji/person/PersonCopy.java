package org.pingji.person;

import java.sql.Date;
import org.pingji.grid.Region;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Person rows in {@code COPY} form: ids taken from the sequence in one round trip, resident ID
 * and phone hashed, sealed and masked, never stored plain.
 */
@Component
class PersonCopy {

    static final String COLUMNS = "person.persons (id, name, id_hash, id_cipher, id_masked, birth_date, sex,"
            + " phone_hash, phone_cipher, phone_masked, household_id, micro_grid_code, path, residence,"
            + " relation, pending_household_id)";

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;

    PersonCopy(JdbcClient jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** Takes {@code n} ids from the person sequence in one round trip (for COPY, which returns none). */
    long[] allocateIds(int n) {
        return jdbc
                .sql("select nextval('person.persons_id_seq') from generate_series(1, ?)")
                .param(n)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    void appendRow(PgCopy.Rows rows, long id, NewPerson p, ResidentId rid, String phone, Region microGrid) {
        appendRow(rows, id, p, rid, vault.hash(rid.value()), phone, microGrid, null, null);
    }

    /**
     * One person; {@code region} is their micro-grid, or a region above it while their household
     * ({@code pendingHousehold}) waits for one.
     */
    void appendRow(
            PgCopy.Rows rows,
            long id,
            NewPerson p,
            ResidentId rid,
            byte[] idHash,
            String phone,
            Region region,
            String relation,
            Long pendingHousehold) {
        rows.field(id)
                .field(p.name().trim())
                .bytes(idHash)
                .bytes(vault.encrypt(rid.value()))
                .field(rid.masked())
                .field(Date.valueOf(rid.birthDate()))
                .field(rid.sex().name())
                .bytes(phone == null ? null : vault.hash(phone))
                .bytes(phone == null ? null : vault.encrypt(phone))
                .field(phone == null ? null : Phone.mask(phone))
                .field(p.householdId())
                .field(region.code())
                .field(region.path())
                .field((p.residence() == null ? ResidenceKind.REGISTERED : p.residence()).name())
                .field(relation)
                .field(pendingHousehold)
                .end();
    }
}
