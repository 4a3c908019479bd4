package org.pingji.analytics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Command line of the companion job, for the platform's child JVM and for {@code spark-submit}.
 *
 * <pre>
 * --pings PATH            CSV (.csv, .csv.gz, folder of them) or Parquet (.parquet or --format parquet)
 * --from ISO --to ISO     the period [from, to)
 * --case-phones A,B,...   case phones (or --case-phones-file FILE, one a line)
 * --out FILE              result JSON, written by the driver
 * --master URL            default: spark.master if set (spark-submit), else local[*]
 * --cell-meters 800 --min-overlap-minutes 10 --look-back-days 14 --accumulated-hours 0 --max-ping-gap-minutes 60
 * --shuffle-partitions N  default 8 in local mode
 * </pre>
 *
 * <p>Standard output carries one line per event: {@code PROGRESS 0.4231}, then {@code DONE} or {@code FAILED
 * message}; Spark's own logging goes to standard error. Exit code 0 on success, 1 on failure, 2 on bad arguments.
 */
public final class CompanionJobMain {

    private CompanionJobMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, String> a;
        CompanionRequest request;
        try {
            a = options(args);
            request = request(a);
        } catch (RuntimeException | IOException e) {
            out.println("FAILED " + oneLine(e.getMessage()));
            out.flush();
            System.exit(2);
            return;
        }
        int status = 0;
        SparkSession spark = session(a.get("master"), a.get("shuffle-partitions"));
        try {
            CompanionResult result = CompanionJob.run(spark, request, p -> {
                out.printf("PROGRESS %.4f%n", p);
                out.flush();
            });
            Path target = Path.of(required(a, "out"));
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, ResultJson.write(result), StandardCharsets.UTF_8);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.println("DONE");
        } catch (Exception e) {
            e.printStackTrace();
            out.println("FAILED " + oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
            status = 1;
        } finally {
            out.flush();
            spark.stop();
        }
        System.exit(status);
    }

    /** A session for the job: loopback-only and without UI in local mode. */
    public static SparkSession session(String master, String shufflePartitions) {
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder()
                .appName("pingji-companion")
                .master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC");
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", shufflePartitions != null ? shufflePartitions : "8");
        } else if (shufflePartitions != null) {
            b.config("spark.sql.shuffle.partitions", shufflePartitions);
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    static CompanionRequest request(Map<String, String> a) throws IOException {
        String pings = required(a, "pings");
        String format = a.getOrDefault("format", "auto");
        boolean parquet = format.equals("parquet") || (format.equals("auto") && pings.endsWith(".parquet"));
        List<String> cases = a.containsKey("case-phones-file")
                ? Files.readAllLines(Path.of(a.get("case-phones-file"))).stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : Arrays.stream(required(a, "case-phones").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        CompanionDefinition d = new CompanionDefinition(
                Integer.parseInt(a.getOrDefault("cell-meters", "800")),
                Math.round(Double.parseDouble(a.getOrDefault("min-overlap-minutes", "10")) * 60),
                Integer.parseInt(a.getOrDefault("look-back-days", "14")),
                Math.round(Double.parseDouble(a.getOrDefault("accumulated-hours", "0")) * 3600),
                Math.round(Double.parseDouble(a.getOrDefault("max-ping-gap-minutes", "60")) * 60));
        return new CompanionRequest(
                pings, parquet, Instant.parse(required(a, "from")), Instant.parse(required(a, "to")), cases, d);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value, got " + args[i]);
            }
            a.put(args[i].substring(2), args[++i]);
        }
        return a;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return v;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
