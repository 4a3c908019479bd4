package org.pingji.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job against the brute-force reference and against the planted truth. */
class CompanionDifferentialTests {

    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = CompanionJobMain.session("local[2]", "4");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void plantedFixtureGivesExactlyThePlantedCompanionsAndBadRows() throws Exception {
        Path csv = CompanionFixtures.planted(dir, false);
        CompanionRequest request = CompanionFixtures.request(
                csv,
                List.of(CompanionFixtures.C1, CompanionFixtures.C2, CompanionFixtures.C3),
                CompanionDefinition.defaults());
        List<Double> progress = new ArrayList<>();
        CompanionResult spark = CompanionJob.run(CompanionDifferentialTests.spark, request, progress::add);
        CompanionResult reference = CompanionReference.run(csv, request);

        assertThat(spark).isEqualTo(reference);
        assertThat(spark.companions())
                .as(spark.toString())
                .extracting(Companion::phone)
                .containsExactlyElementsOf(CompanionFixtures.PLANTED);
        assertThat(spark.badRows()).containsExactlyInAnyOrderEntriesOf(CompanionFixtures.PLANTED_BAD);
        Companion p1 = spark.companions().getFirst();
        assertThat(p1.overlapSeconds()).isEqualTo(660);
        assertThat(p1.overlapMinutes()).isEqualTo(11.0);
        assertThat(p1.casePhone()).isEqualTo(CompanionFixtures.C1);
        assertThat(PingParser.instantText(p1.firstSeen())).isEqualTo("2026-11-10T11:49:00Z");
        assertThat(PingParser.instantText(p1.lastSeen())).isEqualTo("2026-11-10T12:00:00Z");
        Companion p2 = spark.companions().get(1);
        assertThat(p2.overlapSeconds()).isEqualTo(3600);
        Companion p3 = spark.companions().get(2);
        assertThat(p3.overlapSeconds()).isEqualTo(720);
        assertThat(p3.casePhone()).isEqualTo(CompanionFixtures.C2);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void accumulatedClauseKeepsOnlyCellsWithMoreThanThirtyHours() throws Exception {
        Path csv = CompanionFixtures.planted(dir, true);
        CompanionDefinition d = new CompanionDefinition(800, 600, 14, 30 * 3600, 3600);
        CompanionRequest request = CompanionFixtures.request(
                csv, List.of(CompanionFixtures.C1, CompanionFixtures.C2, CompanionFixtures.C3), d);
        CompanionResult spark = CompanionJob.run(CompanionDifferentialTests.spark, request, p -> {});

        assertThat(spark).isEqualTo(CompanionReference.run(csv, request));
        assertThat(spark.companions())
                .extracting(Companion::phone)
                .containsExactlyElementsOf(CompanionFixtures.PLANTED_ACCUMULATED);
    }

    @Test
    void denseRandomPingsGiveTheSameResultAsTheReference() throws Exception {
        for (long seed : new long[] {1, 2}) {
            Path csv = CompanionFixtures.dense(dir, 300, seed);
            CompanionRequest request =
                    CompanionFixtures.request(csv, CompanionFixtures.denseCases(), CompanionDefinition.defaults());
            CompanionResult spark = CompanionJob.run(CompanionDifferentialTests.spark, request, p -> {});
            CompanionResult reference = CompanionReference.run(csv, request);

            assertThat(spark).isEqualTo(reference);
            // dense enough that the thresholds matter: some phones qualify, some do not
            assertThat(spark.companions()).hasSizeBetween(10, 250);
        }
    }
}
