package org.pingji.testing;

import java.util.List;

/**
 * The pool size recommended for a region from the positivity seen in its earlier rounds:
 * two-stage Dorfman testing costs E(k) = 1/k + 1 − (1−p)^k tests per person for pools of k
 * (E(1) = 1), shown beside the information floor H(p), the least any scheme can average.
 */
public record PoolPlan(
        String regionCode,
        long positives,
        long resulted,
        double prevalence,
        List<Option> options,
        int recommendedPoolSize,
        double informationFloor) {

    /** Expected tests per person for one pool size. */
    public record Option(int poolSize, double expectedTestsPerPerson) {
        /** The tests 10,000 people need with this pool size. */
        public long testsPer10000() {
            return Math.round(expectedTestsPerPerson * 10_000);
        }
    }

    /** The option of the recommended pool size. */
    public Option recommended() {
        return options.stream()
                .filter(o -> o.poolSize() == recommendedPoolSize)
                .findFirst()
                .orElse(new Option(1, 1.0));
    }

    /** E(k) for two-stage Dorfman pooling at prevalence p. */
    static double dorfman(int k, double p) {
        return k == 1 ? 1.0 : 1.0 / k + 1.0 - Math.pow(1.0 - p, k);
    }

    /** Binary entropy H(p) in bits: the information floor in tests per person. */
    static double entropy(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -p * Math.log(p) / Math.log(2) - (1 - p) * Math.log(1 - p) / Math.log(2);
    }

    /** Prevalence assumed before any result: mass screening of a mostly healthy population. */
    static final double PRIOR_PREVALENCE = 0.001;

    /**
     * Plans with a smoothed prevalence (x + ½) / (n + ½ / p₀): p₀ = 0.1% with no results, the
     * observed rate once there are many, and never exactly zero.
     */
    static PoolPlan of(String regionCode, long positives, long resulted, List<Integer> allowed) {
        double p = (positives + 0.5) / (resulted + 0.5 / PRIOR_PREVALENCE);
        List<Option> options = allowed.stream()
                .sorted()
                .map(k -> new Option(k, round(dorfman(k, p))))
                .toList();
        int best = options.stream()
                .min(java.util.Comparator.comparingDouble(Option::expectedTestsPerPerson))
                .map(Option::poolSize)
                .orElse(1);
        return new PoolPlan(regionCode, positives, resulted, p, options, best, round(entropy(p)));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
