package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.arrival.ArrivalTasks.TaskRow;
import org.pingji.arrival.Arrivals.ArrivalView;
import org.pingji.arrival.Arrivals.Measure;
import org.pingji.arrival.Arrivals.NewArrival;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.risk.RiskAreas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records a reported arrival: who may report it, its exposure, and its measures as tasks. */
@Component
class ArrivalReporting {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonDirectory persons;
    private final PolicyEditions policy;
    private final RiskAreas risk;
    private final AccessManagement access;
    private final ArrivalTasks tasks;

    ArrivalReporting(
            JdbcClient jdbc,
            Clock clock,
            PersonDirectory persons,
            PolicyEditions policy,
            RiskAreas risk,
            AccessManagement access,
            ArrivalTasks tasks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.persons = persons;
        this.policy = policy;
        this.risk = risk;
        this.access = access;
        this.tasks = tasks;
    }

    /** Records the arrival and its tasks. */
    ArrivalView report(Caller caller, NewArrival a, String via) {
        // The permission first (403 naming the action), then the person in the jurisdiction (404).
        boolean own = access.personOf(caller).map(id -> id == a.personId()).orElse(false);
        boolean desk = caller.can(Permission.CHECKPOINT_CHECK);
        if (!own && !desk) {
            caller.require(Permission.ARRIVAL_RECORD);
        }
        PersonRef person = persons.byIds(List.of(a.personId())).get(a.personId());
        if (person == null || !(own || desk || caller.covers(person.path()))) {
            throw new PersonNotFound(a.personId());
        }
        return record(caller, person, a, via);
    }

    /** Records an arrival of a person already checked as visible to the caller; answers without reading back. */
    ArrivalView record(Caller caller, PersonRef person, NewArrival a, String via) {
        Instant now = clock.instant();
        ArrivalMeasures.validate(a, now);
        String originCode = risk.resolve(a.origin())
                .orElseThrow(() -> new IllegalArgumentException(
                        "origin: 无法识别出发地“%s”的省份或城市".formatted(a.origin() == null ? "" : a.origin())));
        PolicyEdition edition = policy.inForce(a.arrivedAt());
        RiskMatcher matcher = new RiskMatcher(risk.windowsSince(a.departedAt().minus(Duration.ofDays(60))));
        RiskMatcher.Match match =
                matcher.classify(originCode, a.departedAt(), a.arrivedAt(), edition.travelHistoryDays());
        String riskArea = match.window() == null ? "" : match.window().areaText();
        long id = jdbc.sql(
                        """
                        insert into arrival.arrivals (person_id, path, micro_grid_code, origin_text, origin_code, route,
                               transport, departed_at, arrived_at, reported_via, reported_by, exposure, risk_area,
                               policy_edition, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        person.id(),
                        person.path(),
                        person.microGridCode(),
                        a.origin().strip(),
                        originCode,
                        a.route() == null ? "" : a.route().strip(),
                        a.transport().strip(),
                        Timestamp.from(a.departedAt()),
                        Timestamp.from(a.arrivedAt()),
                        via,
                        caller.username(),
                        match.exposure().name(),
                        riskArea,
                        edition.reference(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        Instant start = ArrivalMeasures.start(a.arrivedAt(), match);
        List<Measure> measures = ArrivalMeasures.measures(edition.measures(match.exposure()), start);
        tasks.insert(measures.stream()
                .map(m -> new TaskRow(id, person.id(), person.path(), m, edition.reference()))
                .toList());
        return new ArrivalView(
                id,
                person.id(),
                a.origin().strip(),
                originCode,
                risk.divisionName(originCode),
                a.departedAt(),
                a.arrivedAt(),
                a.transport().strip(),
                via,
                match.exposure(),
                riskArea,
                edition.reference(),
                measures);
    }
}
