package org.pingji.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessRefused;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.Region;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of the population ledger. Every method that lists or reads people takes the
 * {@link Caller} and returns only what lies in their jurisdiction.
 */
@Service
public class PersonManagement {

    static final String ROW_COLUMNS =
            "p.id, p.name, p.id_masked, p.sex, extract(year from p.birth_date)::int, p.phone_masked, p.micro_grid_code,"
                    + " p.household_id, p.residence";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final GridManagement grid;
    private final AccessManagement access;
    private final PersonalDataVault vault;
    private final PersonCopy copy;
    private final Clock clock;

    PersonManagement(
            JdbcClient jdbc,
            DataSource dataSource,
            GridManagement grid,
            AccessManagement access,
            PersonalDataVault vault,
            PersonCopy copy,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.grid = grid;
        this.access = access;
        this.vault = vault;
        this.copy = copy;
        this.clock = clock;
    }

    /**
     * One page of the persons in a region, ordered by micro-grid then registration. The total
     * comes from the region's roll-up, so a page costs one index range scan.
     */
    public PersonPage persons(Caller caller, String regionCode, int page, int size) {
        return persons(caller, regionCode, page, size, null);
    }

    /**
     * Like {@link #persons(Caller, String, int, int)}, but with a cursor from an earlier page's
     * {@code nextCursor} it continues right after that page's last row (keyset paging: as fast at
     * the millionth row as at the first); the page number is then ignored.
     */
    public PersonPage persons(Caller caller, String regionCode, int page, int size, String cursor) {
        caller.require(Permission.LEDGER_READ);
        var summary = grid.summary(caller, regionCode);
        Region region = grid.region(caller, regionCode);
        int limit = Math.clamp(size, 1, 500);
        int pageNo = Math.max(0, page);
        List<Object[]> found;
        if (cursor == null || cursor.isBlank()) {
            found = jdbc.sql(
                            "select p.path, " + ROW_COLUMNS
                                    + " from person.persons p where p.path like ? and p.merged_into is null order by p.path, p.id limit ? offset ?")
                    .params(region.path() + "%", limit, (long) pageNo * limit)
                    .query(PersonManagement::rowWithPath)
                    .list();
        } else {
            String[] after = decodeCursor(cursor);
            found = jdbc.sql("select p.path, " + ROW_COLUMNS
                            + " from person.persons p where p.path like ? and p.merged_into is null and (p.path, p.id) > (?, ?)"
                            + " order by p.path, p.id limit ?")
                    .params(region.path() + "%", after[0], Long.parseLong(after[1]), limit)
                    .query(PersonManagement::rowWithPath)
                    .list();
        }
        List<PersonRow> rows = found.stream().map(r -> (PersonRow) r[1]).toList();
        String next = found.size() < limit
                ? null
                : encodeCursor((String) found.getLast()[0], rows.getLast().id());
        return new PersonPage(rows, summary.population(), pageNo, limit, next);
    }

    private static Object[] rowWithPath(ResultSet rs, int n) throws SQLException {
        return new Object[] {
            rs.getString(1),
            new PersonRow(
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getString(7),
                    rs.getString(8),
                    (Long) rs.getObject(9),
                    ResidenceKind.valueOf(rs.getString(10)))
        };
    }

