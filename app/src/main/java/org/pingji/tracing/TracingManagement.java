package org.pingji.tracing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.person.PersonRef;
import org.pingji.platform.SqlTimes;
import org.pingji.tracing.TracingViews.CaseView;
import org.pingji.tracing.TracingViews.ContactView;
import org.pingji.tracing.TracingViews.ItineraryEntry;
import org.pingji.tracing.TracingViews.Listed;
import org.pingji.tracing.TracingViews.Milestone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of tracing: cases and their investigation deadlines, itineraries and contacts. Listing
 * a contact creates, in the same transaction, the placement the edition in force requires.
 * Check-ins and exposure matching are in {@link CheckIns}; chains in {@link Chains}.
 */
@Service
public class TracingManagement {

    /** The investigation's milestones, each with its deadline from the confirmation. */
    public enum Step {
        INITIAL_REPORT("初步报告（2小时）", "initial_report_at"),
        TRAJECTORY("活动轨迹（4小时）", "trajectory_at"),
        PRELIMINARY_REPORT("初步流调报告（24小时）", "preliminary_report_at");

        private final String label;
        private final String column;

        Step(String label, String column) {
            this.label = label;
            this.column = column;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;
    private final CaseWork work;
    private final AccessManagement access;
    private final ApplicationEventPublisher events;
    private final TracingSettings settings;
    private final Clock clock;

    TracingManagement(
            JdbcClient jdbc,
            CaseWork work,
            AccessManagement access,
            ApplicationEventPublisher events,
            TracingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.work = work;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- cases ----------------------------------------------------------------------------

    /**
     * Registers a case for a person of the caller's jurisdiction. A person listed as a contact of
     * an earlier case joins that case's cluster (infected by it); otherwise the case starts a
     * cluster.
     *
     * @throws TracingRefused when the person is already a case
     */
    @Transactional
    public long createCase(Caller caller, long personId, Instant confirmedAt, String classification, Instant onsetAt) {
        caller.require(Permission.TRACE);
        PersonRef person = person(caller, personId);
        if (!"CONFIRMED".equals(classification) && !"ASYMPTOMATIC".equals(classification)) {
            throw new IllegalArgumentException("classification: 须为 CONFIRMED（确诊）或 ASYMPTOMATIC（无症状感染者）");
        }
        Instant now = Instant.now(clock);
        if (confirmedAt == null || confirmedAt.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("confirmedAt: 请填写确诊时间（不晚于当前时间）");
        }
        if (onsetAt != null && onsetAt.isAfter(confirmedAt)) {
            throw new IllegalArgumentException("onsetAt: 发病时间不能晚于确诊时间");
        }
        if ("ASYMPTOMATIC".equals(classification) && onsetAt != null) {
            throw new IllegalArgumentException("onsetAt: 无症状感染者没有发病时间");
        }
        long id = insertCase(person, classification, onsetAt, confirmedAt, "MANUAL", null, caller.username())
                .orElseThrow(() -> new TracingRefused("人员 %d 已登记为病例".formatted(personId)));
        access.audit(caller, "CASE_CREATED", "PERSON", Long.toString(personId), "case " + id + " " + classification);
        return id;
    }

    /**
     * A case from another module's finding (a positive single retest), without a caller.
     * Idempotent by {@code sourceKey}; a person already a case gets no second one.
     */
    @Transactional
    public java.util.Optional<Long> createCaseFrom(
            long personId, Instant confirmedAt, String source, String sourceKey) {
        PersonRef person = work.unscoped(personId);
        if (person == null) {
            return java.util.Optional.empty();
        }
        return insertCase(person, "CONFIRMED", null, confirmedAt, source, sourceKey, "system");
    }

    private java.util.Optional<Long> insertCase(
            PersonRef person,
            String classification,
            Instant onsetAt,
            Instant confirmedAt,
            String source,
            String sourceKey,
            String by) {
        var infector = jdbc.sql(
                        """
                        select c.case_id, k.cluster_id from tracing.contacts c join tracing.cases k on k.id = c.case_id
                        where c.person_id = ? order by c.listed_at limit 1""")
                .param(person.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        long id = jdbc.sql("select nextval('tracing.cases_id_seq')")
                .query(Long.class)
                .single();
        int inserted = jdbc.sql(
                        """
                        insert into tracing.cases (id, person_id, person_name, path, classification, onset_at, confirmed_at,
                            source, source_key, cluster_id, infected_by, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        id,
                        person.id(),
                        person.name(),
                        person.path(),
                        classification,
                        onsetAt == null ? null : Timestamp.from(onsetAt),
                        Timestamp.from(confirmedAt),
                        source,
                        sourceKey,
                        infector.map(i -> i[1]).orElse(id),
                        infector.map(i -> i[0]).orElse(null),
                        by,
                        Timestamp.from(Instant.now(clock)))
                .update();
        if (inserted == 0) {
            return java.util.Optional.empty();
        }
        events.publishEvent(new CaseConfirmed(id, person.id(), classification, confirmedAt));
        return java.util.Optional.of(id);
    }

    /** Cases of the jurisdiction, newest first (at most 500). */
    public List<CaseView> cases(Caller caller) {
        caller.require(Permission.TRACE);
        return jdbc.sql(CASE_COLUMNS + " where c.path like ? order by c.id desc limit 500")
                .param(caller.pathPattern())
                .query(this::caseView)
                .list();
    }

    /** One case; 404 outside the jurisdiction. */
    public CaseView caseOf(Caller caller, long id) {
        caller.require(Permission.TRACE);
        return jdbc.sql(CASE_COLUMNS + " where c.id = ? and c.path like ?")
                .params(id, caller.pathPattern())
                .query(this::caseView)
                .optional()
                .orElseThrow(() -> new CaseNotFound("您的辖区内没有编号为 %d 的病例".formatted(id)));
    }

    /** Marks a milestone of the investigation done (once). */
    @Transactional
    public CaseView complete(Caller caller, long caseId, Step step) {
        caseOf(caller, caseId);
        int n = jdbc.sql(
                        "update tracing.cases set " + step.column + " = ? where id = ? and " + step.column + " is null")
                .params(Timestamp.from(Instant.now(clock)), caseId)
                .update();
        if (n == 0) {
            throw new TracingRefused("%s 已完成".formatted(step.label()));
        }
        access.audit(caller, "CASE_" + step.name(), "CASE", Long.toString(caseId), null);
        return caseOf(caller, caseId);
    }

    static final String CASE_COLUMNS =
            """
            select c.id, c.person_id, c.person_name, c.classification, c.onset_at, c.confirmed_at, c.source, c.cluster_id,
                   c.infected_by, c.initial_report_at, c.trajectory_at, c.preliminary_report_at,
                   (select count(*) from tracing.contacts k where k.case_id = c.id)
            from tracing.cases c""";

    private CaseView caseView(ResultSet rs, int n) throws SQLException {
        Instant confirmed = rs.getTimestamp(6).toInstant();
        Instant now = Instant.now(clock);
        List<Milestone> milestones = new ArrayList<>();
        Duration[] after = {settings.initialReport(), settings.trajectory(), settings.preliminaryReport()};
        Step[] steps = Step.values();
        for (int i = 0; i < steps.length; i++) {
            Instant due = confirmed.plus(after[i]);
            Instant done = SqlTimes.instant(rs, 10 + i);
            boolean overdue = done == null ? now.isAfter(due) : done.isAfter(due);
            milestones.add(new Milestone(
                    steps[i].name(),
                    steps[i].label(),
                    due,
                    done,
                    overdue,
                    done == null ? Duration.between(now, due).toMinutes() : null));
        }
        return new CaseView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                SqlTimes.instant(rs, 5),
                confirmed,
                rs.getString(7),
                rs.getLong(8),
                (Long) rs.getObject(9),
                milestones,
                rs.getInt(13));
    }

    // ---- itinerary and contacts (in CaseWork) --------------------------------------------

    /** Adds a stay of the case at a place (from, to). */
    @Transactional
    public long addItinerary(Caller caller, long caseId, long placeId, Instant from, Instant to) {
        caseOf(caller, caseId);
        return work.addItinerary(caller, caseId, placeId, from, to);
    }

    /** The itinerary of a case, in time order. */
    public List<ItineraryEntry> itinerary(Caller caller, long caseId) {
        caseOf(caller, caseId);
        return work.itinerary(caseId);
    }

    /**
     * Lists a close or secondary contact of a case and, in the same transaction, creates the
     * placement the edition in force requires (or keeps the person's current one).
     *
     * @throws TracingRefused when the person is already listed for this case
     */
    @Transactional
    public Listed listContact(
            Caller caller, long caseId, long personId, String kind, Instant exposedAt, String setting, String source) {
        return work.listContact(caller, caseOf(caller, caseId), personId, kind, exposedAt, setting, source);
    }

    /** The contacts of a case. */
    public List<ContactView> contacts(Caller caller, long caseId) {
        caseOf(caller, caseId);
        return work.contacts(caseId);
    }

    /** Clears a listed contact (follow-up finished, or listed in error). */
    @Transactional
    public void clearContact(Caller caller, long caseId, long personId) {
        caseOf(caller, caseId);
        work.clearContact(caller, caseId, personId);
    }

    PersonRef person(Caller caller, long personId) {
        return work.person(caller, personId);
    }
}
