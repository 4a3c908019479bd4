package org.pingji.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Generated ping files for the tests: one with planted companions near every threshold, one dense random one. */
final class CompanionFixtures {

    static final Instant FROM = Instant.parse("2026-10-25T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-15T00:00:00Z");
    static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");

    static final String C1 = "13900000001";
    static final String C2 = "13900000002";
    static final String C3 = "13900000003";

    /** Companions with the default definition (no accumulated clause). */
    static final List<String> PLANTED =
            List.of("13800000001", "13800000002", "13800000003", "13800000005", "13800000006", "13800000007");

    /** Companions when the "> 30 h accumulated" clause is on: only the one whose case stayed 31 h in the cell. */
    static final List<String> PLANTED_ACCUMULATED = List.of("13800000006");

    /** Bad rows planted in the planted fixture, by reason. */
    static final java.util.Map<String, Long> PLANTED_BAD = java.util.Map.of(
            "WRONG_COLUMN_COUNT", 3L,
            "BAD_PHONE", 1L,
            "BAD_TIMESTAMP", 1L,
            "BAD_COORDINATE", 1L,
            "OUTSIDE_CHINA", 2L,
            "OUTSIDE_PERIOD", 1L,
            "BEFORE_LOOK_BACK", 4L);

    private static final long X = Cells.key(35.97, 110.83, 800);
    private static final long Y = X + 7;
    private static final long Z = X + 13;
    private static final long W = X + 3 * Cells.ROW_FACTOR;
    private static final long V = X - 5 * Cells.ROW_FACTOR;
    private static final long X_NEIGHBOUR = X + 1;
    private static final long FAR = Cells.key(35.20, 111.60, 800);

    private final List<String> lines = new ArrayList<>();

    private CompanionFixtures() {}

    static CompanionRequest request(Path pings, List<String> cases, CompanionDefinition d) {
        return new CompanionRequest(pings.toString(), false, FROM, TO, cases, d);
    }

    /** The planted fixture, rows shuffled, as {@code .csv} or {@code .csv.gz}. */
    static Path planted(Path dir, boolean gzip) throws IOException {
        CompanionFixtures f = new CompanionFixtures();
        // C1 in X 10:00..12:00 (pings every 5 min), then in Z.
        for (int m = 0; m < 120; m += 5) {
            f.ping(C1, 10 * 60 + m, X);
        }
        f.ping(C1, 12 * 60, Z);
        f.ping(C1, 13 * 60, Z);
        // P1: X 11:49, Y at 12:00 -> 11 min together.
        f.ping("13800000001", 11 * 60 + 49, X);
        f.ping("13800000001", 12 * 60, Y);
        // N1: X 11:50, Y 12:00 -> exactly 10 min: not a companion.
        f.ping("13800000011", 11 * 60 + 50, X);
        f.ping("13800000011", 12 * 60, Y);
        // P2: one ping in X at 10:30 and silence: covers 60 min (the gap cap).
        f.ping("13800000002", 10 * 60 + 30, X);
        // N2: in the neighbouring cell for two hours.
        for (int m = 0; m <= 120; m += 10) {
            f.ping("13800000012", 10 * 60 + m, X_NEIGHBOUR);
        }
        // N3: in X from 09:00, leaves at 10:09 -> 9 min together.
        for (int m = 0; m < 69; m += 20) {
            f.ping("13800000013", 9 * 60 + m, X);
        }
        f.ping("13800000013", 10 * 60 + 9, Y);
        // P3: with C2 in W twice for 6 min (12 min in total).
        f.ping(C2, 14 * 60, W);
        f.ping(C2, 15 * 60, W);
        f.ping(C2, 16 * 60, Z);
        f.ping("13800000003", 14 * 60 + 10, W);
        f.ping("13800000003", 14 * 60 + 16, Y);
        f.ping("13800000003", 15 * 60 + 30, W);
        f.ping("13800000003", 15 * 60 + 36, Y);
        // N5: with C2 in W twice for 5 min (10 min in total).
        f.ping("13800000015", 14 * 60 + 20, W);
        f.ping("13800000015", 14 * 60 + 25, Y);
        f.ping("13800000015", 15 * 60 + 40, W);
        f.ping("13800000015", 15 * 60 + 45, Y);
        // N4: with C1 in X for 50 min, but on 2026-10-28, before the 14-day look-back.
        f.pingAt(C1, Instant.parse("2026-10-28T10:00:00Z"), X);
        f.pingAt(C1, Instant.parse("2026-10-28T10:50:00Z"), Z);
        f.pingAt("13800000014", Instant.parse("2026-10-28T10:00:00Z"), X);
        f.pingAt("13800000014", Instant.parse("2026-10-28T10:50:00Z"), Y);
        // P5: written with +86, spaces and a local (Asia/Shanghai) timestamp: X 11:00..11:30 UTC.
        f.raw("+86 138 0000 0005,2026-11-10 19:00:00," + lat(X) + "," + lon(X));
        f.raw("\"13800000005\",2026-11-10T11:30:00Z," + lat(Y) + "," + lon(Y));
        // C3 stays 31 h in V (pings every 30 min); P6 overlaps 20 min there.
        for (int m = 0; m <= 31 * 60; m += 30) {
            f.ping(C3, -24 * 60 + m, V);
        }
        f.ping("13800000006", 3 * 60, V);
        f.ping("13800000006", 3 * 60 + 20, Y);
        // P7: with C1 in X 10:00-10:20 (epoch-second timestamps); neither stayed 30 h in X.
        f.raw("13800000007," + DAY.plusSeconds(36000).getEpochSecond() + "," + lat(X) + "," + lon(X));
        f.raw("13800000007," + DAY.plusSeconds(37200).getEpochSecond() + "," + lat(Y) + "," + lon(Y));
        // N6: a case phone with another case phone is not listed (C2 in X with C1 for 30 min).
        f.ping(C2, 10 * 60, X);
        f.ping(C2, 10 * 60 + 30, Z);
        // Background far away.
        for (int p = 0; p < 20; p++) {
            for (int m = 0; m < 24 * 60; m += 60) {
                f.ping("137%08d".formatted(p), m, FAR);
            }
        }
        // Bad rows.
        f.raw("13800000099,2026-11-10T10:00:00Z," + lat(X));
        f.raw("13800000099,2026-11-10T10:00:00Z," + lat(X) + "," + lon(X) + ",extra");
        f.raw("");
        f.raw("12345,2026-11-10T10:00:00Z," + lat(X) + "," + lon(X));
        f.raw("13800000099,yesterday," + lat(X) + "," + lon(X));
        f.raw("13800000099,2026-11-10T10:00:00Z,abc," + lon(X));
        f.raw("13800000099,2026-11-10T10:00:00Z,0,0");
        f.raw("13800000099,2026-11-10T10:00:00Z," + lon(X) + "," + lat(X));
        f.raw("13800000099,2026-12-01T10:00:00Z," + lat(X) + "," + lon(X));
        return f.write(dir.resolve(gzip ? "planted.csv.gz" : "planted.csv"), new Random(7), true);
    }

