package org.pingji.testing;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pingji.testing}: the pool sizes rounds may use (until policy editions
 * take over), the scan queue's capacity in scans, the most scans one group commit writes, how
 * long a request waits for its commit, the clock skew tolerated on scan times, and whether
 * scans are group-committed ({@code false}: one transaction per scan, kept only as the
 * benchmark's baseline).
 */
@ConfigurationProperties("pingji.testing")
record TestingSettings(
        List<Integer> allowedPoolSizes,
        Integer queueCapacity,
        Integer maxBatchScans,
        Duration commitTimeout,
        Duration clockSkew,
        Boolean groupCommit) {
    TestingSettings {
        allowedPoolSizes = allowedPoolSizes == null ? List.of(1, 5, 10, 20) : List.copyOf(allowedPoolSizes);
        queueCapacity = queueCapacity == null ? 20_000 : queueCapacity;
        maxBatchScans = maxBatchScans == null ? 2_000 : maxBatchScans;
        commitTimeout = commitTimeout == null ? Duration.ofSeconds(10) : commitTimeout;
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        groupCommit = groupCommit == null || groupCommit;
    }
}
