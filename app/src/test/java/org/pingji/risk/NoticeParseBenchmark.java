package org.pingji.risk;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Parsing 1 MB of notice text (issue #4 target: < 1 s): ~44,000 areas in one block, alternating
 * provinces so every area is resolved from its own names, plus the cold first parse (a fresh JVM
 * per fork, measured as single shots). Run:
 * {@code ./mvnw -pl app test -Dtest=NoticeParseBenchmark -Dpingji.bench=true}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xshare:off")
public class NoticeParseBenchmark {

    NoticeParser parser;
    String text;

    @Setup(Level.Trial)
    public void setUp() {
        parser = new NoticeParser(new AddressResolver(new Divisions()));
        StringBuilder sb = new StringBuilder("截至2022年3月16日6时:低风险区调整为中风险区N个:");
        int count = 0;
        while (sb.length() < 1_000_000) {
            sb.append(count % 2 == 0 ? "江苏省常州市武进区湖塘镇张家村" : "山东省淄博市周村区北部镇大埠村")
                    .append(count)
                    .append("号楼;");
            count++;
        }
        sb.append("江苏省南京市江宁区东山街道末尾小区。");
        text = sb.toString().replace("N个", (count + 1) + "个");
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ParsedNotice coldFirstParse() {
        return parser.parse(text);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public ParsedNotice warmParse() {
        return parser.parse(text);
    }

    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
    void run() throws Exception {
        var results = new Runner(new OptionsBuilder()
                        .include(NoticeParseBenchmark.class.getSimpleName())
                        .build())
                .run();
        assertThat(results).isNotEmpty();
        results.forEach(r -> System.out.printf(
                "BENCH %s %.1f ms%n",
                r.getPrimaryResult().getLabel(), r.getPrimaryResult().getScore()));
    }
}
