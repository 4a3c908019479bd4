package org.pingji.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.arrival.Arrivals;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonRef;
import org.pingji.person.ResidentId;
import org.pingji.policy.Exposure;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.risk.RiskAreas;
import org.pingji.status.HealthColor;
import org.pingji.status.HealthStatus;
import org.pingji.status.StatusCodes;
import org.pingji.status.StatusView;
import org.pingji.testing.TestingManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The facade of checkpoints: the four-code decision, passages, counts and transfers. */
@Service
public class Checkpoints {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The county's province (Shanxi): arrivals from elsewhere are out-of-province. */
    static final String HOME_PROVINCE = "14";

    /** A checkpoint as listed. */
    public record CheckpointView(long id, String name, String regionCode, String microGridCode) {}

    /** A check as submitted at the desk. */
    public record CheckRequest(
            String checkId,
            List<String> codes,
            String plate,
            boolean selfDrive,
            Integer passengers,
            String origin,
            Instant departedAt) {}

    /** A day's passages at one checkpoint. */
    public record DailyCounts(
            long checkpointId, LocalDate date, long vehicles, long persons, Map<String, Long> byDecision) {}

    /** An unknown checkpoint or transfer (404). */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GridManagement grid;
    private final StatusCodes codes;
    private final HealthStatus status;
    private final PersonDirectory persons;
    private final Arrivals arrivals;
    private final RiskAreas risk;
    private final PolicyEditions policy;
    private final TestingManagement testing;
    private final JsonMapper json;

    Checkpoints(
            JdbcClient jdbc,
            Clock clock,
            GridManagement grid,
            StatusCodes codes,
            HealthStatus status,
            PersonDirectory persons,
            Arrivals arrivals,
            RiskAreas risk,
            PolicyEditions policy,
            TestingManagement testing,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grid = grid;
        this.codes = codes;
        this.status = status;
        this.persons = persons;
        this.arrivals = arrivals;
        this.risk = risk;
        this.policy = policy;
        this.testing = testing;
        this.json = json;
    }

    /** Checkpoints in the caller's jurisdiction. */
    public List<CheckpointView> checkpoints(Caller caller) {
        caller.require(Permission.REGION_READ);
        return grid.sitesIn(caller.jurisdictionCode(), PlaceKind.CHECKPOINT).stream()
                .map(s -> new CheckpointView(s.id(), s.name(), regionOf(s.path()), s.microGridCode()))
                .toList();
    }

    public CheckpointView checkpoint(Caller caller, long id) {
        caller.require(Permission.REGION_READ);
        var site = grid.place(id)
                .filter(p -> p.kind() == PlaceKind.CHECKPOINT)
                .orElseThrow(() -> new NotFound("没有编号为 %d 的卡口".formatted(id)));
        String path = grid.findRegion(site.microGridCode()).orElseThrow().path();
        if (!caller.covers(path)) {
            throw new NotFound("没有编号为 %d 的卡口".formatted(id));
        }
        return new CheckpointView(site.id(), site.name(), regionOf(path), site.microGridCode());
    }

