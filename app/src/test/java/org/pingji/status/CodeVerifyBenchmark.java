package org.pingji.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * In-process verification of status codes (issue #4 target: ≥ 50,000/s per core). One thread;
 * the whole offline check (base64url, layout, key lookup, Ed25519, expiry) with Bouncy Castle,
 * and the JDK provider's bare signature check for comparison. Run:
 * {@code ./mvnw -pl app test -Dtest=CodeVerifyBenchmark -Dpingji.bench=true}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xshare:off")
public class CodeVerifyBenchmark {

    CodeSigner.SigningKey key;
    String token;
    Instant now;
    byte[] payload;
    byte[] signature;
    Signature jdk;

    @Setup
    public void setUp() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        key = new CodeSigner.SigningKey("0a1b2c3d", raw, pair.getPublic(), pair.getPrivate(), Instant.now());
        now = Instant.now();
        token = StatusCodes.encode(
                key,
                data -> {
                    try {
                        Signature s = Signature.getInstance("Ed25519");
                        s.initSign(pair.getPrivate());
                        s.update(data);
                        return s.sign();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                new byte[10],
                HealthColor.GREEN,
                0,
                now,
                now.plusSeconds(1800));
        byte[] bytes = Base64.getUrlDecoder().decode(token.substring(4));
        payload = Arrays.copyOf(bytes, StatusCodes.PAYLOAD);
        signature = Arrays.copyOfRange(bytes, StatusCodes.PAYLOAD, bytes.length);
        jdk = Signature.getInstance("Ed25519");
        if (!StatusCodes.decodeAndVerify(token, k -> key, now).valid()) {
            throw new IllegalStateException("benchmark token does not verify");
        }
    }

    @Benchmark
    public boolean fullCheckBouncyCastle() {
        return StatusCodes.decodeAndVerify(token, k -> key, now).valid();
    }

    @Benchmark
    public boolean signatureOnlyJdk() throws Exception {
        jdk.initVerify(key.publicKey());
        jdk.update(payload);
        return jdk.verify(signature);
    }

    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
    void run() throws Exception {
        var results = new Runner(new OptionsBuilder()
                        .include(CodeVerifyBenchmark.class.getSimpleName())
                        .threads(1)
                        .build())
                .run();
        assertThat(results).isNotEmpty();
        results.forEach(r -> System.out.printf(
                "BENCH %s %.0f ops/s ± %.0f%n",
                r.getPrimaryResult().getLabel(),
                r.getPrimaryResult().getScore(),
                r.getPrimaryResult().getScoreError()));
    }
}
