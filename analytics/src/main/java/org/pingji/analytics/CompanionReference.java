package org.pingji.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Brute-force reference of the companion definition in plain Java, for the differential test: no Spark, no
 * index, every case interval against every interval of every other phone. Reads one CSV file (gzip allowed).
 * Quadratic; for fixtures only.
 */
public final class CompanionReference {

    private CompanionReference() {}

    private record Ping(long phone, long t, long cell) {}

    private record Interval(long phone, long cell, long start, long end) {}

    public static CompanionResult run(Path csv, CompanionRequest request) throws IOException {
        CompanionDefinition d = request.definition();
        long from = request.from().getEpochSecond();
        long to = request.to().getEpochSecond();
        Map<String, Long> bad = new TreeMap<>();
        Map<Long, List<Ping>> byPhone = new HashMap<>();
        long used = 0;
        try (InputStream raw = Files.newInputStream(csv);
                InputStream in = csv.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                PingParser.Parsed p = PingParser.parse(line);
                if (p == null) {
                    continue;
                }
                BadRowReason reason = PingParser.classify(p, from, to, request.lookBackStart());
                if (reason != null) {
                    bad.merge(reason.name(), 1L, Long::sum);
                    continue;
                }
                used++;
                long phone = Long.parseLong(p.phone());
                byPhone.computeIfAbsent(phone, k -> new ArrayList<>())
                        .add(new Ping(phone, p.epochSecond(), Cells.key(p.lat(), p.lon(), d.cellMeters())));
            }
        }
        Set<Long> cases = new HashSet<>();
        for (String c : request.casePhones()) {
            String n = PingParser.normalisePhone(c);
            if (n != null) {
                cases.add(Long.parseLong(n));
            }
        }
        List<Interval> caseIntervals = new ArrayList<>();
        Map<Long, List<Interval>> others = new HashMap<>();
        for (Map.Entry<Long, List<Ping>> e : byPhone.entrySet()) {
            List<Interval> intervals = intervals(e.getValue(), d.maxPingGapSeconds(), to);
            if (cases.contains(e.getKey())) {
                caseIntervals.addAll(intervals);
            } else {
                others.put(e.getKey(), intervals);
            }
        }
        Map<String, Companion> best = new TreeMap<>();
        for (Map.Entry<Long, List<Interval>> e : others.entrySet()) {
            // (case phone, cell) -> {overlap, first, last}
            Map<List<Long>, long[]> sums = new HashMap<>();
            for (Interval c : caseIntervals) {
                for (Interval o : e.getValue()) {
                    long s = Math.max(c.start(), o.start());
                    long t = Math.min(c.end(), o.end());
                    if (c.cell() == o.cell() && s < t) {
                        long[] acc = sums.computeIfAbsent(
                                List.of(c.phone(), c.cell()), k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                        acc[0] += t - s;
                        acc[1] = Math.min(acc[1], s);
                        acc[2] = Math.max(acc[2], t);
                    }
                }
            }
            for (Map.Entry<List<Long>, long[]> s : sums.entrySet()) {
                long casePhone = s.getKey().get(0);
                long cell = s.getKey().get(1);
                long[] acc = s.getValue();
                if (acc[0] <= d.minOverlapSeconds()) {
                    continue;
                }
                if (d.accumulatedSeconds() > 0
                        && total(e.getValue(), cell) <= d.accumulatedSeconds()
                        && total(caseIntervals, casePhone, cell) <= d.accumulatedSeconds()) {
                    continue;
                }
                Companion c = new Companion(
                        Long.toString(e.getKey()), Cells.label(cell), Long.toString(casePhone), acc[0], acc[1], acc[2]);
                best.merge(c.phone(), c, Companion::better);
            }
        }
        return new CompanionResult(used, bad, List.copyOf(best.values()));
    }

    private static List<Interval> intervals(List<Ping> pings, long gap, long windowEnd) {
        List<Ping> sorted = new ArrayList<>(pings);
        sorted.sort(Comparator.comparingLong(Ping::t).thenComparingLong(Ping::cell));
        List<Interval> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Ping p = sorted.get(i);
            long next = i + 1 < sorted.size() ? sorted.get(i + 1).t() : Long.MAX_VALUE;
            long end = Presence.end(p.t(), next, gap, windowEnd);
            if (end > p.t()) {
                result.add(new Interval(p.phone(), p.cell(), p.t(), end));
            }
        }
        return result;
    }

    private static long total(List<Interval> intervals, long cell) {
        return intervals.stream()
                .filter(i -> i.cell() == cell)
                .mapToLong(i -> i.end() - i.start())
                .sum();
    }

    private static long total(List<Interval> intervals, long phone, long cell) {
        return intervals.stream()
                .filter(i -> i.phone() == phone && i.cell() == cell)
                .mapToLong(i -> i.end() - i.start())
                .sum();
    }
}
