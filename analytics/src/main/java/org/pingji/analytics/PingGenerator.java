package org.pingji.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.radians;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Generates the benchmark pings as Parquet ({@code phone} long, {@code timestamp} epoch seconds, {@code lat},
 * {@code lon}): {@code phones} phones × {@code days} days × 24 hourly pings, ordered by day, then phone.
 *
 * <p>Phones 0..49 (×{@code cases}) are the case phones; for each case i five planted phones live in their own
 * cells far from the background: A (with the case at home for 60 min on day 12 → companion), B (at the case's
 * work for 11 min on day 10 → companion), N (10 min → not), M (the neighbouring cell every night → not) and the
 * case itself. The other phones commute between a home and a work cell drawn from a hash of the phone, in a
 * 140 × 110-cell area around Xiangning, with 0–599 s of jitter per ping. Writes {@code case-phones.txt} and
 * {@code expected-companions.txt} beside the data. Not timed; run by {@code bench/companion-benchmark.sh}.
 */
public final class PingGenerator {

    static final long PHONE_BASE = 13_000_000_000L;
    static final int HOME_ROW = 5300;
    static final int CASE_COL = 13000;

    private PingGenerator() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = CompanionJobMain.options(args);
        Path out = Path.of(a.get("out"));
        long phones = Long.parseLong(a.getOrDefault("phones", "1000000"));
        int days = Integer.parseInt(a.getOrDefault("days", "14"));
        int cases = Integer.parseInt(a.getOrDefault("cases", "50"));
        int partitions = Integer.parseInt(a.getOrDefault("files", "112"));
        Instant from = Instant.parse(a.getOrDefault("from", "2026-11-01T00:00:00Z"));
        SparkSession spark = CompanionJobMain.session(a.getOrDefault("master", "local[2]"), null);
        try {
            generate(spark, out, phones, days, cases, partitions, from.getEpochSecond());
        } finally {
            spark.stop();
        }
    }

    static void generate(SparkSession spark, Path out, long phones, int days, int cases, int files, long from)
            throws IOException {
        int planted = cases * 5;
        long background = phones - planted;
        long perDay = background * 24;
        Column id = col("id");
        Column day = id.divide(perDay).cast("long");
        Column rem = pmod(id, lit(perDay));
        Column phoneIndex = rem.divide(24).cast("long").plus(planted);
        Column hour = pmod(rem, lit(24L));
        Column jitter = pmod(hash(id), lit(600));
        Column t =
                lit(from).plus(day.multiply(86_400L)).plus(hour.multiply(3600L)).plus(jitter);
        Column atHome = hour.lt(8).or(hour.geq(19));
        Column homeRow = lit(4950).plus(pmod(hash(phoneIndex, lit(1)), lit(140)));
        Column homeCol = lit(12400).plus(pmod(hash(phoneIndex, lit(2)), lit(110)));
        Column workRow = lit(4950).plus(pmod(hash(phoneIndex, lit(3)), lit(140)));
        Column workCol = lit(12400).plus(pmod(hash(phoneIndex, lit(4)), lit(110)));
        Column row = when(atHome, homeRow).otherwise(workRow);
        Column column = when(atHome, homeCol).otherwise(workCol);
        // a fixed spot inside the cell per phone, never on an edge
        Column fLat = pmod(hash(phoneIndex, lit(5)), lit(80)).divide(100.0).plus(0.1);
        Column fLon = pmod(hash(phoneIndex, lit(6)), lit(80)).divide(100.0).plus(0.1);
        Column lat = row.plus(fLat).multiply(800.0).divide(Cells.METRES_PER_DEGREE);
        Column rowCentre = row.plus(0.5).multiply(800.0).divide(Cells.METRES_PER_DEGREE);
        Column lon = column.plus(fLon)
                .multiply(800.0)
                .divide(lit(Cells.METRES_PER_DEGREE).multiply(cos(radians(rowCentre))));
        Dataset<Row> bg = spark.range(0, perDay * days, 1, files)
                .select(lit(PHONE_BASE).plus(phoneIndex).as("phone"), t.as("timestamp"), lat.as("lat"), lon.as("lon"));
        StructType schema = bg.schema();
        Dataset<Row> plantedRows = spark.createDataFrame(planted(cases, days, from), schema)
                .select(
                        col("phone"),
                        col("timestamp"),
                        col("lat"),
                        col("lon"),
                        floor(col("timestamp").minus(from).divide(86_400)).as("day"));
        bg.unionByName(plantedRows.drop("day"))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(out.resolve("pings.parquet").toString());
        List<String> casePhones = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            casePhones.add(Long.toString(PHONE_BASE + i));
            expected.add(Long.toString(PHONE_BASE + cases + i));
            expected.add(Long.toString(PHONE_BASE + 2L * cases + i));
        }
        expected.sort(null);
        Files.write(out.resolve("case-phones.txt"), casePhones);
        Files.write(out.resolve("expected-companions.txt"), expected);
    }

    /** The planted phones' rows: cases, A, B, N, M (see the class comment). */
    static List<Row> planted(int cases, int days, long from) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            long c = PHONE_BASE + i;
            long pa = PHONE_BASE + cases + i;
            long pb = PHONE_BASE + 2L * cases + i;
            long pn = PHONE_BASE + 3L * cases + i;
            long pm = PHONE_BASE + 4L * cases + i;
            for (int d = 0; d < days; d++) {
                for (int h = 0; h < 24; h++) {
                    long t = from + d * 86_400L + h * 3600L;
                    boolean home = h < 8 || h >= 19;
                    rows.add(ping(c, t, home ? HOME_ROW : HOME_ROW + 2, CASE_COL + i));
                    rows.add(ping(pa, t, d == 12 && h == 20 ? HOME_ROW : HOME_ROW + 4, CASE_COL + i));
                    rows.add(ping(pb, t, d == 10 && h == 9 ? HOME_ROW + 2 : HOME_ROW + 6, CASE_COL + i));
                    rows.add(ping(pn, t, d == 10 && h == 9 ? HOME_ROW + 2 : HOME_ROW + 8, CASE_COL + i));
                    rows.add(ping(pm, t, home ? HOME_ROW + 1 : HOME_ROW + 10, CASE_COL + i));
                    if (d == 10 && h == 9) {
                        rows.add(ping(pb, t + 660, HOME_ROW + 6, CASE_COL + i));
                        rows.add(ping(pn, t + 600, HOME_ROW + 8, CASE_COL + i));
                    }
                }
            }
        }
        return rows;
    }

    private static Row ping(long phone, long t, int row, int col) {
        long key = row * Cells.ROW_FACTOR + col;
        return RowFactory.create(phone, t, Cells.centreLat(key, 800), Cells.centreLon(key, 800));
    }
}
