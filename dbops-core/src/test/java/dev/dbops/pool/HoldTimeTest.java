package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldTimeTest {

    @Test
    void exponentialHoldTimeHasCoefficientOfVariationOneAndP99OfMeanTimesLnHundred() {
        HoldTime hold = HoldTime.exponential(Duration.ofMillis(20));

        assertThat(hold.squaredCoefficientOfVariation()).isEqualTo(1.0);
        assertThat(Durations.seconds(hold.p99())).isCloseTo(0.020 * Math.log(100), within(1e-9));
    }

    @Test
    void meanAndP99OfALogNormalRecoverItsVariability() {
        double sigma = 0.6;
        double mu = Math.log(0.010);
        Duration mean = Durations.ofSeconds(Math.exp(mu + sigma * sigma / 2));
        Duration p99 = Durations.ofSeconds(Math.exp(mu + HoldTime.Z99 * sigma));

        HoldTime hold = HoldTime.fromMeanAndP99(mean, p99);

        assertThat(hold.squaredCoefficientOfVariation()).isCloseTo(Math.expm1(sigma * sigma), within(1e-6));
        assertThat(hold.basis()).startsWith("log-normal");
    }

    @Test
    void p99FarAboveTheMeanIsModelledWithTheHeaviestLogNormalTailAndSaysSo() {
        HoldTime hold = HoldTime.fromMeanAndP99(Duration.ofMillis(10), Duration.ofMillis(500));

        assertThat(hold.squaredCoefficientOfVariation())
                .isCloseTo(Math.expm1(HoldTime.Z99 * HoldTime.Z99), within(1e-6));
        assertThat(hold.basis()).contains("more than 15× the mean");
    }

    @Test
    void samplesGiveTheirMeanVarianceAndNearestRankP99() {
        HoldTime constant = HoldTime.fromSamples(List.of(Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofMillis(10)));
        HoldTime spread = HoldTime.fromSamples(List.of(Duration.ZERO, Duration.ofMillis(20)));

        assertThat(constant.squaredCoefficientOfVariation()).isZero();
        assertThat(constant.mean()).isEqualTo(Duration.ofMillis(10));
        assertThat(spread.mean()).isEqualTo(Duration.ofMillis(10));
        assertThat(spread.squaredCoefficientOfVariation()).isCloseTo(1.0, within(1e-12));
        assertThat(spread.p99()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void p99BelowTheMeanIsRejectedWithBothFigures() {
        assertThatThrownBy(() -> HoldTime.fromMeanAndP99(Duration.ofMillis(50), Duration.ofMillis(20)))
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("p99 DB time (20 ms) is below the mean (50 ms)")
                .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void zeroOrNegativeMeanIsRejected() {
        assertThatThrownBy(() -> HoldTime.exponential(Duration.ZERO))
                .hasMessageContaining("DB time per transaction must be positive, was 0 ms");
        assertThatThrownBy(() -> HoldTime.exponential(Duration.ofMillis(-5)))
                .hasMessageContaining("must be positive, was -5 ms");
    }

    @Test
    void emptyOrAllZeroSamplesAreRejected() {
        assertThatThrownBy(() -> HoldTime.fromSamples(List.of())).hasMessageContaining("no hold-time samples");
        assertThatThrownBy(() -> HoldTime.fromSamples(List.of(Duration.ZERO, Duration.ZERO)))
                .hasMessageContaining("every hold-time sample is zero");
    }
}
