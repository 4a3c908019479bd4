package org.pingji.person;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of a household visit: changes of the members (found, away, moved out, new phone)
 * and the persons who moved in. A person who moved in with an ID registered elsewhere is recorded
 * here with the ID (sealed and masked) but without its lookup hash, and the visit names the entry
 * found elsewhere: the pair waits on the duplicates page for an officer to merge.
 */
@Component
class VisitWrites {

    /** A member's changes, validated. */
    record MemberChange(long personId, boolean found, boolean away, boolean movedOut, String newPhone) {}

    /** A validated moved-in person; {@code residentId} null when they had none at hand. */
    record Arrival(
            String name, String sex, ResidentId residentId, LocalDate birthDate, String phone, Long existingId) {}

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final GridManagement grid;
    private final Clock clock;

    VisitWrites(JdbcClient jdbc, PersonalDataVault vault, GridManagement grid, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.grid = grid;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** Checks one moved-in person ({@code n}th of the visit); 400 naming the field otherwise. */
    Arrival arrival(VisitRequest.MovedIn in, int n, LocalDate today) {
        String who = "movedIn: 迁入人员%d".formatted(n);
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException(who + "请填写姓名（不超过50个字）");
        }
        String sex = in.sex() == null ? "" : in.sex().trim().toUpperCase(Locale.ROOT);
        sex = switch (sex) {
            case "M", "男" -> "M";
            case "F", "女" -> "F";
            default -> throw new IllegalArgumentException(who + "「" + name + "」请选择性别");
        };
        String phone;
        try {
            phone = Phone.parseOptional(in.phone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + "「" + name + "」" + e.getMessage());
        }
        if (in.residentId() != null && !in.residentId().isBlank()) {
            ResidentId rid;
            try {
                rid = ResidentId.parse(in.residentId(), today);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who + "「" + name + "」" + e.getMessage());
            }
            if (!rid.sex().name().equals(sex)) {
                throw new IllegalArgumentException(who + "「" + name + "」性别与身份证号不符");
            }
            Long existing = jdbc.sql("select id from person.persons where id_hash = ?")
                    .param(vault.hash(rid.value()))
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            return new Arrival(name, sex, rid, rid.birthDate(), phone, existing);
        }
        if (in.birthDate() == null || phone == null) {
            throw new IllegalArgumentException(who + "「" + name + "」没有身份证号时须填写出生日期和手机号");
        }
        if (in.birthDate().isAfter(today) || in.birthDate().getYear() < 1900) {
            throw new IllegalArgumentException(who + "「" + name + "」出生日期 " + in.birthDate() + " 有误");
        }
        return new Arrival(name, sex, null, in.birthDate(), phone, null);
    }

    /** Applies the members' changes and records them; returns how many changes were written. */
    int applyMembers(long visitId, List<MemberChange> members) {
        int changes = 0;
        for (MemberChange m : members) {
            if (m.found()) {
                change(visitId, m.personId(), null, "FOUND", null);
            }
            if (m.away()) {
                String before = jdbc.sql("select residence from person.persons where id = ?")
                        .param(m.personId())
                        .query(String.class)
                        .single();
                jdbc.sql("update person.persons set residence = 'AWAY' where id = ?")
                        .param(m.personId())
                        .update();
                change(visitId, m.personId(), null, "AWAY", before);
                changes++;
            }
            if (m.movedOut()) {
                jdbc.sql("update person.persons set household_id = null where id = ?")
                        .param(m.personId())
                        .update();
                change(visitId, m.personId(), null, "MOVED_OUT", null);
                changes++;
            }
            if (m.newPhone() != null) {
                jdbc.sql("update person.persons set phone_hash = ?, phone_cipher = ?, phone_masked = ? where id = ?")
                        .params(
                                vault.hash(m.newPhone()),
                                vault.encrypt(m.newPhone()),
                                Phone.mask(m.newPhone()),
                                m.personId())
                        .update();
                change(visitId, m.personId(), null, "NEW_PHONE", Phone.mask(m.newPhone()));
                changes++;
            }
        }
        return changes;
    }

    /** Registers the moved-in persons in the household and counts them in the micro-grid. */
    List<Long> applyArrivals(long visitId, List<Arrival> arrivals, long householdId, Region microGrid) {
        List<Long> ids = new ArrayList<>();
        for (Arrival a : arrivals) {
            ResidentId rid = a.residentId();
            long id = jdbc.sql(
                            """
                            insert into person.persons (name, id_hash, id_cipher, id_masked, birth_date, sex,
                                phone_hash, phone_cipher, phone_masked, household_id, micro_grid_code, path, residence)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED') returning id""")
                    .params(
                            a.name(),
                            rid == null || a.existingId() != null ? null : vault.hash(rid.value()),
                            rid == null ? null : vault.encrypt(rid.value()),
                            rid == null ? null : rid.masked(),
                            Date.valueOf(a.birthDate()),
                            a.sex(),
                            a.phone() == null ? null : vault.hash(a.phone()),
                            a.phone() == null ? null : vault.encrypt(a.phone()),
                            a.phone() == null ? null : Phone.mask(a.phone()),
                            householdId,
                            microGrid.code(),
                            microGrid.path())
                    .query(Long.class)
                    .single();
            change(visitId, id, a.existingId(), "MOVED_IN", rid == null ? "无证件" : null);
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            grid.adjustPopulation(Map.of(microGrid.code(), (long) ids.size()));
        }
        return ids;
    }

    private void change(long visitId, long personId, Long existingId, String kind, String detail) {
        jdbc.sql(
                        "insert into person.visit_changes (visit_id, person_id, existing_id, kind, detail) values (?, ?, ?, ?, ?)")
                .params(visitId, personId, existingId, kind, detail)
                .update();
    }
}
