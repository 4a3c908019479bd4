package org.pingji.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolPlanTests {

    @Test
    void dorfmanCostMatchesTheFormula() {
        assertThat(PoolPlan.dorfman(1, 0.01)).isEqualTo(1.0);
        // E(10) at p = 1%: 0.1 + 1 - 0.99^10 = 0.1 + 0.0956 = 0.1956
        assertThat(PoolPlan.dorfman(10, 0.01)).isCloseTo(0.1956, within(1e-4));
        assertThat(PoolPlan.dorfman(20, 0.0001)).isCloseTo(0.05 + 0.0020, within(1e-4));
    }

    @Test
    void entropyIsTheInformationFloor() {
        assertThat(PoolPlan.entropy(0.5)).isCloseTo(1.0, within(1e-9));
        assertThat(PoolPlan.entropy(0.01)).isCloseTo(0.0808, within(1e-4));
        assertThat(PoolPlan.entropy(0)).isZero();
    }

    @Test
    void recommendsLargePoolsAtLowPrevalenceAndSingleTestsAtHighPrevalence() {
        List<Integer> allowed = List.of(1, 5, 10, 20);
        PoolPlan none = PoolPlan.of("141029", 0, 0, allowed);
        assertThat(none.prevalence()).isEqualTo(0.001);
        assertThat(none.recommendedPoolSize()).isEqualTo(20);
        PoolPlan low = PoolPlan.of("141029", 2, 200_000, allowed);
        assertThat(low.recommendedPoolSize()).isEqualTo(20);
        assertThat(low.informationFloor()).isLessThan(low.options().getLast().expectedTestsPerPerson());
        PoolPlan mid = PoolPlan.of("141029", 100, 10_000, allowed);
        assertThat(mid.recommendedPoolSize()).isEqualTo(10);
        PoolPlan high = PoolPlan.of("141029", 3_000, 10_000, allowed);
        assertThat(high.recommendedPoolSize()).isEqualTo(1);
        assertThat(high.options()).extracting(PoolPlan.Option::poolSize).containsExactly(1, 5, 10, 20);
    }
}
