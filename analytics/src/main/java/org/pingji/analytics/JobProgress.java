package org.pingji.analytics;

import java.util.function.DoubleConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress of a run from 0 to 1, from Spark's own task events.
 *
 * <p>The job runs a known number of phases (Spark actions). Within a phase, progress is the share of finished
 * tasks among the tasks of the stages Spark announced for the phase's jobs. Reports go to the consumer at most
 * every 200 ms and never go backwards.
 */
public final class JobProgress extends SparkListener {

    private final DoubleConsumer sink;
    private final int phases;
    private volatile int phase;
    private long tasksTotal;
    private long tasksDone;
    private double reported;
    private long reportedAt;
    private long phaseStarted = System.nanoTime();
    private boolean started;

    public JobProgress(int phases, DoubleConsumer sink) {
        this.phases = phases;
        this.sink = sink;
    }

    /** Starts phase {@code index} (0-based). */
    public synchronized void phase(int index) {
        logPhaseTime();
        started = true;
        phase = index;
        tasksTotal = 0;
        tasksDone = 0;
        report(false);
    }

    /** The run is complete. */
    public synchronized void done() {
        logPhaseTime();
        phase = phases;
        report(true);
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart jobStart) {
        for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
            tasksTotal += stage.numTasks();
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        tasksDone++;
        report(false);
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
        report(false);
    }

    /** Wall time of each phase on standard error, for benchmarks. */
    private void logPhaseTime() {
        long now = System.nanoTime();
        if (phase < phases && tasksTotal > 0) {
            System.err.printf(
                    "companion %s: %.1f s, %d tasks%n",
                    started ? "phase " + (phase + 1) : "setup (schema)", (now - phaseStarted) / 1e9, tasksTotal);
        }
        phaseStarted = now;
    }

    private void report(boolean force) {
        double within = tasksTotal == 0 ? 0 : Math.min(1.0, (double) tasksDone / tasksTotal);
        double p = Math.min(1.0, (phase + within) / phases);
        long now = System.nanoTime();
        if (p > reported && (force || now - reportedAt > 200_000_000L)) {
            reported = p;
            reportedAt = now;
            sink.accept(p);
        }
    }
}
