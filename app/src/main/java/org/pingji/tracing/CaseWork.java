package org.pingji.tracing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceCode;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.platform.SqlTimes;
import org.pingji.policy.Exposure;
import org.pingji.quarantine.QuarantineManagement;
import org.pingji.tracing.TracingViews.CaseView;
import org.pingji.tracing.TracingViews.ContactView;
import org.pingji.tracing.TracingViews.ItineraryEntry;
import org.pingji.tracing.TracingViews.Listed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case's itinerary and contacts. Listing a contact creates, in the same transaction, the
 * placement the edition in force requires. The facade checks the case first.
 */
@Component
class CaseWork {

    private final JdbcClient jdbc;
    private final PersonDirectory persons;
    private final GridManagement grid;
    private final QuarantineManagement quarantine;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseWork(
            JdbcClient jdbc,
            PersonDirectory persons,
            GridManagement grid,
            QuarantineManagement quarantine,
            AccessManagement access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.grid = grid;
        this.quarantine = quarantine;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    // ---- itinerary ------------------------------------------------------------------------

    /** Adds a stay of the case at a place (from, to). */
    long addItinerary(Caller caller, long caseId, long placeId, Instant from, Instant to) {
        var place = grid.place(placeId).orElseThrow(() -> new CaseNotFound("场所 %d 不存在".formatted(placeId)));
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("from/to: 离开时间须晚于到达时间");
        }
        if (to.isAfter(Instant.now(clock).plus(5, ChronoUnit.MINUTES))
                || Duration.between(from, to).toDays() > 30) {
            throw new IllegalArgumentException("from/to: 行程不能晚于当前时间，且不超过30天");
        }
        long id = jdbc.sql(
                        """
                        insert into tracing.itinerary (case_id, place_id, place_name, from_at, to_at, added_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, placeId, place.name(), Timestamp.from(from), Timestamp.from(to), caller.username())
                .query(Long.class)
                .single();
        access.audit(caller, "CASE_ITINERARY", "CASE", Long.toString(caseId), place.name());
        return id;
    }

    /** The itinerary of a case, in time order. */
    List<ItineraryEntry> itinerary(long caseId) {
        return jdbc.sql(
                        "select id, place_id, place_name, from_at, to_at from tracing.itinerary where case_id = ? order by from_at, id")
                .param(caseId)
                .query((rs, n) -> new ItineraryEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        PlaceCode.of(rs.getLong(2)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    // ---- contacts -------------------------------------------------------------------------

    /**
     * Lists a close or secondary contact of a case and, in the same transaction, creates the
     * placement the edition in force requires (or keeps the person's current one).
     *
     * @throws TracingRefused when the person is already listed for this case
     */
    Listed listContact(
            Caller caller, CaseView c, long personId, String kind, Instant exposedAt, String setting, String source) {
        long caseId = c.id();
        if (!"CLOSE".equals(kind) && !"SECONDARY".equals(kind)) {
            throw new IllegalArgumentException("kind: 须为 CLOSE（密接）或 SECONDARY（次密接）");
        }
        if (exposedAt == null || exposedAt.isAfter(Instant.now(clock).plus(5, ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("exposedAt: 请填写接触时间（不晚于当前时间）");
        }
        if (setting == null || setting.isBlank() || setting.length() > 200) {
            throw new IllegalArgumentException("setting: 请填写接触场景（不超过200字）");
        }
        if (c.personId() == personId) {
            throw new IllegalArgumentException("personId: 病例本人不能列为其密接");
        }
        PersonRef person = person(caller, personId);
        boolean listed = jdbc.sql("select exists(select 1 from tracing.contacts where case_id = ? and person_id = ?)")
                .params(caseId, personId)
                .query(Boolean.class)
                .single();
        if (listed) {
            throw new TracingRefused("%s 已列为病例 %d 的接触者".formatted(person.name(), caseId));
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql(
                        """
                        insert into tracing.contacts (case_id, person_id, person_name, path, kind, exposed_at, setting, source,
                            listed_by, listed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        caseId,
                        personId,
                        person.name(),
                        person.path(),
                        kind,
                        Timestamp.from(exposedAt),
                        setting.trim(),
                        source,
                        caller.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        Exposure exposure = kind.equals("CLOSE") ? Exposure.CLOSE_CONTACT : Exposure.SECONDARY_CONTACT;
        // The edition counts the quarantine from the (last) exposure.
        var placed = quarantine.placeFor(caller, personId, exposure, exposedAt);
        placed.ifPresent(p -> jdbc.sql("update tracing.contacts set placement_id = ? where id = ?")
                .params(p.id(), id)
                .update());
        access.audit(caller, "CONTACT_LISTED", "PERSON", Long.toString(personId), "case %d %s".formatted(caseId, kind));
        events.publishEvent(new ContactListed(caseId, personId, kind, exposedAt));
        String placementKind =
                placed.map(p -> p.room() != null ? "CENTRAL" : "HOME").orElse(null);
        return new Listed(
                id,
                placed.map(p -> p.id()).orElse(null),
                placementKind,
                placed.map(p -> p.plannedEnd()).orElse(null),
                placed.map(p -> p.room()).orElse(null));
    }

    /** The contacts of a case. */
    List<ContactView> contacts(long caseId) {
        return jdbc.sql(
                        """
                        select id, case_id, person_id, person_name, kind, exposed_at, setting, source, placement_id, cleared_at
                        from tracing.contacts where case_id = ? order by id""")
                .param(caseId)
                .query((rs, n) -> new ContactView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        (Long) rs.getObject(9),
                        SqlTimes.instant(rs, 10)))
                .list();
    }

    /** Clears a listed contact (follow-up finished, or listed in error). */
    void clearContact(Caller caller, long caseId, long personId) {
        Instant now = Instant.now(clock);
        int n = jdbc.sql(
                        "update tracing.contacts set cleared_at = ?, cleared_by = ? where case_id = ? and person_id = ?"
                                + " and cleared_at is null")
                .params(Timestamp.from(now), caller.username(), caseId, personId)
                .update();
        if (n == 0) {
            throw new CaseNotFound("人员 %d 不是病例 %d 的未解除接触者".formatted(personId, caseId));
        }
        access.audit(caller, "CONTACT_CLEARED", "PERSON", Long.toString(personId), "case " + caseId);
        events.publishEvent(new ContactCleared(caseId, personId, now));
    }

    /** A person by id without a caller (another module's finding), or null. */
    PersonRef unscoped(long personId) {
        return persons.byIds(List.of(personId)).get(personId);
    }

    /** A person of the caller's jurisdiction; absent and outside look the same (404). */
    PersonRef person(Caller caller, long personId) {
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        if (person == null || !caller.covers(person.path())) {
            throw new PersonNotFound(personId);
        }
        return person;
    }
}
