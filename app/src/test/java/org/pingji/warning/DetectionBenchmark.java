package org.pingji.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue #12 target: EARS C1, C2, C3 plus the moving percentile over 3,000 series × 365 days
 * (with the 3 years and 3 weeks of history MPM reads) in ≤ 0.3 s on one core. One operation is
 * all four methods over all series, single-threaded; run by {@code bench/detection-benchmark.sh}
 * (pinned to one core with {@code taskset}).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
public class DetectionBenchmark {

    static final int SERIES = Integer.getInteger("pingji.bench.series", 3000);
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    Detection detection;
    DailySeries[] series;
    List<DetectionSettings> settings;

    @Setup(Level.Trial)
    public void setUp() {
        detection = new Detection();
        settings = List.of(
                DetectionSettings.of(DetectionMethod.C1),
                DetectionSettings.of(DetectionMethod.C2),
                DetectionSettings.of(DetectionMethod.C3),
                DetectionSettings.of(DetectionMethod.MPM));
        int history = settings.stream().mapToInt(detection::historyDays).max().orElseThrow();
        LocalDate start = FROM.minusDays(history);
        int days = (int) ChronoUnit.DAYS.between(start, TO) + 1;
        var random = new SplittableRandom(12);
        series = new DailySeries[SERIES];
        for (int s = 0; s < SERIES; s++) {
            double mean = 0.2 + random.nextDouble() * 30; // sparse to busy series
            long[] x = new long[days];
            for (int i = 0; i < days; i++) {
                x[i] = poisson(random, mean * (1 + 0.3 * Math.sin(2 * Math.PI * i / 365.25)));
            }
            series[s] = new DailySeries(start, x);
        }
    }

    static long poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** All four methods over all series; returns the alarm count (so nothing is optimised away). */
    long all() {
        long alarms = 0;
        for (DailySeries s : series) {
            for (DetectionSettings setting : settings) {
                alarms += detection.compute(s, FROM, TO, setting).alarms();
            }
        }
        return alarms;
    }

    /** The same, with a {@link DetectionPoint} made for every day (what the JSON API answers). */
    long allAsPoints() {
        long alarms = 0;
        for (DailySeries s : series) {
            for (DetectionSettings setting : settings) {
                for (DetectionPoint p : detection.detect(s, FROM, TO, setting)) {
                    alarms += p.alarm() ? 1 : 0;
                }
            }
        }
        return alarms;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long coldFirstRun() {
        return all();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long warm() {
        return all();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long warmAsPoints() {
        return allAsPoints();
    }

    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
    void run() throws Exception {
        var results = new Runner(new OptionsBuilder()
                        .include(DetectionBenchmark.class.getSimpleName())
                        .build())
                .run();
        assertThat(results).isNotEmpty();
        results.forEach(r -> System.out.printf(
                "BENCH %s %.1f ms (iterations min %.1f, max %.1f; %d series x 365 days, C1+C2+C3+MPM)%n",
                r.getPrimaryResult().getLabel(),
                r.getPrimaryResult().getScore(),
                r.getPrimaryResult().getStatistics().getMin(),
                r.getPrimaryResult().getStatistics().getMax(),
                SERIES));
    }
}
