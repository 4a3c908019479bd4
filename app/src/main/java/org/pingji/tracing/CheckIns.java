package org.pingji.tracing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceCode;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.platform.PlaceClosures;
import org.pingji.tracing.TracingViews.Candidate;
import org.pingji.tracing.TracingViews.Listed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Venue check-ins by place code (场所码) and exposure matching: everyone checked in at a place
 * of a case's itinerary within the window before or after the case's stay is a candidate
 * contact, confirmed (listed as a close contact) or dismissed by the epidemiologist.
 */
@Service
public class CheckIns {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final PersonDirectory persons;
    private final TracingManagement tracing;
    private final AccessManagement access;
    private final TracingSettings settings;
    private final Clock clock;
    private final ObjectProvider<PlaceClosures> closures;

    CheckIns(
            JdbcClient jdbc,
            GridManagement grid,
            PersonDirectory persons,
            TracingManagement tracing,
            AccessManagement access,
            TracingSettings settings,
            Clock clock,
            ObjectProvider<PlaceClosures> closures) {
        this.closures = closures;
        this.jdbc = jdbc;
        this.grid = grid;
        this.persons = persons;
        this.tracing = tracing;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    /** The place a code names; 400 when malformed, 404 when no such place (households have no code). */
    public PlaceView place(String placeCode) {
        long id = PlaceCode.parse(placeCode)
                .orElseThrow(() -> new IllegalArgumentException("placeCode: 场所码格式错误: " + placeCode));
        return grid.place(id)
                .filter(p -> p.kind() != PlaceKind.HOUSEHOLD)
                .orElseThrow(() -> new CaseNotFound("场所码 %s 不存在".formatted(placeCode)));
    }

    /** The reason the place is closed by order (停业整顿), empty when it is open. */
    public java.util.Optional<String> closedReason(long placeId) {
        PlaceClosures closed = closures.getIfAvailable();
        return closed == null ? java.util.Optional.empty() : closed.closedReason(placeId);
    }

    /** Staff scan a person in at a place (time defaults to now). */
    @Transactional
    public void checkIn(Caller caller, String placeCode, long personId, Instant at) {
        caller.require(Permission.CHECK_IN);
        PlaceView place = place(placeCode);
        if (!persons.byIds(List.of(personId)).containsKey(personId)) {
            throw new PersonNotFound(personId);
        }
        insert(place.id(), personId, at, true);
    }

    /**
     * A person checks in on the phone page of a place code with their resident ID.
     *
     * @return the person's name, masked for display
     */
    @Transactional
    public String selfCheckIn(String placeCode, String residentId) {
        PlaceView place = place(placeCode);
        if (residentId == null || residentId.isBlank()) {
            throw new IllegalArgumentException("residentId: 请填写身份证号");
        }
        PersonRef person = persons.byResidentIds(List.of(residentId.trim())).get(residentId.trim());
        if (person == null) {
            throw new IllegalArgumentException("residentId: 未找到该身份证号的登记人员，请联系场所工作人员");
        }
        insert(place.id(), person.id(), null, false);
        return person.name().charAt(0) + "*".repeat(Math.max(1, person.name().length() - 1));
    }

    private void insert(long placeId, long personId, Instant at, boolean byStaff) {
        closedReason(placeId).ifPresent(reason -> {
            throw new PlaceClosed(reason);
        });
        Instant now = Instant.now(clock);
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(5, ChronoUnit.MINUTES)) || when.isBefore(now.minus(30, ChronoUnit.DAYS))) {
            throw new IllegalArgumentException("at: 扫码时间须在过去30天内且不晚于当前时间");
        }
        jdbc.sql("insert into tracing.checkins (place_id, at, person_id, by_staff) values (?, ?, ?, ?)")
                .params(placeId, Timestamp.from(when), personId, byStaff)
                .update();
    }

    /**
     * Candidate contacts of a case: persons checked in at a place of its itinerary between
     * {@code from - window} and {@code to + window}, earliest first (at most 5,000), with the
     * review decision and whether they are already listed.
     */
    public List<Candidate> exposures(Caller caller, long caseId) {
        var c = tracing.caseOf(caller, caseId);
        record Hit(long personId, Instant first, Instant last, int count, Long[] places) {}
        List<Hit> hits = jdbc.sql(
                        """
                        select ci.person_id, min(ci.at), max(ci.at), count(*), array_agg(distinct ci.place_id)
                        from tracing.itinerary e
                        join lateral (select person_id, at, place_id from tracing.checkins x
                                      where x.place_id = e.place_id
                                        and x.at between e.from_at - ? * interval '1 second'
                                                     and e.to_at + ? * interval '1 second') ci on true
                        where e.case_id = ? and ci.person_id <> ?
                        group by ci.person_id order by min(ci.at), ci.person_id limit 5000""")
                .params(
                        settings.exposureWindow().toSeconds(),
                        settings.exposureWindow().toSeconds(),
                        caseId,
                        c.personId())
                .query((rs, n) -> new Hit(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        rs.getInt(4),
                        (Long[]) rs.getArray(5).getArray()))
                .list();
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonRef> people =
                persons.byIds(hits.stream().map(Hit::personId).toList());
        Map<Long, String> placeNames = new HashMap<>();
        tracing.itinerary(caller, caseId).forEach(e -> placeNames.put(e.placeId(), e.placeName()));
        Map<Long, String> decisions = new HashMap<>();
        jdbc.sql("select person_id, decision from tracing.exposure_reviews where case_id = ?")
                .param(caseId)
                .query(rs -> {
                    decisions.put(rs.getLong(1), rs.getString(2));
                });
        Set<Long> listed = new HashSet<>(jdbc.sql("select person_id from tracing.contacts where case_id = ?")
                .param(caseId)
                .query(Long.class)
                .list());
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            PersonRef p = people.get(h.personId());
            candidates.add(new Candidate(
                    h.personId(),
                    p == null ? "?" : p.name(),
                    java.util.Arrays.stream(h.places()).map(placeNames::get).toList(),
                    h.first(),
                    h.last(),
                    h.count(),
                    decisions.get(h.personId()),
                    listed.contains(h.personId())));
        }
        return candidates;
    }

    /**
     * Records the review of a candidate: CONFIRMED lists them as a close contact (creating their
     * placement), DISMISSED records why not.
     *
     * @throws TracingRefused when the candidate was already reviewed
     */
    @Transactional
    public Listed review(Caller caller, long caseId, long personId, String decision, String note) {
        if (!"CONFIRMED".equals(decision) && !"DISMISSED".equals(decision)) {
            throw new IllegalArgumentException("decision: 须为 CONFIRMED 或 DISMISSED");
        }
        var candidate = exposures(caller, caseId).stream()
                .filter(k -> k.personId() == personId)
                .findFirst()
                .orElseThrow(() -> new CaseNotFound("人员 %d 不是病例 %d 的候选接触者".formatted(personId, caseId)));
        if (candidate.decision() != null) {
            throw new TracingRefused("候选接触者 %s 已审核（%s）".formatted(candidate.personName(), candidate.decision()));
        }
        jdbc.sql(
                        """
                        insert into tracing.exposure_reviews (case_id, person_id, decision, note, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, personId, decision, note, caller.username(), Timestamp.from(Instant.now(clock)))
                .update();
        access.audit(caller, "EXPOSURE_" + decision, "PERSON", Long.toString(personId), "case " + caseId);
        if (decision.equals("DISMISSED") || candidate.listed()) {
            return null;
        }
        return tracing.listContact(
                caller,
                caseId,
                personId,
                "CLOSE",
                candidate.firstAt(),
                "场所码扫码：" + String.join("、", candidate.places()),
                "CHECKIN");
    }
}