    static String encodeCursor(String path, long id) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((path + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String[] decodeCursor(String cursor) {
        try {
            String[] parts = new String(
                            java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\\|");
            Long.parseLong(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor: 无效的分页游标");
        }
    }

    /** Members of a household inside the caller's jurisdiction. */
    public List<PersonRow> householdMembers(Caller caller, long householdId) {
        caller.require(Permission.LEDGER_READ);
        return jdbc.sql("select " + ROW_COLUMNS
                        + " from person.persons p where p.household_id = ? and p.path like ? and p.merged_into is null"
                        + " order by p.birth_date")
                .params(householdId, caller.pathPattern())
                .query(PersonManagement::row)
                .list();
    }

    /**
     * Finds persons in the jurisdiction by full resident ID, by 11-digit phone, or by name
     * prefix (at most 100).
     */
    public List<PersonRow> search(Caller caller, String query) {
        caller.require(Permission.LEDGER_READ);
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        String upper = q.toUpperCase(java.util.Locale.ROOT);
        if (upper.length() == 18 && upper.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return jdbc.sql("select " + ROW_COLUMNS
                            + " from person.persons p where p.id_hash = ? and p.path like ? and p.merged_into is null")
                    .params(vault.hash(upper), caller.pathPattern())
                    .query(PersonManagement::row)
                    .list();
        }
        if (q.length() == 11 && q.chars().allMatch(Character::isDigit)) {
            return jdbc.sql("select " + ROW_COLUMNS
                            + " from person.persons p where p.phone_hash = ? and p.path like ? and p.merged_into is null"
                            + " order by p.id limit 100")
                    .params(vault.hash(q), caller.pathPattern())
                    .query(PersonManagement::row)
                    .list();
        }
        return jdbc.sql("select " + ROW_COLUMNS
                        + " from person.persons p where p.name like ? and p.path like ? and p.merged_into is null"
                        + " order by p.name, p.id limit 100")
                .params(escapeLike(q) + "%", caller.pathPattern())
                .query(PersonManagement::row)
                .list();
    }

    /** A ledger person holding a phone number, for matching phone lists to persons. */
    public record PhoneHolder(String phone, long personId, String microGridCode, String path) {}

    /**
     * Persons in the caller's jurisdiction whose phone is one of {@code phones} (normalised 11-digit
     * numbers, looked up by keyed hash); a phone held by several persons maps to each of them.
     */
    public List<PhoneHolder> findByPhones(Caller caller, java.util.Collection<String> phones) {
        caller.require(Permission.LEDGER_READ);
        List<PhoneHolder> found = new java.util.ArrayList<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(phones));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + 500));
            Map<java.nio.ByteBuffer, String> byHash = new java.util.HashMap<>();
            List<Object> params = new java.util.ArrayList<>();
            for (String phone : batch) {
                byte[] hash = vault.hash(phone);
                byHash.put(java.nio.ByteBuffer.wrap(hash), phone);
                params.add(hash);
            }
            params.add(caller.pathPattern());
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            jdbc.sql(
                            "select p.phone_hash, p.id, p.micro_grid_code, p.path from person.persons p where p.phone_hash in ("
                                    + marks + ") and p.path like ? and p.merged_into is null order by p.id")
                    .params(params)
                    .query((rs, n) -> new PhoneHolder(
                            byHash.get(java.nio.ByteBuffer.wrap(rs.getBytes(1))),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4)))
                    .list()
                    .forEach(found::add);
        }
        return found;
    }

    /** Encrypts a phone number for storage by another module (AES-GCM with the ledger's key). */
    public byte[] sealPhone(String phone) {
        return vault.encrypt(phone);
    }

    /** Decrypts what {@link #sealPhone} returned; callers audit the read. */
    public String openPhone(byte[] sealed) {
        return vault.decrypt(sealed);
    }

    /** A person's ledger entry (masked); 404 outside the jurisdiction. Audited. */
    public PersonDetail person(Caller caller, long id) {
        caller.require(Permission.LEDGER_READ);
        PersonDetail detail = jdbc.sql(
                        """
                        select p.id, p.name, p.id_masked, p.birth_date, p.sex, p.phone_masked, p.micro_grid_code,
                               p.household_id, p.residence, p.created_at
                        from person.persons p where p.id = ? and p.path like ?""")
                .params(id, caller.pathPattern())
                .query((rs, n) -> new PersonDetail(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        (Long) rs.getObject(8),
                        ResidenceKind.valueOf(rs.getString(9)),
                        rs.getTimestamp(10).toInstant()))
                .optional()
                .orElseThrow(() -> new PersonNotFound(id));
        access.audit(caller, "PERSON_READ", "PERSON", Long.toString(id), null);
        return detail;
    }

    /** The full resident ID and phone, for roles allowed to see them. Audited. */
    public record Unmasked(String residentId, String phone) {}

    /** Reveals a person's resident ID and phone; requires {@link Permission#UNMASK}; audited. */
    public Unmasked unmask(Caller caller, long id) {
        caller.require(Permission.UNMASK);
        Unmasked unmasked = jdbc.sql("select id_cipher, phone_cipher from person.persons where id = ? and path like ?")
                .params(id, caller.pathPattern())
                .query((rs, n) -> new Unmasked(
                        rs.getBytes(1) == null ? null : vault.decrypt(rs.getBytes(1)),
                        rs.getBytes(2) == null ? null : vault.decrypt(rs.getBytes(2))))
                .optional()
                .orElseThrow(() -> new PersonNotFound(id));
        access.audit(caller, "PERSON_UNMASK", "PERSON", Long.toString(id), "resident ID and phone shown");
        return unmasked;
    }

    /**
     * Registers one person in a micro-grid of the caller's jurisdiction.
     *
     * @throws IllegalArgumentException naming the field when a value is invalid or the ID exists
     */
    @Transactional
    public long register(Caller caller, NewPerson person) {
        caller.require(Permission.LEDGER_IMPORT);
        Region microGrid = grid.requireMicroGrid(person.microGridCode());
        caller.requireCovers(microGrid.path(), "微网格 " + microGrid.code());
        if (person.householdId() != null
                && grid.place(person.householdId())
                        .filter(p -> p.kind() == PlaceKind.HOUSEHOLD
                                && p.microGridCode().equals(microGrid.code()))
                        .isEmpty()) {
            throw new IllegalArgumentException("户 %d 不在微网格 %s 中".formatted(person.householdId(), microGrid.code()));
        }
        ResidentId rid = ResidentId.parse(person.residentId(), LocalDate.now(clock));
        if (existsResidentId(rid.value())) {
            throw new IllegalArgumentException("身份证号 %s 已登记".formatted(rid.masked()));
        }
        return bulkRegister(List.of(person))[0];
    }

    /**
     * Registers someone who is not in the ledger where they turn up (a sampling table, a
     * checkpoint): as a non-resident of that micro-grid, for staff whose role works with people on
     * site ({@link Permission#SAMPLE}) or keeps the ledger. The ID is validated like any other;
     * the registration is audited so the grid worker can follow up.
     */
    @Transactional
    public long registerOnSite(Caller caller, String name, String residentId, String phone, String microGridCode) {
        if (!caller.can(Permission.SAMPLE) && !caller.can(Permission.LEDGER_IMPORT)) {
            throw new AccessRefused(
                    "无权执行：登记人员（须有%s或%s权限）".formatted(Permission.SAMPLE.action(), Permission.LEDGER_IMPORT.action()));
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("name: 请填写姓名（不超过50个字）");
        }
        Region microGrid = grid.requireMicroGrid(microGridCode);
        caller.requireCovers(microGrid.path(), "微网格 " + microGridCode);
        ResidentId rid = ResidentId.parse(residentId, LocalDate.now(clock));
        if (existsResidentId(rid.value())) {
            throw new IllegalArgumentException("身份证号 %s 已登记".formatted(rid.masked()));
        }
        long id = bulkRegister(
                List.of(new NewPerson(name, rid.value(), phone, microGridCode, null, ResidenceKind.NON_RESIDENT)))[0];
        access.audit(caller, "PERSON_REGISTERED_ON_SITE", "PERSON", Long.toString(id), "micro-grid " + microGridCode);
        return id;
    }

    /** True when a person with this resident ID is registered anywhere. */
    public boolean existsResidentId(String residentId) {
        return jdbc.sql("select exists(select 1 from person.persons where id_hash = ?)")
                .param(vault.hash(residentId.trim().toUpperCase(java.util.Locale.ROOT)))
                .query(Boolean.class)
                .single();
    }

    /**
     * Registers already-validated persons with {@code COPY} and updates the population
     * roll-ups (demo generator, bulk import). Unique resident IDs are enforced by the database.
     */
    @Transactional
    public long[] bulkRegister(List<NewPerson> persons) {
        if (persons.isEmpty()) {
            return new long[0];
        }
        LocalDate today = LocalDate.now(clock);
        long[] ids = copy.allocateIds(persons.size());
        var rows = new PgCopy.Rows();
        Map<String, Long> perGrid = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson p = persons.get(i);
            Region microGrid = grid.requireMicroGrid(p.microGridCode());
            copy.appendRow(
                    rows,
                    ids[i],
                    p,
                    ResidentId.parse(p.residentId(), today),
                    Phone.parseOptional(p.phone()),
                    microGrid);
            perGrid.merge(microGrid.code(), 1L, Long::sum);
        }
        PgCopy.copy(dataSource, PersonCopy.COLUMNS, rows);
        grid.adjustPopulation(perGrid);
        return ids;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static PersonRow row(ResultSet rs, int n) throws SQLException {
        return new PersonRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                (Long) rs.getObject(8),
                ResidenceKind.valueOf(rs.getString(9)));
    }
}
