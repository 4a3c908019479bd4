package org.pingji.analytics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.radians;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spatiotemporal companion detection (时空伴随) as a Spark job; see {@link CompanionDefinition}, {@link Cells} and
 * {@link Presence} for the definition. {@link CompanionJobMain} is the command line for the platform's child JVM
 * and for {@code spark-submit}.
 *
 * <p>Plan (three Spark actions; only the second must read every ping; no shuffle of the full data):
 *
 * <ol>
 *   <li>presence intervals of the case phones (a window over their few pings), collected on the driver;
 *   <li>candidate phones: pings in a case cell near a case interval, found by a broadcast hash join on the cell
 *       with the small case-interval index, aggregated with the bad-row counts of the same scan;
 *   <li>presence intervals of only the candidate phones (broadcast join on phone, then window), intersected with
 *       the case intervals per cell and summed.
 * </ol>
 */
public final class CompanionJob {

    static final int PHASES = 3;

    private static final StructType PARSED = new StructType()
            .add("phone", DataTypes.LongType, true)
            .add("t", DataTypes.LongType, true)
            .add("lat", DataTypes.DoubleType, true)
            .add("lon", DataTypes.DoubleType, true)
            .add("reason", DataTypes.StringType, true);

    private static final StructType INTERVAL = new StructType()
            .add("phone", DataTypes.LongType, false)
            .add("cell", DataTypes.LongType, false)
            .add("start", DataTypes.LongType, false)
            .add("end", DataTypes.LongType, false);

    private static final StructType PHONE = new StructType().add("phone", DataTypes.LongType, false);

    private CompanionJob() {}