    private static String regionOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : parts[parts.length - 1];
    }

    /**
     * Checks a vehicle's travellers. Idempotent on the check id: a replay answers the recorded
     * result and records nothing; the same id with other content is refused.
     */
    @Transactional
    public CheckResult check(Caller caller, long checkpointId, CheckRequest r) {
        caller.require(Permission.CHECKPOINT_CHECK);
        CheckpointView cp = checkpoint(caller, checkpointId);
        if (r.checkId() == null || r.checkId().isBlank() || r.checkId().length() > 64) {
            throw new IllegalArgumentException("checkId: 须为1到64个字符的唯一编号");
        }
        List<String> entries = r.codes() == null
                ? List.of()
                : r.codes().stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("codes: 至少扫描一名人员的健康码或证件号");
        }
        if (entries.size() > 60) {
            throw new IllegalArgumentException("codes: 一辆车最多60人");
        }
        if (r.passengers() != null && (r.passengers() < 1 || r.passengers() > 60)) {
            throw new IllegalArgumentException("passengers: 须在1到60之间");
        }
        String hash = hash(checkpointId, entries, r);
        var existing = jdbc.sql("select request_hash, response from checkpoint.checks where check_id = ?")
                .param(r.checkId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (existing.isPresent()) {
            if (!existing.get()[0].equals(hash)) {
                throw new CheckRefused("检查编号 %s 已用于另一次检查".formatted(r.checkId()));
            }
            return json.readValue(existing.get()[1], CheckResult.class);
        }
        Instant now = clock.instant();
        PolicyEdition edition = policy.inForce(now);
        String originCode = null;
        if (r.origin() != null && !r.origin().isBlank()) {
            originCode = risk.resolve(r.origin())
                    .orElseThrow(() -> new IllegalArgumentException("origin: 无法识别来源地“%s”".formatted(r.origin())));
        }
        if (r.departedAt() != null && r.departedAt().isAfter(now)) {
            throw new IllegalArgumentException("departedAt: 出发时间不能晚于现在");
        }
        List<CheckResult.Traveller> travellers = new ArrayList<>();
        Decision vehicle = Decision.PASS;
        for (int i = 0; i < entries.size(); i++) {
            CheckResult.Traveller t = traveller(caller, i + 1, entries.get(i), r, originCode, edition, now);
            travellers.add(t);
            vehicle = vehicle.worst(t.decision());
        }
        List<CheckResult.Reason> vehicleReasons = new ArrayList<>();
        int passengers = r.passengers() == null ? entries.size() : r.passengers();
        if (r.selfDrive() && passengers > entries.size()) {
            vehicleReasons.add(new CheckResult.Reason(
                    "COMPANIONS_UNREGISTERED", "自驾同行人员未全部登记", "车上%d人，登记%d人".formatted(passengers, entries.size())));
            vehicle = vehicle.worst(Decision.SPECIAL_LANE);
        }
        String path = grid.findRegion(cp.microGridCode()).orElseThrow().path();
        List<Long> transferIds = new ArrayList<>();
        jdbc.sql(
                        """
                        insert into checkpoint.checks (check_id, checkpoint_id, path, staff, at, plate, self_drive,
                               passengers, origin, decision, policy_edition, request_hash, response)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')""")
                .params(
                        r.checkId(),
                        checkpointId,
                        path,
                        caller.username(),
                        Timestamp.from(now),
                        r.plate() == null ? "" : r.plate().strip().toUpperCase(),
                        r.selfDrive(),
                        passengers,
                        r.origin() == null ? "" : r.origin().strip(),
                        vehicle.name(),
                        edition.reference(),
                        hash)
                .update();
        for (CheckResult.Traveller t : travellers) {
            jdbc.sql(
                            """
                            insert into checkpoint.check_persons (check_id, position, person_id, status, decision, reasons)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            r.checkId(),
                            t.position(),
                            t.personId(),
                            t.status(),
                            t.decision().name(),
                            String.join(
                                    ",",
                                    t.reasons().stream()
                                            .map(CheckResult.Reason::code)
                                            .toList()))
                    .update();
            if (t.decision() == Decision.TRANSFER) {
                transferIds.add(jdbc.sql(
                                """
                                insert into checkpoint.transfers (check_id, person_id, checkpoint_id, path, opened_at, opened_by)
                                values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(r.checkId(), t.personId(), checkpointId, path, Timestamp.from(now), caller.username())
                        .query(Long.class)
                        .single());
            }
        }
        CheckResult result = new CheckResult(
                r.checkId(),
                checkpointId,
                vehicle,
                vehicle.label(),
                List.copyOf(vehicleReasons),
                List.copyOf(travellers),
                List.copyOf(transferIds),
                edition.reference(),
                now);
        jdbc.sql("update checkpoint.checks set response = ? where check_id = ?")
                .params(json.writeValueAsString(result), r.checkId())
                .update();
        return result;
    }

    private CheckResult.Traveller traveller(
            Caller caller,
            int position,
            String entry,
            CheckRequest r,
            String originCode,
            PolicyEdition edition,
            Instant now) {
        List<CheckResult.Reason> reasons = new ArrayList<>();
        Long personId = null;
        String tokenColour = null;
        if (entry.startsWith("PJ1.")) {
            StatusCodes.Verification v = codes.verify(entry);
            if (!v.valid()) {
                reasons.add(new CheckResult.Reason("INVALID_CODE", "健康码无效", v.problem()));
                return new CheckResult.Traveller(position, null, "", null, Decision.SPECIAL_LANE, reasons);
            }
            tokenColour = v.status().name();
            personId = codes.personOf(v.pseudonym()).orElse(null);
            if (personId == null) {
                reasons.add(new CheckResult.Reason("UNKNOWN_PERSON", "健康码有效但无对应人员", v.pseudonym()));
                Decision d = v.status() == HealthColor.RED
                        ? Decision.TRANSFER
                        : v.status() == HealthColor.YELLOW ? Decision.SPECIAL_LANE : Decision.PASS;
                return new CheckResult.Traveller(position, null, "", tokenColour, d, reasons);
            }
        } else {
            String id = entry.toUpperCase();
            boolean valid;
            try {
                ResidentId.parse(id, LocalDate.ofInstant(now, BEIJING));
                valid = true;
            } catch (IllegalArgumentException e) {
                valid = false;
            }
            if (!valid) {
                reasons.add(new CheckResult.Reason(
                        "UNREADABLE", "无法识别的码或证件号", entry.length() > 24 ? entry.substring(0, 24) + "…" : entry));
                return new CheckResult.Traveller(position, null, "", null, Decision.SPECIAL_LANE, reasons);
            }
            PersonRef p = persons.byResidentIds(List.of(id)).get(id);
            if (p == null) {
                reasons.add(new CheckResult.Reason("UNREGISTERED", "未在本县登记", "请引导来返报备并登记"));
                return new CheckResult.Traveller(position, null, "", null, Decision.SPECIAL_LANE, reasons);
            }
            personId = p.id();
        }
        PersonRef person = persons.byIds(List.of(personId)).get(personId);
        Decision decision = Decision.PASS;
        // 1. health status (健康码)
        StatusView sv = status.statusOf(personId, now);
        for (StatusView.Reason sr : sv.reasons()) {
            reasons.add(new CheckResult.Reason(sr.code().name(), sr.label(), sr.source()));
        }
        if (sv.status() == HealthColor.RED) {
            decision = decision.worst(Decision.TRANSFER);
        } else if (sv.status() == HealthColor.YELLOW) {
            decision = decision.worst(Decision.SPECIAL_LANE);
        }
        // 2. travel record (行程码): this trip, recorded as an arrival, or the recent arrivals
        String tripOrigin = originCode;
        Exposure exposure = Exposure.ELSEWHERE;
        if (originCode != null) {
            Instant departed = r.departedAt() == null ? now : r.departedAt();
            Arrivals.ArrivalView a = arrivals.report(
                    caller,
                    new Arrivals.NewArrival(personId, r.origin(), "卡口登记", departed, now, transport(r)),
                    "CHECKPOINT");
            exposure = a.exposure();
            if (!a.riskArea().isEmpty()) {
                reasons.add(new CheckResult.Reason(
                        "TRIP_" + exposure.name(), exposure.label(), "来返报备 #%d：%s".formatted(a.id(), a.riskArea())));
            }
        } else {
            for (Arrivals.ArrivalView a :
                    arrivals.arrivalsOf(personId, now.minus(Duration.ofDays(edition.travelHistoryDays())))) {
                if (tripOrigin == null) {
                    tripOrigin = a.originCode();
                }
                if (a.exposure().ordinal() < exposure.ordinal()) {
                    exposure = a.exposure();
                }
            }
        }
        if (exposure == Exposure.HIGH_RISK_AREA) {
            decision = decision.worst(Decision.TRANSFER);
        } else if (exposure == Exposure.MEDIUM_RISK_AREA) {
            decision = decision.worst(Decision.SPECIAL_LANE);
        }
        // 3. nucleic-acid test (核酸码): out-of-province travellers need a recent negative
        if (tripOrigin != null && !tripOrigin.startsWith(HOME_PROVINCE)) {
            Optional<Instant> negative = testing.latestNegativeAt(personId);
            Instant validFrom = now.minus(Duration.ofHours(edition.testValidityHours()));
            if (negative.isEmpty() || negative.get().isBefore(validFrom)) {
                reasons.add(new CheckResult.Reason(
                        "NO_VALID_TEST",
                        "省外来人，无%d小时内核酸阴性证明".formatted(edition.testValidityHours()),
                        negative.map(t -> "最近阴性 " + t).orElse("无阴性记录")));
                decision = decision.worst(Decision.FAST_TEST);
            }
        }
        return new CheckResult.Traveller(
                position,
                personId,
                person == null ? "" : person.name(),
                sv.status().name(),
                decision,
                List.copyOf(reasons));
    }

    private static String transport(CheckRequest r) {
        return r.selfDrive()
                ? "自驾" + (r.plate() == null ? "" : " " + r.plate().strip())
                : "车辆 " + (r.plate() == null ? "" : r.plate().strip());
    }

    private static String hash(long checkpointId, List<String> entries, CheckRequest r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String canonical = checkpointId + "|" + String.join("\\n", entries) + "|" + r.plate() + "|" + r.selfDrive()
                    + "|" + r.passengers() + "|" + r.origin() + "|" + r.departedAt();
            return HexFormat.of().formatHex(d.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passages of one day (Beijing time) at a checkpoint. */
    public DailyCounts counts(Caller caller, long checkpointId, LocalDate date) {
        checkpoint(caller, checkpointId);
        Instant from = date.atStartOfDay(BEIJING).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(BEIJING).toInstant();
        Map<String, Long> byDecision = new java.util.LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            byDecision.put(d.name(), 0L);
        }
        long[] totals = new long[2];
        jdbc.sql(
                        """
                        select decision, count(*), sum(passengers) from checkpoint.checks
                         where checkpoint_id = ? and at >= ? and at < ? group by decision""")
                .params(checkpointId, Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    byDecision.put(rs.getString(1), rs.getLong(2));
                    totals[0] += rs.getLong(2);
                    totals[1] += rs.getLong(3);
                });
        return new DailyCounts(checkpointId, date, totals[0], totals[1], byDecision);
    }

    /** Recent passages at a checkpoint, newest first. */
    public List<CheckResult> recent(Caller caller, long checkpointId, int limit) {
        checkpoint(caller, checkpointId);
        return jdbc
                .sql("select response from checkpoint.checks where checkpoint_id = ? order by at desc limit ?")
                .params(checkpointId, Math.min(Math.max(limit, 1), 200))
                .query(String.class)
                .list()
                .stream()
                .map(s -> json.readValue(s, CheckResult.class))
                .toList();
    }
}
