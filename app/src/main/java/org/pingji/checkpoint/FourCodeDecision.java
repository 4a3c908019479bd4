package org.pingji.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pingji.checkpoint.CheckResult.Reason;
import org.pingji.checkpoint.CheckResult.Traveller;
import org.pingji.policy.Exposure;
import org.pingji.status.HealthColor;
import org.pingji.status.StatusView;

/**
 * The four-code decision (四码合一) as rules over facts already looked up: the health status
 * (健康码), the travel record (行程码), the recent negative test (核酸码) and the self-drive
 * companion registration; no database and no other module is called here.
 */
final class FourCodeDecision {

    /** The county's province (Shanxi): arrivals from elsewhere are out-of-province. */
    static final String HOME_PROVINCE = "14";

    private FourCodeDecision() {}

    /** What the lookup found for one scanned entry. */
    sealed interface Facts {}

    /** A status code whose signature or validity failed. */
    record InvalidCode(String problem) implements Facts {}

    /** A valid status code whose pseudonym belongs to no person here: only its colour counts. */
    record UnknownHolder(HealthColor colour, String pseudonym) implements Facts {}

    /** Neither a status code nor a resident ID. */
    record Unreadable(String entry) implements Facts {}

    /** A valid resident ID not in the county's ledger. */
    record Unregistered() implements Facts {}

    /**
     * A known person: their status now, their travel record (exposure, with this trip's reason when
     * it was recorded at the desk, and the origin to judge the test rule by), and their latest
     * negative test.
     */
    record Known(
            long personId,
            String name,
            StatusView status,
            Exposure exposure,
            Reason tripReason,
            String tripOrigin,
            Instant latestNegative)
            implements Facts {}

    /** A person's travel record from their recent arrivals, newest first: the worst exposure, the newest origin. */
    record Travel(Exposure exposure, String origin) {}

    /** The travel record of recent arrivals (newest first); with none, ELSEWHERE and no origin. */
    static Travel travel(List<Exposure> exposuresNewestFirst, List<String> originsNewestFirst) {
        Exposure worst = Exposure.ELSEWHERE;
        for (Exposure e : exposuresNewestFirst) {
            if (e.ordinal() < worst.ordinal()) {
                worst = e;
            }
        }
        return new Travel(worst, originsNewestFirst.isEmpty() ? null : originsNewestFirst.getFirst());
    }

    /** The reason a trip recorded at the desk gives, or null when it touched no risk area. */
    static Reason tripReason(long arrivalId, Exposure exposure, String riskArea) {
        return riskArea.isEmpty()
                ? null
                : new Reason("TRIP_" + exposure.name(), exposure.label(), "来返报备 #%d：%s".formatted(arrivalId, riskArea));
    }

    /** One traveller's decision and reasons. */
    static Traveller decide(int position, Facts facts, int testValidityHours, Instant now) {
        return switch (facts) {
            case InvalidCode c ->
                new Traveller(
                        position,
                        null,
                        "",
                        null,
                        Decision.SPECIAL_LANE,
                        List.of(new Reason("INVALID_CODE", "健康码无效", c.problem())));
            case UnknownHolder u ->
                new Traveller(
                        position,
                        null,
                        "",
                        u.colour().name(),
                        byColour(u.colour()),
                        List.of(new Reason("UNKNOWN_PERSON", "健康码有效但无对应人员", u.pseudonym())));
            case Unreadable u ->
                new Traveller(
                        position,
                        null,
                        "",
                        null,
                        Decision.SPECIAL_LANE,
                        List.of(new Reason(
                                "UNREADABLE",
                                "无法识别的码或证件号",
                                u.entry().length() > 24 ? u.entry().substring(0, 24) + "…" : u.entry())));
            case Unregistered u ->
                new Traveller(
                        position,
                        null,
                        "",
                        null,
                        Decision.SPECIAL_LANE,
                        List.of(new Reason("UNREGISTERED", "未在本县登记", "请引导来返报备并登记")));
            case Known k -> known(position, k, testValidityHours, now);
        };
    }

    private static Traveller known(int position, Known k, int testValidityHours, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        // 1. health status (健康码)
        for (StatusView.Reason sr : k.status().reasons()) {
            reasons.add(new Reason(sr.code().name(), sr.label(), sr.source()));
        }
        Decision decision = byColour(k.status().status());
        // 2. travel record (行程码)
        if (k.tripReason() != null) {
            reasons.add(k.tripReason());
        }
        if (k.exposure() == Exposure.HIGH_RISK_AREA) {
            decision = decision.worst(Decision.TRANSFER);
        } else if (k.exposure() == Exposure.MEDIUM_RISK_AREA) {
            decision = decision.worst(Decision.SPECIAL_LANE);
        }
        // 3. nucleic-acid test (核酸码): out-of-province travellers need a recent negative
        if (k.tripOrigin() != null && !k.tripOrigin().startsWith(HOME_PROVINCE)) {
            Instant validFrom = now.minus(Duration.ofHours(testValidityHours));
            if (k.latestNegative() == null || k.latestNegative().isBefore(validFrom)) {
                reasons.add(new Reason(
                        "NO_VALID_TEST",
                        "省外来人，无%d小时内核酸阴性证明".formatted(testValidityHours),
                        k.latestNegative() == null ? "无阴性记录" : "最近阴性 " + k.latestNegative()));
                decision = decision.worst(Decision.FAST_TEST);
            }
        }
        return new Traveller(
                position, k.personId(), k.name(), k.status().status().name(), decision, List.copyOf(reasons));
    }

    private static Decision byColour(HealthColor colour) {
        return colour == HealthColor.RED
                ? Decision.TRANSFER
                : colour == HealthColor.YELLOW ? Decision.SPECIAL_LANE : Decision.PASS;
    }

    /** The vehicle's decision: the worst of its travellers, and unregistered self-drive companions. */
    record Vehicle(Decision decision, List<Reason> reasons) {}

    static Vehicle vehicle(List<Traveller> travellers, boolean selfDrive, int passengers) {
        Decision decision = Decision.PASS;
        for (Traveller t : travellers) {
            decision = decision.worst(t.decision());
        }
        List<Reason> reasons = new ArrayList<>();
        if (selfDrive && passengers > travellers.size()) {
            reasons.add(new Reason(
                    "COMPANIONS_UNREGISTERED", "自驾同行人员未全部登记", "车上%d人，登记%d人".formatted(passengers, travellers.size())));
            decision = decision.worst(Decision.SPECIAL_LANE);
        }
        return new Vehicle(decision, List.copyOf(reasons));
    }
}