    /** Runs the detection in the given session; progress (0..1) goes to {@code progress}. */
    public static CompanionResult run(SparkSession spark, CompanionRequest request, DoubleConsumer progress) {
        JobProgress listener = new JobProgress(PHASES, progress);
        spark.sparkContext().addSparkListener(listener);
        try {
            return detect(spark, request, listener);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    private static CompanionResult detect(SparkSession spark, CompanionRequest request, JobProgress progress) {
        CompanionDefinition d = request.definition();
        long to = request.to().getEpochSecond();
        long gap = d.maxPingGapSeconds();
        Dataset<Row> parsed = request.parquet() ? parquet(spark, request.pings()) : csv(spark, request.pings());
        Dataset<Row> classified = parsed.withColumn(
                "reason",
                when(col("reason").isNotNull(), col("reason"))
                        .when(
                                col("lat")
                                        .lt(3.8)
                                        .or(col("lat").gt(53.6))
                                        .or(col("lon").lt(73.5))
                                        .or(col("lon").gt(135.1)),
                                lit(BadRowReason.OUTSIDE_CHINA.name()))
                        .when(
                                col("t").lt(request.from().getEpochSecond()).or(col("t").geq(to)),
                                lit(BadRowReason.OUTSIDE_PERIOD.name()))
                        .when(col("t").lt(request.lookBackStart()), lit(BadRowReason.BEFORE_LOOK_BACK.name())));

        Dataset<Row> pings = usedPings(classified, d);
        Object[] cases = request.casePhones().stream()
                .map(PingParser::normalisePhone)
                .filter(p -> p != null)
                .map(Long::parseLong)
                .distinct()
                .toArray();

        progress.phase(0);
        List<Row> caseRows = intervals(pings.filter(col("phone").isin(cases)), gap, to)
                .filter(col("end").gt(col("start")))
                .collectAsList();
        Dataset<Row> caseIntervals = spark.createDataFrame(caseRows, INTERVAL)
                .select(
                        col("phone").as("case_phone"),
                        col("cell").as("c_cell"),
                        col("start").as("c_start"),
                        col("end").as("c_end"));

        progress.phase(1);
        // One scan of every row: a left broadcast join on the cell with the case-interval index (one row per case
        // cell, so no row is duplicated), then a tiny aggregation by (bad-row reason, candidate phone) that gives
        // the bad-row counts, the used rows and the candidates at once. The interval test runs only for rows in a
        // case cell.
        Dataset<Row> cellIndex = caseIntervals
                .groupBy(col("c_cell"))
                .agg(collect_list(struct(col("c_start"), col("c_end"))).as("ivs"));
        Dataset<Row> withCell = classified.withColumn("cell", when(col("reason").isNull(), cellKey(d.cellMeters())));
        Column near = expr("exists(ivs, x -> t < x.c_end AND t > x.c_start - %d)".formatted(gap));
        Column candidate =
                when(col("ivs").isNotNull().and(not(col("phone").isin(cases))).and(near), col("phone"));
        Map<String, Long> bad = new TreeMap<>();
        long used = 0;
        List<Object> candidates = new ArrayList<>();
        for (Row r : withCell.join(broadcast(cellIndex), col("cell").equalTo(col("c_cell")), "left")
                .select(col("reason"), candidate.as("candidate"))
                .groupBy("reason", "candidate")
                .count()
                .collectAsList()) {
            if (!r.isNullAt(0)) {
                bad.merge(r.getString(0), r.getLong(2), Long::sum);
            } else {
                used += r.getLong(2);
                if (!r.isNullAt(1)) {
                    candidates.add(r.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            progress.done();
            return new CompanionResult(used, bad, List.of());
        }

        progress.phase(2);
        // an IN list is pushed down to Parquet (row-group statistics, dictionary); a big set goes as a broadcast join
        Dataset<Row> candidatePings = candidates.size() <= 20_000
                ? pings.filter(col("phone").isin(candidates.toArray()))
                : pings.join(
                        broadcast(spark.createDataFrame(
                                candidates.stream().map(RowFactory::create).toList(), PHONE)),
                        "phone");
        Dataset<Row> candidateIntervals =
                intervals(candidatePings, gap, to).filter(col("end").gt(col("start")));
        Column ovStart = greatest(col("start"), col("c_start"));
        Column ovEnd = least(col("end"), col("c_end"));
        Dataset<Row> overlaps = candidateIntervals
                .join(
                        broadcast(caseIntervals),
                        col("cell")
                                .equalTo(col("c_cell"))
                                .and(col("start").lt(col("c_end")))
                                .and(col("end").gt(col("c_start"))))
                .groupBy(col("phone"), col("case_phone"), col("cell"))
                .agg(
                        sum(ovEnd.minus(ovStart)).as("overlap"),
                        min(ovStart).as("first"),
                        max(ovEnd).as("last"))
                .filter(col("overlap").gt(d.minOverlapSeconds()));
        if (d.accumulatedSeconds() > 0) {
            Dataset<Row> own = candidateIntervals
                    .groupBy(col("phone").as("o_phone"), col("cell").as("o_cell"))
                    .agg(sum(col("end").minus(col("start"))).as("own_total"));
            Dataset<Row> caseTotals = caseIntervals
                    .groupBy(col("case_phone").as("t_case"), col("c_cell").as("t_cell"))
                    .agg(sum(col("c_end").minus(col("c_start"))).as("case_total"));
            overlaps = overlaps.join(
                            own,
                            col("phone").equalTo(col("o_phone")).and(col("cell").equalTo(col("o_cell"))))
                    .join(
                            broadcast(caseTotals),
                            col("case_phone")
                                    .equalTo(col("t_case"))
                                    .and(col("cell").equalTo(col("t_cell"))))
                    .filter(col("own_total")
                            .gt(d.accumulatedSeconds())
                            .or(col("case_total").gt(d.accumulatedSeconds())));
        }
        Map<String, Companion> best = new TreeMap<>();
        for (Row r : overlaps.select("phone", "case_phone", "cell", "overlap", "first", "last")
                .collectAsList()) {
            Companion c = new Companion(
                    Long.toString(r.getLong(0)),
                    Cells.label(r.getLong(2)),
                    Long.toString(r.getLong(1)),
                    r.getLong(3),
                    r.getLong(4),
                    r.getLong(5));
            best.merge(c.phone(), c, Companion::better);
        }
        progress.done();
        return new CompanionResult(used, bad, List.copyOf(best.values()));
    }

    private static Dataset<Row> usedPings(Dataset<Row> classified, CompanionDefinition d) {
        return classified
                .filter(col("reason").isNull())
                .select(col("phone"), col("t"), cellKey(d.cellMeters()).as("cell"));
    }

    /** {@code phone, cell, start, end} per ping, per {@link Presence}. */
    private static Dataset<Row> intervals(Dataset<Row> pings, long gap, long windowEnd) {
        WindowSpec w = Window.partitionBy("phone").orderBy("t", "cell");
        Column next = coalesce(lead(col("t"), 1).over(w), lit(Long.MAX_VALUE));
        return pings.select(
                col("phone"),
                col("cell"),
                col("t").as("start"),
                least(next, col("t").plus(gap), lit(windowEnd)).as("end"));
    }

    /** {@link Cells#key} as Spark SQL, same operations in the same order. */
    static Column cellKey(int cellMeters) {
        Column row = floor(col("lat").multiply(Cells.METRES_PER_DEGREE).divide(lit((double) cellMeters)));
        Column rowCentre = row.plus(0.5).multiply(lit((double) cellMeters)).divide(Cells.METRES_PER_DEGREE);
        Column column = floor(col("lon")
                .multiply(Cells.METRES_PER_DEGREE)
                .multiply(cos(radians(rowCentre)))
                .divide(lit((double) cellMeters)));
        return row.multiply(Cells.ROW_FACTOR).plus(column);
    }

    private static Dataset<Row> csv(SparkSession spark, String path) {
        FlatMapFunction<Row, Row> parse = line -> {
            PingParser.Parsed p = PingParser.parse(line.getString(0));
            if (p == null) {
                return Collections.emptyIterator();
            }
            Row row = p.reason() != null
                    ? RowFactory.create(null, null, null, null, p.reason().name())
                    : RowFactory.create(Long.parseLong(p.phone()), p.epochSecond(), p.lat(), p.lon(), null);
            return Collections.singletonList(row).iterator();
        };
        return spark.read().text(path).flatMap(parse, Encoders.row(PARSED));
    }

    private static Dataset<Row> parquet(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().parquet(path);
        List<String> missing = new ArrayList<>();
        for (String c : List.of("phone", "timestamp", "lat", "lon")) {
            if (!List.of(df.columns()).contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Parquet pings %s lack columns %s (have %s)".formatted(path, missing, List.of(df.columns())));
        }
        DataType phoneType = df.schema().apply("phone").dataType();
        Column phone = phoneType.equals(DataTypes.StringType)
                ? when(col("phone").rlike("^1[3-9][0-9]{9}$"), col("phone").cast("long"))
                : col("phone").cast("long");
        Column validPhone = phone.between(13_000_000_000L, 19_999_999_999L);
        DataType timeType = df.schema().apply("timestamp").dataType();
        Column t = timeType.equals(DataTypes.TimestampType) || timeType.equals(DataTypes.TimestampNTZType)
                ? unix_seconds(col("timestamp"))
                : col("timestamp").cast("long");
        Column lat = col("lat").cast("double");
        Column lon = col("lon").cast("double");
        Column reason = when(phone.isNull().or(not(validPhone)), lit(BadRowReason.BAD_PHONE.name()))
                .when(t.isNull(), lit(BadRowReason.BAD_TIMESTAMP.name()))
                .when(
                        lat.isNull().or(lon.isNull()).or(isnan(lat)).or(isnan(lon)),
                        lit(BadRowReason.BAD_COORDINATE.name()));
        return df.select(phone.as("phone"), t.as("t"), lat.as("lat"), lon.as("lon"), reason.as("reason"));
    }
}
