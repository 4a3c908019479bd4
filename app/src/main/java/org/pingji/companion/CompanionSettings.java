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
 * <p>The companion definition comes from the policy edition in force; only {@code maxPingGap} (how long one
 * ping stands for, 60 min) is a setting.
 */
@ConfigurationProperties("pingji.companion")
record CompanionSettings(
        String analyticsDir,
        String java,
        String master,
        String heap,
        Duration timeout,
        String workDir,
        Duration maxPingGap) {

    CompanionSettings {
        java = blank(java) ? ProcessHandle.current().info().command().orElse("java") : java;
        master = blank(master) ? "local[2]" : master;
        heap = blank(heap) ? "2g" : heap;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
        workDir = blank(workDir) ? System.getProperty("java.io.tmpdir") + "/pingji-companion" : workDir;
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

    private static boolean built(Path target) {
        return Files.isRegularFile(target.resolve("job-classpath.txt"))
                && Files.isRegularFile(target.resolve("classes/org/pingji/analytics/CompanionJobMain.class"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
