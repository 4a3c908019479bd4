package org.pingji.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.arrival.Arrivals;
import org.pingji.arrival.Arrivals.ArrivalRisk;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.policy.Exposure;
import org.pingji.policy.PolicyEditions;
import org.pingji.testing.TestingManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status engine. A person's colour is the worst colour of the reasons that apply at the
 * instant; reasons come from facts that their owning modules write (or that this module derives
 * from their events), each with its source, since and until, so a change of fact changes the
 * status at once and an expired reason simply stops applying. Arrivals are judged on read
 * against the risk versions now known, so a notice changes every affected status when it commits. Nobody sets a colour directly: an
 * override needs a reason and a second approver, both audited.
 */
@Service
public class HealthStatus {

    /** A manual override request. */
    public record Override(
            long id,
            long personId,
            HealthColor status,
            String reason,
            Instant until,
            String requestedBy,
            Instant requestedAt,
            String decidedBy,
            String state) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonDirectory persons;
    private final TestingManagement testing;
    private final PolicyEditions policy;
    private final AccessManagement access;
    private final Arrivals arrivals;

    HealthStatus(
            JdbcClient jdbc,
            Clock clock,
            PersonDirectory persons,
            TestingManagement testing,
            PolicyEditions policy,
            AccessManagement access,
            Arrivals arrivals) {
        this.arrivals = arrivals;
        this.jdbc = jdbc;
        this.clock = clock;
        this.persons = persons;
        this.testing = testing;
        this.policy = policy;
        this.access = access;
    }

    /** The status the caller may see: their own, or a person in their jurisdiction (staff). */
    public StatusView status(Caller caller, long personId) {
        PersonRef person = visiblePerson(caller, personId);
        return statusOf(person, clock.instant());
    }

    /** A person the caller may see: their own record, or one in the jurisdiction with STATUS_READ. */
    public PersonRef visiblePerson(Caller caller, long personId) {
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        if (person == null) {
            throw new PersonNotFound(personId);
        }
        boolean own = access.personOf(caller).map(id -> id == personId).orElse(false);
        if (!own && !(caller.can(Permission.STATUS_READ) && caller.covers(person.path()))) {
            throw new PersonNotFound(personId); // outside the jurisdiction looks like absent
        }
        return person;
    }

    /** The status of a person at an instant, unscoped (for checkpoints and code issuing). */
    public StatusView statusOf(long personId, Instant at) {
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        if (person == null) {
            throw new PersonNotFound(personId);
        }
        return statusOf(person, at);
    }

    /** The status of a person already looked up, at an instant, unscoped (a checkpoint's travellers). */
    public StatusView statusOf(PersonRef person, Instant at) {
        Timestamp ts = Timestamp.from(at);
        List<StatusView.Reason> reasons = new ArrayList<>(jdbc.sql(
                        """
                        select code, source, since, until, detail from status.reasons
                         where person_id = ? and since <= ? and (until is null or until > ?)""")
                .params(person.id(), ts, ts)
                .query((rs, n) -> {
                    ReasonCode code = ReasonCode.valueOf(rs.getString(1));
                    return new StatusView.Reason(
                            code,
                            code.label(),
                            code.color(),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) == null
                                    ? null
                                    : rs.getTimestamp(4).toInstant(),
                            rs.getString(5));
                })
                .list());
        for (ArrivalRisk r : arrivals.risksOf(person.id(), at)) {
            ReasonCode code = r.exposure() == Exposure.HIGH_RISK_AREA
                    ? ReasonCode.HIGH_RISK_ARRIVAL
                    : ReasonCode.MEDIUM_RISK_ARRIVAL;
            reasons.add(new StatusView.Reason(
                    code,
                    code.label(),
                    code.color(),
                    "来返报备 #%d：%s".formatted(r.arrivalId(), r.areaText()),
                    r.since(),
                    r.until(),
                    "%s（防控方案 %s）".formatted(r.levelLabel(), r.policyEdition())));
        }
        for (TestingManagement.Overdue o : testing.overdue(person.id(), person.path(), at)) {
            reasons.add(new StatusView.Reason(
                    ReasonCode.TEST_OVERDUE,
                    ReasonCode.TEST_OVERDUE.label(),
                    ReasonCode.TEST_OVERDUE.color(),
                    "核酸检测轮次 #" + o.roundId() + " " + o.roundName(),
                    o.deadline(),
                    null,
                    "截止时间已过，未采样"));
        }
        HealthColor color = HealthColor.GREEN;
        for (StatusView.Reason r : reasons) {
            color = color.worst(r.color());
        }
        var override = jdbc.sql(
                        """
                        select status, reason, decided_at, until, requested_by, decided_by from status.overrides
                         where person_id = ? and state = 'APPROVED' and decided_at <= ?
                           and (until is null or until > ?)
                         order by decided_at desc limit 1""")
                .params(person.id(), ts, ts)
                .query((rs, n) -> new StatusView.Reason(
                        ReasonCode.MANUAL_OVERRIDE,
                        ReasonCode.MANUAL_OVERRIDE.label(),
                        HealthColor.valueOf(rs.getString(1)),
                        "申请人 %s，审批人 %s".formatted(rs.getString(5), rs.getString(6)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getString(2)))
                .optional();
        if (override.isPresent()) {
            reasons.add(override.get());
            color = override.get().color();
        }
        reasons.sort(Comparator.comparing((StatusView.Reason r) -> r.color())
                .reversed()
                .thenComparing(StatusView.Reason::since));
        return new StatusView(
                person.id(), color, List.copyOf(reasons), policy.inForce(at).reference(), at);
    }

