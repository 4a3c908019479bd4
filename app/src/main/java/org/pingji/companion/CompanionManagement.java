package org.pingji.companion;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.stereotype.Service;

/**
 * Companion runs and their follow-ups. A run applies the companion definition of the policy edition in force
 * when it starts. A run is stored RUNNING, executed by one background worker at a time (the
 * Spark job takes the machine's cores), and ends DONE with its companions or FAILED with the reason. Each
 * companion whose phone belongs to a ledger person in the run's jurisdiction becomes a follow-up of a grid
 * worker of that person's micro-grid.
 */
@Service
public class CompanionManagement {

    /** A new run: the period {@code [from, to)} and the case phones (any common spelling; normalised here). */
    public record NewRun(List<String> casePhones, Instant from, Instant to) {}

    private final CompanionRuns starts;
    private final CompanionRunReads reads;
    private final FollowUps followUps;

    CompanionManagement(CompanionRuns starts, CompanionRunReads reads, FollowUps followUps) {
        this.starts = starts;
        this.reads = reads;
        this.followUps = followUps;
    }

    /**
     * Validates the request, keeps the uploaded pings and starts the run in the background; returns its id.
     *
     * @throws IllegalArgumentException for an empty file, no or malformed case phones, or {@code from >= to}
     */
    public long start(Caller caller, NewRun run, String fileName, InputStream pings) throws IOException {
        return starts.start(caller, run, fileName, pings);
    }

    /** One run with its companions (full phones: the read is audited); 404 outside the jurisdiction. */
    public RunView run(Caller caller, long id) {
        return reads.run(caller, id);
    }

    /** Progress only (no phones, not audited): for the progress bar. */
    public RunView progress(Caller caller, long id) {
        return reads.progress(caller, id);
    }

    /** The latest 50 runs in the caller's jurisdiction (no phones). */
    public List<RunView> runs(Caller caller) {
        return reads.runs(caller);
    }

    /**
     * Follow-ups: a grid worker's own (assigned to them, in their jurisdiction); with {@code runId}, a run's
     * follow-ups for those who may read runs.
     */
    public List<FollowUpView> followUps(Caller caller, Long runId) {
        return followUps.followUps(caller, runId);
    }

    /**
     * Records a step of a follow-up the caller is assigned to (an admin may record any in the jurisdiction).
     * Order: LOCATE, FIRST_TEST (result), SECOND_TEST (result), CLEAR (both negative); ESCALATE at any point before
     * the end. Audited.
     *
     * @throws FollowUpRefused when the step does not fit the current status
     */
    public FollowUpView record(Caller caller, long followUpId, FollowUpStep step, String result, String note) {
        return followUps.record(caller, followUpId, step, result, note);
    }
}
