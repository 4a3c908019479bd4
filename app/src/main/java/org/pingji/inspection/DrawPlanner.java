package org.pingji.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The 双随机 draw as a pure function of its inputs: the same candidates, inspectors, conflicts,
 * last pairs, share and seed give the same picks, bit for bit. Entities are drawn without
 * replacement with probability growing with their weight (Efraimidis–Spirakis keys
 * {@code ln(u)/w}, the largest win), then each gets a random pair of inspectors, never one with a
 * declared conflict, and never the pair that inspected it last when another pair is possible.
 */
final class DrawPlanner {

    /** An entity that may be drawn, with its weight (&gt; 0). */
    record Candidate(long entityId, double weight) {}

    /** The inputs of one draw; candidates and inspectors are sorted by id by {@link #of}. */
    record Inputs(
            long[] entityIds,
            double[] weights,
            long[] inspectors,
            Map<Long, Set<Long>> conflicts,
            Map<Long, long[]> lastPairs) {

        static Inputs of(
                List<Candidate> candidates,
                List<Long> inspectors,
                Map<Long, Set<Long>> conflicts,
                Map<Long, long[]> lastPairs) {
            List<Candidate> sorted = new ArrayList<>(candidates);
            sorted.sort((a, b) -> Long.compare(a.entityId(), b.entityId()));
            long[] ids = new long[sorted.size()];
            double[] weights = new double[sorted.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = sorted.get(i).entityId();
                weights[i] = sorted.get(i).weight();
            }
            long[] pool = inspectors.stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .distinct()
                    .toArray();
            return new Inputs(ids, weights, pool, conflicts, lastPairs);
        }

        /** SHA-256 over every input that decides the picks, in a fixed order (hex). */
        String hash(String parameters) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                StringBuilder text = new StringBuilder(entityIds.length * 16 + 256)
                        .append(parameters)
                        .append('|');
                for (int i = 0; i < entityIds.length; i++) {
                    text.append(entityIds[i])
                            .append(':')
                            .append(Double.toHexString(weights[i]))
                            .append(';');
                }
                text.append('|').append(Arrays.toString(inspectors)).append('|');
                conflicts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(e.getKey())
                        .append(e.getValue().stream().sorted().toList())
                        .append(';'));
                text.append('|');
                lastPairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(e.getKey())
                        .append(Arrays.toString(e.getValue()))
                        .append(';'));
                return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One drawn entity and its two inspectors (user ids). */
    record Pick(long entityId, long inspectorA, long inspectorB) {}

    private DrawPlanner() {}

    /** How many of {@code n} entities a share draws: rounded, at least one when there is any. */
    static int count(int n, double share) {
        return n == 0 ? 0 : Math.clamp(Math.round(n * share), 1, n);
    }

    /** The picks, in draw order (heaviest key first). */
    static List<Pick> draw(Inputs in, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = in.entityIds().length;
        double[] keys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - random.nextDouble(); // in (0, 1]
            keys[i] = Math.log(u) / in.weights()[i];
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byKey = Double.compare(keys[b], keys[a]);
            return byKey != 0 ? byKey : Long.compare(in.entityIds()[a], in.entityIds()[b]);
        });
        int k = count(n, share);
        long[] pool = in.inspectors();
        long[] eligible = new long[pool.length];
        List<Pick> picks = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            long entity = in.entityIds()[order[p]];
            Set<Long> conflicted = in.conflicts().getOrDefault(entity, Set.of());
            int m = 0;
            for (long inspector : pool) {
                if (!conflicted.contains(inspector)) {
                    eligible[m++] = inspector;
                }
            }
            if (m < 2) {
                throw InspectionRefused.conflict(
                        "no_pair", "督查对象 %d 可选检查人员不足两名（回避后剩 %d 名）".formatted(entity, m), Map.of("entityId", entity));
            }
            long[] last = in.lastPairs().get(entity);
            long a;
            long b;
            int tries = 0;
            do {
                int i = random.nextInt(m);
                int j = random.nextInt(m - 1);
                if (j >= i) {
                    j++;
                }
                a = eligible[i];
                b = eligible[j];
                tries++;
            } while (last != null && m > 2 && samePair(last, a, b) && tries < 16);
            if (last != null && m > 2 && samePair(last, a, b)) {
                for (int i = 0; i < m; i++) {
                    if (eligible[i] != last[0] && eligible[i] != last[1]) {
                        b = eligible[i];
                        break;
                    }
                }
            }
            picks.add(new Pick(entity, a, b));
        }
        return picks;
    }

    private static boolean samePair(long[] last, long a, long b) {
        return last.length >= 2 && ((last[0] == a && last[1] == b) || (last[0] == b && last[1] == a));
    }
}
