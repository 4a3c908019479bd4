package org.pingji.arrival;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.policy.Exposure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of arrivals: report, measures, tasks, counts, and re-matching on risk changes. The
 * work is done by package-private parts: {@link ArrivalReporting}, {@link ArrivalRisks} (judged on
 * read), {@link ArrivalReads}, {@link ArrivalTasks} and {@link ArrivalRematch}.
 */
@Service
public class Arrivals {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** An arrival to record. */
    public record NewArrival(
            long personId, String origin, String route, Instant departedAt, Instant arrivedAt, String transport) {}

    /** A required measure with its due time (and end, for quarantine and monitoring). */
    public record Measure(String kind, int day, Instant due, Instant until) {}

    public record ArrivalView(
            long id,
            long personId,
            String origin,
            String originCode,
            String originName,
            Instant departedAt,
            Instant arrivedAt,
            String transport,
            String reportedVia,
            Exposure exposure,
            String riskArea,
            String policyEdition,
            List<Measure> measures) {}

    public record Task(
            long id,
            long arrivalId,
            long personId,
            String personName,
            String kind,
            int day,
            Instant due,
            Instant until,
            boolean overdue,
            Instant doneAt,
            String doneBy,
            String outcome) {}

    /** Arrivals per region: screened, out of province, by exposure, and required quarantines. */
    public record RegionCounts(
            String regionCode,
            long screened,
            long outOfProvince,
            long highRisk,
            long mediumRisk,
            long centralQuarantine,
            long homeQuarantine) {}

    /**
     * A high- or medium-risk arrival that applies to a person at an instant: from the later of the
     * arrival and the area's listing, until the edition's travel-history days after the arrival.
     */
    public record ArrivalRisk(
            long arrivalId,
            long personId,
            Exposure exposure,
            String areaText,
            String levelLabel,
            Instant since,
            Instant until,
            String policyEdition) {}

    private final ArrivalReporting reporting;
    private final ArrivalRisks risks;
    private final ArrivalReads reads;
    private final ArrivalTasks tasks;
    private final ArrivalRematch rematch;

    Arrivals(
            ArrivalReporting reporting,
            ArrivalRisks risks,
            ArrivalReads reads,
            ArrivalTasks tasks,
            ArrivalRematch rematch) {
        this.reporting = reporting;
        this.risks = risks;
        this.reads = reads;
        this.tasks = tasks;
        this.rematch = rematch;
    }

    /** Records an arrival and derives its exposure, measures and tasks. */
    @Transactional
    public ArrivalView report(Caller caller, NewArrival a, String via) {
        return reads.arrival(reporting.report(caller, a, via));
    }

    /**
     * The risk reasons a person's recent arrivals give at an instant, judged against the risk
     * versions now known (so a notice applied after the trip counts at once) and the edition in
     * force at each arrival.
     */
    public List<ArrivalRisk> risksOf(long personId, Instant at) {
        return risks.risksOf(List.of(personId), at);
    }

    /** The same for many persons in one query (dashboards, benchmarks). */
    public List<ArrivalRisk> risksOf(Collection<Long> personIds, Instant at) {
        return risks.risksOf(personIds, at);
    }

    /** One arrival, if the caller may see it (their own, or in the jurisdiction). */
    public ArrivalView arrival(Caller caller, long id) {
        return reads.arrival(caller, id);
    }

    /** A person's arrivals since an instant, newest first (unscoped: checkpoints decide with them). */
    public List<ArrivalView> arrivalsOf(long personId, Instant since) {
        return reads.arrivalsOf(personId, since);
    }

    /** Recent arrivals in the caller's jurisdiction, newest first. */
    public List<ArrivalView> recent(Caller caller, int limit) {
        return reads.recent(caller, limit);
    }

    /** Open (or all) tasks in the caller's jurisdiction, earliest due first. */
    public List<Task> tasks(Caller caller, boolean openOnly) {
        return tasks.tasks(caller, openOnly);
    }

    /** Marks a task done with its outcome (e.g. "阴性", "已入住隔离点"). */
    @Transactional
    public void complete(Caller caller, long taskId, String outcome) {
        tasks.complete(caller, taskId, outcome);
    }

    /** Counts per child region of the given region (or the caller's jurisdiction root). */
    public List<RegionCounts> counts(Caller caller, String regionPath) {
        return reads.counts(caller, regionPath);
    }

    /**
     * Re-matches every recent arrival from the changed areas (their codes or below) against the
     * risk versions now known, and rewrites the reasons and adds the tasks that changed. Set-based:
     * one read per changed code, then batched writes.
     */
    public Recomputed recompute(List<String> codes) {
        return rematch.recompute(codes);
    }

    /** What a recomputation did and how long its phases took. */
    public record Recomputed(
            int arrivalsMatched,
            int exposuresChanged,
            int tasksAdded,
            long readMillis,
            long matchMillis,
            long tasksMillis) {}
}
