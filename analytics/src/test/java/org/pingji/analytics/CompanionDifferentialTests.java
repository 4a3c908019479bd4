package org.pingji.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

    @Test
    void parquetInputGivesTheSameCompanionsAsCsv() throws Exception {
        Path csv = CompanionFixtures.planted(dir, false);
        List<String> cases = List.of(CompanionFixtures.C1, CompanionFixtures.C2, CompanionFixtures.C3);
        CompanionResult fromCsv =
                CompanionJob.run(spark, CompanionFixtures.request(csv, cases, CompanionDefinition.defaults()), p -> {});
        StructType schema = new StructType()
                .add("phone", DataTypes.StringType, true)
                .add("timestamp", DataTypes.TimestampType, true)
                .add("lat", DataTypes.DoubleType, true)
                .add("lon", DataTypes.DoubleType, true);
        List<Row> rows = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(csv)) {
            PingParser.Parsed p = PingParser.parse(line);
            if (p != null && p.reason() == null) {
                rows.add(RowFactory.create(
                        p.phone(),
                        java.sql.Timestamp.from(java.time.Instant.ofEpochSecond(p.epochSecond())),
                        p.lat(),
                        p.lon()));
            }
        }
        rows.add(RowFactory.create("12345", java.sql.Timestamp.from(CompanionFixtures.DAY), 36.0, 111.0));
        rows.add(RowFactory.create("13800000098", null, 36.0, 111.0));
        rows.add(RowFactory.create("13800000098", java.sql.Timestamp.from(CompanionFixtures.DAY), null, 111.0));
        Path parquet = dir.resolve("planted.parquet");
        spark.createDataFrame(rows, schema).write().mode("overwrite").parquet(parquet.toString());

        CompanionResult fromParquet = CompanionJob.run(
                spark,
                new CompanionRequest(
                        parquet.toString(),
                        true,
                        CompanionFixtures.FROM,
                        CompanionFixtures.TO,
                        cases,
                        CompanionDefinition.defaults()),
                p -> {});

        assertThat(fromParquet.companions()).isEqualTo(fromCsv.companions());
        assertThat(fromParquet.usedRows()).isEqualTo(fromCsv.usedRows());
        assertThat(fromParquet.badRows())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        "BAD_PHONE", 1L,
                        "BAD_TIMESTAMP", 1L,
                        "BAD_COORDINATE", 1L,
                        "OUTSIDE_CHINA", 2L,
                        "OUTSIDE_PERIOD", 1L,
                        "BEFORE_LOOK_BACK", 4L));
    }
}
