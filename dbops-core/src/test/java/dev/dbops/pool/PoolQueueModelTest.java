package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PoolQueueModelTest {

    private static final MathContext EXACT = new MathContext(60);

    @Test
    void erlangCOfThreeServersOfferedTwoErlangsIsFourNinths() {
        // Σ_{k<3} 2^k/k! = 5; 2^3/3! × 3/(3−2) = 4; C = 4 / (5 + 4).
        assertThat(PoolQueueModel.erlangC(3, 2.0)).isCloseTo(4.0 / 9.0, within(1e-12));
    }

    @Test
    void erlangCOfOneServerIsItsUtilisation() {
        assertThat(PoolQueueModel.erlangC(1, 0.3)).isCloseTo(0.3, within(1e-12));
        assertThat(PoolQueueModel.erlangC(1, 0.95)).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void erlangCOfTwoServersIsLoadSquaredOverTwoPlusLoad() {
        for (double a : new double[] {0.1, 0.8, 1.5, 1.99}) {
            assertThat(PoolQueueModel.erlangC(2, a)).isCloseTo(a * a / (2 + a), within(1e-12));
        }
    }

    @Test
    void erlangBMatchesTheTelephoneTableForTenLinesAtFiveErlangs() {
        // The classic Erlang B table: 10 circuits offered 5 Erlangs block 1.84 % of calls.
        assertThat(PoolQueueModel.erlangB(10, 5.0)).isCloseTo(0.018385, within(1e-6));
    }

    @Test
    void erlangCMatchesTheDefiningSumForLargePools() {
        int[][] cases = {{50, 40}, {200, 185}, {500, 480}, {1000, 900}};
        for (int[] c : cases) {
            assertThat(PoolQueueModel.erlangC(c[0], c[1]))
                    .as("C(%d, %d)", c[0], c[1])
                    .isCloseTo(erlangCBySum(c[0], c[1]), within(1e-9));
        }
    }

    @Test
    void singleConnectionPoolWaitsAsAnMm1Queue() {
        // M/M/1: λ = 8/s, E[S] = 100 ms (μ = 10/s), ρ = 0.8: Wq = ρ / (μ − λ) = 0.4 s.
        WaitPrediction p = PoolQueueModel.predict(8, HoldTime.exponential(Duration.ofMillis(100)), 1);

        assertThat(p.utilisation()).isCloseTo(0.8, within(1e-12));
        assertThat(p.probabilityOfWait()).isCloseTo(0.8, within(1e-12));
        assertThat(Durations.seconds(p.meanWait())).isCloseTo(0.4, within(1e-9));
        // M/M/1 waiting time: P(Wq > t) = ρ e^{−(μ−λ)t}, so the p99 is ln(0.8/0.01) / 2 s.
        assertThat(Durations.seconds(p.p99())).isCloseTo(Math.log(80) / 2, within(1e-9));
    }

    @Test
    void meanWaitOfAnMmcQueueIsErlangCTimesHoldTimeOverSpareCapacity() {
        // c = 3, a = λ·E[S] = 20/s × 100 ms = 2: Wq = C·E[S]/(c − a) = 4/9 × 100 ms.
        WaitPrediction p = PoolQueueModel.predict(20, HoldTime.exponential(Duration.ofMillis(100)), 3);

        assertThat(p.offeredLoad()).isCloseTo(2.0, within(1e-12));
        assertThat(Durations.seconds(p.meanWait())).isCloseTo(0.1 * 4 / 9, within(1e-9));
    }

    @Test
    void queueLengthAndWaitObeyLittlesLaw() {
        double rate = 180;
        HoldTime hold = HoldTime.exponential(Duration.ofMillis(25));
        int c = 6;
        WaitPrediction p = PoolQueueModel.predict(rate, hold, c);
        double a = rate * 0.025;

        // Busy connections L_s = λ × E[S]; queue length Lq = C·a/(c − a) (an independent M/M/c formula) = λ × Wq.
        assertThat(p.offeredLoad()).isCloseTo(a, within(1e-12));
        double lq = p.probabilityOfWait() * a / (c - a);
        assertThat(rate * Durations.seconds(p.meanWait())).isCloseTo(lq, within(1e-6));
        // And in the whole system, L = λ × W with W = Wq + E[S].
        double w = Durations.seconds(p.meanWait()) + 0.025;
        assertThat(lq + a).isCloseTo(rate * w, within(1e-6));
    }

    @Test
    void percentileWaitLeavesExactlyTheTailAboveIt() {
        WaitPrediction p = PoolQueueModel.predict(300, HoldTime.exponential(Duration.ofMillis(20)), 7);
        for (double q : new double[] {0.9, 0.95, 0.99, 0.999}) {
            double t = Durations.seconds(p.waitAt(q));
            double tail = p.probabilityOfWait() * Math.exp(-t / Durations.seconds(p.conditionalMeanWait()));
            assertThat(tail).as("P(W > w_%s)", q).isCloseTo(1 - q, within(1e-7));
        }
    }

    @Test
    void percentileWaitIsZeroWhenThatShareOfRequestsFindsAFreeConnection() {
        WaitPrediction p = PoolQueueModel.predict(10, HoldTime.exponential(Duration.ofMillis(20)), 4);

        assertThat(p.probabilityOfWait()).isLessThan(0.01);
        assertThat(p.p99()).isZero();
        assertThat(p.p50()).isZero();
    }

    @Test
    void oneConnectionWithAnyHoldTimeDistributionWaitsAsPollaczekKhinchineSays() {
        // M/G/1: Wq = λ·E[S²] / (2(1 − ρ)) = (1 + cs²)/2 × ρ·E[S]/(1 − ρ).
        Duration mean = Duration.ofMillis(40);
        double rho = 0.6;
        for (double cs2 : new double[] {0, 0.5, 3}) {
            HoldTime hold = new HoldTime(mean, cs2, mean.multipliedBy(5), "cs² " + cs2);
            WaitPrediction p = PoolQueueModel.predict(rho / 0.040, hold, 1);

            double pk = (1 + cs2) / 2 * rho * 0.040 / (1 - rho);
            assertThat(Durations.seconds(p.meanWait())).as("cs² %s", cs2).isCloseTo(pk, within(1e-9));
        }
    }

    @Test
    void constantHoldTimesOnSeveralConnectionsWaitAsCosmetatosApproximates() {
        // M/D/c: Wq ≈ Wq(M/M/c)/2 × (1 + (1 − ρ)(c − 1)(√(4 + 5c) − 2)/(16ρc)), Cosmetatos (1975).
        Duration mean = Duration.ofMillis(40);
        HoldTime constant = new HoldTime(mean, 0, mean, "constant");
        int c = 8;
        double rho = 0.85;
        WaitPrediction exponential = PoolQueueModel.predict(rho * c / 0.040, HoldTime.exponential(mean), c);
        WaitPrediction deterministic = PoolQueueModel.predict(rho * c / 0.040, constant, c);

        double cosmetatos = 0.5 * (1 + (1 - rho) * (c - 1) * (Math.sqrt(4 + 5 * c) - 2) / (16 * rho * c));
        assertThat(deterministic.probabilityOfWait()).isEqualTo(exponential.probabilityOfWait());
        assertThat(Durations.seconds(deterministic.meanWait()))
                .isCloseTo(Durations.seconds(exponential.meanWait()) * cosmetatos, within(1e-9));
    }

    @Test
    void variableHoldTimesWeighLessInLightTrafficThanInHeavy() {
        // Whitt's factor approaches (1 + cs²)/2 as utilisation approaches 1, and is smaller below.
        assertThat(PoolQueueModel.variabilityFactor(8, 0.99, 3)).isCloseTo(2.0, within(0.01));
        assertThat(PoolQueueModel.variabilityFactor(8, 0.5, 3)).isLessThan(PoolQueueModel.variabilityFactor(8, 0.9, 3));
        assertThat(PoolQueueModel.variabilityFactor(8, 0.5, 1)).isEqualTo(1.0);
    }

    @Test
    void smallestPoolSizeIsTheFirstThatKeepsTheTarget() {
        HoldTime hold = HoldTime.fromMeanAndP99(Duration.ofMillis(30), Duration.ofMillis(150));
        Duration target = Duration.ofMillis(10);

        OptionalInt size = PoolQueueModel.smallestPoolSize(400, hold, target, 0.99, 1000);

        assertThat(size).isPresent();
        int c = size.getAsInt();
        assertThat(PoolQueueModel.predict(400, hold, c).p99()).isLessThanOrEqualTo(target);
        assertThat(!PoolQueueModel.isStable(400, hold, c - 1)
                || PoolQueueModel.predict(400, hold, c - 1).p99().compareTo(target) > 0).isTrue();
    }

    @Test
    void smallestPoolSizeIsEmptyWhenTheBoundIsTooLow() {
        HoldTime hold = HoldTime.exponential(Duration.ofMillis(50));

        assertThat(PoolQueueModel.smallestPoolSize(400, hold, Duration.ZERO, 0.99, 20)).isEmpty();
    }

    @Test
    void poolThatCannotKeepUpIsRejectedWithTheOfferedLoad() {
        HoldTime hold = HoldTime.exponential(Duration.ofMillis(50));

        assertThat(PoolQueueModel.isStable(100, hold, 5)).isFalse();
        assertThatThrownBy(() -> PoolQueueModel.predict(100, hold, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offered load of 5 connections");
    }

    /** C(c, a) from its definition, in exact decimal arithmetic. */
    private static double erlangCBySum(int c, int a) {
        BigDecimal load = BigDecimal.valueOf(a);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < c; k++) {
            sum = sum.add(term);
            term = term.multiply(load).divide(BigDecimal.valueOf(k + 1), EXACT);
        }
        BigDecimal last = term.multiply(BigDecimal.valueOf(c)).divide(BigDecimal.valueOf(c - a), EXACT);
        return last.divide(sum.add(last), EXACT).doubleValue();
    }
}
