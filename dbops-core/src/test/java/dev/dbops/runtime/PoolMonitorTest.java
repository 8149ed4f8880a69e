package dev.dbops.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolMonitorTest {

    @Test
    void aMonitorThatCannotInspectSaysWhyAndNeverRuns() {
        PoolMonitor monitor = PoolMonitor.unavailable("the DataSource is not a HikariCP pool");

        monitor.start();

        assertThat(monitor.isRunning()).isFalse();
        assertThat(monitor.problem()).contains("the DataSource is not a HikariCP pool");
        assertThat(monitor.inspectNow()).isEmpty();
        assertThat(monitor.latest()).isEmpty();
        monitor.close();
    }

    @Test
    void aNonPositiveInspectionIntervalIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> PoolMonitor.of(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dbops.pool.inspection-interval must be positive, was PT0S");
    }
}
