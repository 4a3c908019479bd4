package org.pingji.checkpoint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.platform.Refusal;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.risk.RiskAreas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The facade of checkpoints: the four-code decision, passages, counts and transfers. */
@Service
public class Checkpoints {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

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
    public static class NotFound extends Refusal {
        NotFound(String message) {
            super(Kind.NOT_FOUND, "checkpoint.not_found", message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GridManagement grid;
    private final RiskAreas risk;
    private final PolicyEditions policy;
    private final TravellerLookup lookup;
    private final CheckRecords records;
    private final JsonMapper json;

    Checkpoints(
            JdbcClient jdbc,
            Clock clock,
            GridManagement grid,
            RiskAreas risk,
            PolicyEditions policy,
            TravellerLookup lookup,
            CheckRecords records,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grid = grid;
        this.risk = risk;
        this.policy = policy;
        this.lookup = lookup;
        this.records = records;
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
     * result and records nothing; the same id with other content is refused. The rules are
     * {@link FourCodeDecision}; the facts come from {@link TravellerLookup} in one pass.
     */
    @Transactional
    public CheckResult check(Caller caller, long checkpointId, CheckRequest r) {
        caller.require(Permission.CHECKPOINT_CHECK);
        CheckpointView cp = checkpoint(caller, checkpointId);
        List<String> entries = CheckRequests.entries(r);
        String hash = CheckRequests.hash(checkpointId, entries, r);
        var existing = records.find(r.checkId());
        if (existing.isPresent()) {
            if (!existing.get().hash().equals(hash)) {
                throw new CheckRefused("检查编号 %s 已用于另一次检查".formatted(r.checkId()));
            }
            return records.answer(existing.get());
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
        List<FourCodeDecision.Facts> facts = lookup.lookUp(caller, entries, r, originCode, edition, now);
        List<CheckResult.Traveller> travellers = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            travellers.add(FourCodeDecision.decide(i + 1, facts.get(i), edition.testValidityHours(), now));
        }
        int passengers = r.passengers() == null ? entries.size() : r.passengers();
        FourCodeDecision.Vehicle vehicle = FourCodeDecision.vehicle(travellers, r.selfDrive(), passengers);
        String path = grid.findRegion(cp.microGridCode()).orElseThrow().path();
        List<Long> transferIds = records.record(
                caller,
                checkpointId,
                path,
                r,
                passengers,
                vehicle.decision(),
                edition.reference(),
                hash,
                travellers,
                now);
        CheckResult result = new CheckResult(
                r.checkId(),
                checkpointId,
                vehicle.decision(),
                vehicle.decision().label(),
                vehicle.reasons(),
                List.copyOf(travellers),
                List.copyOf(transferIds),
                edition.reference(),
                now);
        records.answer(r.checkId(), result);
        return result;
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
