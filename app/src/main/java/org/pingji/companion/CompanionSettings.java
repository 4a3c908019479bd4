package org.pingji.companion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pingji.companion}.
 *
 * <p>The job: {@code analyticsDir} is the analytics module's {@code target} folder (holding {@code classes/} and
 * {@code job-classpath.txt}); empty means {@code analytics/target} when started from the repository root
 * ({@code java -jar app/target/pingji.jar}) or {@code ../analytics/target} from {@code app/} ({@code ./mvnw
 * spring-boot:run}, tests). {@code java} is the child JVM's executable (default: the platform's own), {@code
 * master} the Spark master ({@code local[2]}), {@code heap} the child's {@code -Xmx}, {@code timeout} when a run
 * is abandoned, {@code workDir} where uploads wait for the job.
 *
 * <p>The definition until policy editions supply it: {@code cellMeters} (800), {@code minOverlap} (10 min),
 * {@code lookBack} (14 days), {@code accumulated} (the optional "> 30 h accumulated in the cell" clause; 0 = off)
 * and {@code maxPingGap} (how long one ping stands for, 60 min).
 */
@ConfigurationProperties("pingji.companion")
record CompanionSettings(
        String analyticsDir,
        String java,
        String master,
        String heap,
        Duration timeout,
        String workDir,
        Integer cellMeters,
        Duration minOverlap,
        Duration lookBack,
        Duration accumulated,
        Duration maxPingGap) {

    CompanionSettings {
        java = blank(java) ? ProcessHandle.current().info().command().orElse("java") : java;
        master = blank(master) ? "local[2]" : master;
        heap = blank(heap) ? "2g" : heap;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
        workDir = blank(workDir) ? System.getProperty("java.io.tmpdir") + "/pingji-companion" : workDir;
        cellMeters = cellMeters == null ? 800 : cellMeters;
        minOverlap = minOverlap == null ? Duration.ofMinutes(10) : minOverlap;
        lookBack = lookBack == null ? Duration.ofDays(14) : lookBack;
        accumulated = accumulated == null ? Duration.ZERO : accumulated;
        maxPingGap = maxPingGap == null ? Duration.ofMinutes(60) : maxPingGap;
    }

    /** The analytics module's target folder, or null when none of the candidates holds a built job. */
    Path jobTarget() {
        if (!blank(analyticsDir)) {
            return built(Path.of(analyticsDir)) ? Path.of(analyticsDir) : null;
        }
        for (String candidate : new String[] {"analytics/target", "../analytics/target"}) {
            if (built(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** What the run page shows as the definition applied. */
    String definitionText() {
        return "cell %d m, overlap > %d min, look-back %d d, accumulated clause %s, ping covers ≤ %d min"
                .formatted(
                        cellMeters,
                        minOverlap.toMinutes(),
                        lookBack.toDays(),
                        accumulated.isZero() ? "off" : "> " + accumulated.toHours() + " h",
                        maxPingGap.toMinutes());
    }

    private static boolean built(Path target) {
        return Files.isRegularFile(target.resolve("job-classpath.txt"))
                && Files.isRegularFile(target.resolve("classes/org/pingji/analytics/CompanionJobMain.class"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
