package org.pingji.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.grid.Region;
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

    /** Finds the current round and its coverage per region. */
    @Component
    static class CurrentRound {
        private final TestingManagement testing;

        CurrentRound(TestingManagement testing) {
            this.testing = testing;
        }

        Optional<RoundView> current(Caller caller) {
            List<RoundView> open = testing.rounds(caller).stream()
                    .filter(r -> "OPEN".equals(r.status()))
                    .toList();
            return open.stream().filter(r -> !r.drill()).findFirst().or(() -> open.stream()
                    .findFirst());
        }

        Map<String, Coverage> coverage(Caller caller, List<Region> regions) {
            Map<String, Coverage> result = new HashMap<>();
            current(caller).ifPresent(round -> {
                for (Region r : regions) {
                    if (caller.covers(r.path())) {
                        Coverage c = testing.coverage(caller, round.id(), r.code());
                        if (c.registered() > 0 || c.sampled() > 0) {
                            result.put(r.code(), c);
                        }
                    }
                }
            });
            return result;
        }
    }

    @Bean
    CommandMetric coverageMetric(CurrentRound round) {
        return new CommandMetric() {
            @Override
            public String name() {
                return "coverage";
            }

            @Override
            public String label() {
                return "本轮核酸检测覆盖率";
            }

            @Override
            public String unit() {
                return "%";
            }

            @Override
            public Map<String, Number> values(Caller caller, List<Region> regions) {
                Map<String, Number> values = new HashMap<>();
                round.coverage(caller, regions)
                        .forEach((code, c) -> values.put(code, Math.round(c.sampledRatio() * 1000) / 10.0));
                return values;
            }
        };
    }

    @Bean
    CommandMetric positivesMetric(CurrentRound round) {
        return new CommandMetric() {
            @Override
            public String name() {
                return "positives";
            }

            @Override
            public String label() {
                return "本轮阳性混管人员";
            }

            @Override
            public String unit() {
                return "人";
            }

            @Override
            public Map<String, Number> values(Caller caller, List<Region> regions) {
                Map<String, Number> values = new HashMap<>();
                round.coverage(caller, regions).forEach((code, c) -> values.put(code, c.positivePersons()));
                return values;
            }
        };
    }
}