    /** Dense random pings of {@code phones} phones in a 3×3 block of cells over two days, rows shuffled. */
    static Path dense(Path dir, int phones, long seed) throws IOException {
        CompanionFixtures f = new CompanionFixtures();
        Random r = new Random(seed);
        for (int p = 0; p < phones; p++) {
            String phone = "136%08d".formatted(p);
            int minute = r.nextInt(2 * 24 * 60 - 240);
            int last = minute + 60 + r.nextInt(240);
            while (minute < last) {
                long cell = X + (r.nextInt(3) - 1) * Cells.ROW_FACTOR + r.nextInt(3) - 1;
                // some pings off the cell centre, near (not on) its edges
                double dLat = (r.nextDouble() - 0.5) * 0.006;
                double dLon = (r.nextDouble() - 0.5) * 0.008;
                f.raw("%s,%s,%.6f,%.6f"
                        .formatted(
                                phone,
                                at(minute).toString(),
                                Cells.centreLat(cell, 800) + dLat,
                                Cells.centreLon(cell, 800) + dLon));
                minute += 1 + r.nextInt(r.nextInt(10) == 0 ? 120 : 30);
            }
        }
        return f.write(dir.resolve("dense-" + seed + ".csv"), r, true);
    }

    /** Case phones of the dense fixture. */
    static List<String> denseCases() {
        return List.of("13600000000", "13600000001", "13600000002", "13600000003", "13600000004");
    }

    private void ping(String phone, int minuteOfDay, long cell) {
        raw(phone + "," + at(minuteOfDay) + "," + lat(cell) + "," + lon(cell));
    }

    private void pingAt(String phone, Instant t, long cell) {
        raw(phone + "," + t.atOffset(ZoneOffset.ofHours(8)) + "," + lat(cell) + "," + lon(cell));
    }

    private void raw(String line) {
        lines.add(line);
    }

    private static Instant at(int minuteOfDay) {
        return DAY.plusSeconds(minuteOfDay * 60L);
    }

    private static String lat(long cell) {
        return "%.7f".formatted(Cells.centreLat(cell, 800));
    }

    private static String lon(long cell) {
        return "%.7f".formatted(Cells.centreLon(cell, 800));
    }

    private Path write(Path file, Random r, boolean header) throws IOException {
        Collections.shuffle(lines, r);
        // the empty line must not be the last one (a trailing newline is not a row)
        if (lines.getLast().isEmpty()) {
            Collections.swap(lines, 0, lines.size() - 1);
        }
        try (OutputStream out = Files.newOutputStream(file);
                OutputStream z = file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
                Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8)) {
            if (header) {
                w.write("phone,timestamp,lat,lon\n");
            }
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        return file;
    }
}
