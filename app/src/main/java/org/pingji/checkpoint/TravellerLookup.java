package org.pingji.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.arrival.Arrivals;
import org.pingji.checkpoint.Checkpoints.CheckRequest;
import org.pingji.checkpoint.FourCodeDecision.Facts;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonNotFound;
import org.pingji.person.PersonRef;
import org.pingji.person.ResidentId;
import org.pingji.policy.PolicyEdition;
import org.pingji.status.HealthStatus;
import org.pingji.status.StatusCodes;
import org.pingji.testing.TestingManagement;
import org.springframework.stereotype.Component;

/**
 * Looks up what the four-code decision needs about a vehicle's travellers in one pass: codes
 * verified in memory, pseudonyms, resident IDs and persons each read once for the whole vehicle,
 * recent arrivals and negative tests in one query each; a trip declared at the desk is recorded
 * as an arrival per traveller. Each person is read once.
 */
@Component
class TravellerLookup {

    private final StatusCodes codes;
    private final HealthStatus status;
    private final PersonDirectory persons;
    private final Arrivals arrivals;
    private final TestingManagement testing;

    TravellerLookup(
            StatusCodes codes,
            HealthStatus status,
            PersonDirectory persons,
            Arrivals arrivals,
            TestingManagement testing) {
        this.codes = codes;
        this.status = status;
        this.persons = persons;
        this.arrivals = arrivals;
        this.testing = testing;
    }

    /** The facts of each entry, in order. */
    List<Facts> lookUp(
            Caller caller,
            List<String> entries,
            CheckRequest r,
            String originCode,
            PolicyEdition edition,
            Instant now) {
        // 1. identify every entry without the database where possible
        Object[] identified = new Object[entries.size()];
        Set<String> pseudonyms = new HashSet<>();
        Set<String> residentIds = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry.startsWith("PJ1.")) {
                StatusCodes.Verification v = codes.verify(entry);
                identified[i] = v.valid() ? v : new FourCodeDecision.InvalidCode(v.problem());
                if (v.valid()) {
                    pseudonyms.add(v.pseudonym());
                }
            } else {
                String id = entry.toUpperCase();
                if (readable(id, now)) {
                    identified[i] = id;
                    residentIds.add(id);
                } else {
                    identified[i] = new FourCodeDecision.Unreadable(entry);
                }
            }
        }
        // 2. pseudonyms and resident IDs to persons, one query each
        Map<String, Long> byPseudonym = codes.personsOf(pseudonyms);
        Map<String, PersonRef> byResidentId = persons.byResidentIds(residentIds);
        Map<Long, PersonRef> byId = persons.byIds(byPseudonym.values());
        byResidentId.values().forEach(p -> byId.put(p.id(), p));
        PersonRef[] who = new PersonRef[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            if (identified[i] instanceof StatusCodes.Verification v) {
                Long personId = byPseudonym.get(v.pseudonym());
                if (personId == null) {
                    identified[i] = new FourCodeDecision.UnknownHolder(v.status(), v.pseudonym());
                } else if (!byId.containsKey(personId)) {
                    throw new PersonNotFound(personId);
                } else {
                    who[i] = byId.get(personId);
                }
            } else if (identified[i] instanceof String id) {
                if (byResidentId.containsKey(id)) {
                    who[i] = byResidentId.get(id);
                } else {
                    identified[i] = new FourCodeDecision.Unregistered();
                }
            }
        }
        // 3. the travel record and the tests of the known persons
        Map<Long, List<Arrivals.RecentArrival>> recent = originCode == null
                ? arrivals.recentOf(byId.keySet(), now.minus(Duration.ofDays(edition.travelHistoryDays())))
                : Map.of();
        Map<Long, Instant> negatives = testing.latestNegativeAt(byId.keySet());
        List<Facts> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            PersonRef person = who[i];
            if (person == null) {
                out.add((Facts) identified[i]);
                continue;
            }
            var sv = status.statusOf(person, now);
            FourCodeDecision.Travel travel;
            CheckResult.Reason tripReason = null;
            if (originCode != null) {
                Instant departed = r.departedAt() == null ? now : r.departedAt();
                Arrivals.ArrivalView a = arrivals.recordAtCheckpoint(
                        caller,
                        person,
                        new Arrivals.NewArrival(
                                person.id(), r.origin(), "卡口登记", departed, now, CheckRequests.transport(r)));
                travel = new FourCodeDecision.Travel(a.exposure(), originCode);
                tripReason = FourCodeDecision.tripReason(a.id(), a.exposure(), a.riskArea());
            } else {
                List<Arrivals.RecentArrival> mine = recent.getOrDefault(person.id(), List.of());
                travel = FourCodeDecision.travel(
                        mine.stream().map(Arrivals.RecentArrival::exposure).toList(),
                        mine.stream().map(Arrivals.RecentArrival::originCode).toList());
            }
            out.add(new FourCodeDecision.Known(
                    person.id(),
                    person.name(),
                    sv,
                    travel.exposure(),
                    tripReason,
                    travel.origin(),
                    negatives.get(person.id())));
        }
        return out;
    }

    private static boolean readable(String residentId, Instant now) {
        try {
            ResidentId.parse(residentId, LocalDate.ofInstant(now, Checkpoints.BEIJING));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