    /** Writes facts; a fact with the same person, code and ref replaces the earlier one. */
    @Transactional
    public void put(List<ReasonFact> facts) {
        for (int from = 0; from < facts.size(); from += 20_000) {
            List<ReasonFact> batch = facts.subList(from, Math.min(facts.size(), from + 20_000));
            jdbc.sql(
                            """
                            insert into status.reasons (person_id, code, ref, source, since, until, detail)
                            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                                                 ?::timestamptz[], ?::text[])
                            on conflict (person_id, code, ref) do update
                               set source = excluded.source, since = excluded.since, until = excluded.until,
                                   detail = excluded.detail""")
                    .params(
                            batch.stream().map(ReasonFact::personId).toArray(Long[]::new),
                            batch.stream().map(f -> f.code().name()).toArray(String[]::new),
                            batch.stream().map(ReasonFact::ref).toArray(String[]::new),
                            batch.stream().map(ReasonFact::source).toArray(String[]::new),
                            batch.stream().map(f -> Timestamp.from(f.since())).toArray(Timestamp[]::new),
                            batch.stream()
                                    .map(f -> f.until() == null ? null : Timestamp.from(f.until()))
                                    .toArray(Timestamp[]::new),
                            batch.stream()
                                    .map(f -> f.detail() == null ? "" : f.detail())
                                    .toArray(String[]::new))
                    .update();
        }
    }

    /** Ends a fact at an instant (a retest came back negative, a placement ended). */
    @Transactional
    public int end(long personId, ReasonCode code, String ref, Instant at) {
        return jdbc.sql(
                        """
                        update status.reasons set until = ?
                         where person_id = ? and code = ? and ref = ? and (until is null or until > ?)""")
                .params(Timestamp.from(at), personId, code.name(), ref, Timestamp.from(at))
                .update();
    }

    /** Ends every fact of a person with this code (any ref) at an instant. */
    @Transactional
    public int endAll(long personId, ReasonCode code, Instant at) {
        return jdbc.sql(
                        """
                        update status.reasons set until = ?
                         where person_id = ? and code = ? and (until is null or until > ?)""")
                .params(Timestamp.from(at), personId, code.name(), Timestamp.from(at))
                .update();
    }

    /** Asks for an override; it applies only once a different user approves it. Audited. */
    @Transactional
    public Override requestOverride(Caller caller, long personId, HealthColor status, String reason, Instant until) {
        caller.require(Permission.STATUS_OVERRIDE);
        visiblePerson(caller, personId);
        if (status == null) {
            throw new IllegalArgumentException("status: 须为 GREEN、YELLOW 或 RED");
        }
        if (reason == null || reason.strip().length() < 4) {
            throw new IllegalArgumentException("reason: 人工调整须写明理由（至少4个字）");
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("until: 截止时间须晚于现在");
        }
        long id = jdbc.sql(
                        """
                        insert into status.overrides (person_id, status, reason, until, requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        personId,
                        status.name(),
                        reason.strip(),
                        until == null ? null : Timestamp.from(until),
                        caller.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        access.audit(
                caller, "status.override.request", "person", String.valueOf(personId), status + ": " + reason.strip());
        return override(id);
    }

    /** Approves or rejects an override; the approver must be a different user. Audited. */
    @Transactional
    public Override decideOverride(Caller caller, long id, boolean approve) {
        caller.require(Permission.STATUS_OVERRIDE);
        Override o = override(id);
        visiblePerson(caller, o.personId());
        if (!o.state().equals("PENDING")) {
            throw new StatusRefused("该申请已处理（%s）".formatted(o.state()));
        }
        if (o.requestedBy().equals(caller.username())) {
            throw new StatusRefused("人工调整须由申请人以外的第二人审批");
        }
        jdbc.sql("update status.overrides set state = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(approve ? "APPROVED" : "REJECTED", caller.username(), Timestamp.from(clock.instant()), id)
                .update();
        access.audit(
                caller,
                approve ? "status.override.approve" : "status.override.reject",
                "person",
                String.valueOf(o.personId()),
                "override #" + id);
        return override(id);
    }

    public List<Override> overrides(Caller caller, long personId) {
        visiblePerson(caller, personId);
        return jdbc
                .sql("select id from status.overrides where person_id = ? order by id desc")
                .param(personId)
                .query(Long.class)
                .list()
                .stream()
                .map(this::override)
                .toList();
    }

    private Override override(long id) {
        return jdbc.sql(
                        """
                        select id, person_id, status, reason, until, requested_by, requested_at, decided_by, state
                          from status.overrides where id = ?""")
                .param(id)
                .query((rs, n) -> new Override(
                        rs.getLong(1),
                        rs.getLong(2),
                        HealthColor.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getString(9)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为 %d 的人工调整申请".formatted(id)));
    }

    /**
     * The persons with at least one RED reason in force at {@code at} (manual overrides not
     * applied): the {@code red_status} signal of warning.
     */
    public java.util.Set<Long> redPersonsAt(Instant at) {
        String[] red = java.util.Arrays.stream(ReasonCode.values())
                .filter(c -> c.color() == HealthColor.RED)
                .map(Enum::name)
                .toArray(String[]::new);
        return new java.util.HashSet<>(jdbc.sql(
                        """
                        select distinct person_id from status.reasons
                        where code = any (?) and since <= ? and (until is null or until > ?)""")
                .params(red, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class)
                .list());
    }
}
