package org.pingji.command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.CommandMetric;
import org.pingji.testing.Coverage;
import org.pingji.testing.RoundView;
import org.pingji.testing.TestingManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Coverage (应检尽检) and positives of the current testing round: the newest open round over the
 * caller's jurisdiction (a non-drill one first). A region outside the round's area has no value.
 */
@Configuration(proxyBeanMethods = false)
class TestingMetrics {

    /**
     * Finds the current round and its coverage per region. Both are reused for
     * {@code pingji.command.metric-cache} (default 10 s), so that every big screen polling the
     * dashboard shares one computation; a miss asks the testing facade once for all missing
     * regions.
     */
    @Component
    static class CurrentRound {
        private record Cached(Instant at, Object value) {}

        private final TestingManagement testing;
        private final CommandSettings settings;
        private final Clock clock;
        private final Map<String, Cached> cache = new ConcurrentHashMap<>();

        CurrentRound(TestingManagement testing, CommandSettings settings, Clock clock) {
            this.testing = testing;
            this.settings = settings;
            this.clock = clock;
        }

        @SuppressWarnings("unchecked")
        private <T> T cached(String key, Supplier<T> compute) {
            Instant now = Instant.now(clock);
            Cached c = cache.get(key);
            if (c != null && c.at().plus(settings.metricCache()).isAfter(now)) {
                return (T) c.value();
            }
            T value = compute.get();
            if (cache.size() > 20_000) {
                cache.clear();
            }
            cache.put(key, new Cached(now, value));
            return value;
        }

        Optional<RoundView> current(Caller caller) {
            return cached("round:" + caller.jurisdictionPath(), () -> {
                List<RoundView> open = testing.rounds(caller).stream()
                        .filter(r -> "OPEN".equals(r.status()))
                        .toList();
                return open.stream().filter(r -> !r.drill()).findFirst().or(() -> open.stream()
                        .findFirst());
            });
        }

        /** Coverage of the regions; figures not cached are computed together in one facade call. */
        Map<String, Coverage> coverage(Caller caller, List<Region> regions) {
            Map<String, Coverage> result = new HashMap<>();
            current(caller).ifPresent(round -> {
                Instant now = Instant.now(clock);
                List<String> missing = new ArrayList<>();
                for (Region r : regions) {
                    Cached c = cache.get(key(round, r.code()));
                    if (c != null && c.at().plus(settings.metricCache()).isAfter(now)) {
                        ((Optional<?>) c.value()).ifPresent(x -> result.put(r.code(), (Coverage) x));
                    } else {
                        missing.add(r.code());
                    }
                }
                if (missing.isEmpty()) {
                    return;
                }
                Map<String, Coverage> computed = testing.coverage(caller, round.id(), missing);
                for (String code : missing) {
                    Optional<Coverage> c =
                            Optional.ofNullable(computed.get(code)).filter(x -> x.registered() > 0 || x.sampled() > 0);
                    cached(key(round, code), () -> c);
                    c.ifPresent(x -> result.put(code, x));
                }
            });
            return result;
        }

        private static String key(RoundView round, String regionCode) {
            return "coverage:" + round.id() + ":" + regionCode;
        }
    }

    @Bean
    CommandMetric coverageMetric(CurrentRound round, GridManagement grid) {
        return Figures.of(grid, "coverage", "本轮核酸检测覆盖率", "%", (caller, regions) -> {
            Map<String, Number> values = new HashMap<>();
            round.coverage(caller, regions)
                    .forEach((code, c) -> values.put(code, Math.round(c.sampledRatio() * 1000) / 10.0));
            return values;
        });
    }

    @Bean
    CommandMetric positivesMetric(CurrentRound round, GridManagement grid) {
        return Figures.of(grid, "positives", "本轮阳性混管人员", "人", (caller, regions) -> {
            Map<String, Number> values = new HashMap<>();
            round.coverage(caller, regions).forEach((code, c) -> values.put(code, c.positivePersons()));
            return values;
        });
    }
}
