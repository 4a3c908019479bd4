package org.pingji.person;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.platform.CountyTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's person search: a resident ID, phone or name prefix and filters (region, sex, age
 * range, residence kind), always inside the caller's jurisdiction, one page of {@link #PAGE_SIZE}
 * rows at a time with the total, and the whole result as an audited Excel export.
 */
@Component
class PersonSearch {

    static final int PAGE_SIZE = 100;
    static final int EXPORT_LIMIT = 100_000;

    /**
     * What to look for; every part is optional. {@code query} is an 18-character resident ID, an
     * 11-digit phone or the beginning of a name; ages are whole years today, both ends included.
     */
    record Criteria(String query, String region, String sex, Integer ageFrom, Integer ageTo, ResidenceKind residence) {

        boolean isEmpty() {
            return (query == null || query.isBlank())
                    && (region == null || region.isBlank())
                    && (sex == null || sex.isBlank())
                    && ageFrom == null
                    && ageTo == null
                    && residence == null;
        }

        /** True when the query is a resident ID or a phone: such a query is never put in a URL. */
        boolean identifying() {
            String q = query == null ? "" : query.trim().toUpperCase(Locale.ROOT);
            return (q.length() == 18 && q.substring(0, 17).chars().allMatch(Character::isDigit))
                    || (q.length() == 11 && q.chars().allMatch(Character::isDigit));
        }
    }

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final PersonalDataVault vault;
    private final AccessManagement access;
    private final CountyTime time;
    private final Clock clock;

    PersonSearch(
            JdbcClient jdbc,
            GridManagement grid,
            PersonalDataVault vault,
            AccessManagement access,
            CountyTime time,
            Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.vault = vault;
        this.access = access;
        this.time = time;
        this.clock = clock;
    }

    PersonPage search(Caller caller, Criteria criteria, int page) {
        caller.require(Permission.LEDGER_READ);
        int p = Math.max(0, page);
        Where where = where(caller, criteria);
        long total = jdbc.sql("select count(*) from person.persons p where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(PAGE_SIZE);
        params.add((long) p * PAGE_SIZE);
        List<PersonRow> rows = jdbc.sql("select " + PersonManagement.ROW_COLUMNS + " from person.persons p where "
                        + where.sql() + " order by p.name, p.id limit ? offset ?")
                .params(params)
                .query(PersonManagement::row)
                .list();
        return new PersonPage(rows, total, p, PAGE_SIZE, null);
    }

    /** The whole result (up to {@link #EXPORT_LIMIT} rows) as XLSX, IDs and phones masked; audited. */
    void export(Caller caller, Criteria criteria, OutputStream out) throws IOException {
        caller.require(Permission.LEDGER_EXPORT);
        Where where = where(caller, criteria);
        List<Object> params = new ArrayList<>(where.params());
        params.add(EXPORT_LIMIT);
        List<PersonRow> rows = jdbc.sql("select " + PersonManagement.ROW_COLUMNS + " from person.persons p where "
                        + where.sql() + " order by p.name, p.id limit ?")
                .params(params)
                .query(PersonManagement::row)
                .list();
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员查询结果");
        LedgerExport.header(sheet, "姓名", "身份证号", "性别", "出生年份", "手机号", "微网格编码", "居住类型");
        int r = 1;
        for (PersonRow row : rows) {
            sheet.value(r, 0, row.name());
            sheet.value(r, 1, row.residentIdMasked());
            sheet.value(r, 2, "M".equals(row.sex()) ? "男" : "女");
            sheet.value(r, 3, row.birthYear());
            sheet.value(r, 4, row.phoneMasked() == null ? "" : row.phoneMasked());
            sheet.value(r, 5, row.microGridCode());
            sheet.value(r, 6, row.residence().label());
            r++;
        }
        workbook.finish();
        access.audit(
                caller,
                "LEDGER_EXPORT",
                "REGION",
                criteria.region() == null || criteria.region().isBlank()
                        ? caller.jurisdictionCode()
                        : criteria.region(),
                "person search %d rows".formatted(rows.size()));
    }

    private record Where(String sql, List<Object> params) {}

    private Where where(Caller caller, Criteria c) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add("p.path like ? and p.merged_into is null");
        params.add(
                c.region() == null || c.region().isBlank()
                        ? caller.pathPattern()
                        : grid.region(caller, c.region().trim()).path() + "%");
        String q = c.query() == null ? "" : c.query().trim();
        if (!q.isEmpty()) {
            String upper = q.toUpperCase(Locale.ROOT);
            if (upper.length() == 18 && upper.substring(0, 17).chars().allMatch(Character::isDigit)) {
                conditions.add("p.id_hash = ?");
                params.add(vault.hash(upper));
            } else if (q.length() == 11 && q.chars().allMatch(Character::isDigit)) {
                conditions.add("p.phone_hash = ?");
                params.add(vault.hash(q));
            } else {
                conditions.add("p.name like ?");
                params.add(PersonManagement.escapeLike(q) + "%");
            }
        }
        if ("M".equals(c.sex()) || "F".equals(c.sex())) {
            conditions.add("p.sex = ?");
            params.add(c.sex());
        }
        LocalDate today = LocalDate.now(clock.withZone(time.zone()));
        if (c.ageFrom() != null) {
            conditions.add("p.birth_date <= ?");
            params.add(today.minusYears(c.ageFrom()));
        }
        if (c.ageTo() != null) {
            conditions.add("p.birth_date > ?");
            params.add(today.minusYears(c.ageTo() + 1L));
        }
        if (c.residence() != null) {
            conditions.add("p.residence = ?");
            params.add(c.residence().name());
        }
        return new Where(String.join(" and ", conditions), params);
    }
}
