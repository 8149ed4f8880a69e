package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diagnosis rules on recorded observations, for the cases a real server cannot stage in a test's time. */
class PoolDiagnosisTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final PoolDiagnosis.Thresholds THRESHOLDS = new PoolDiagnosis.Thresholds(Duration.ofSeconds(5),
            "10 × the transaction p99", Duration.ofSeconds(1), 0.5, 0.9);

    /** A pool as its configuration reads, without a live pool behind it. */
    private record RecordedPool(int maximumPoolSize, Duration keepaliveTime) implements PoolGauge {
        @Override
        public String poolName() {
            return "orders-pool";
        }

        @Override
        public PoolSample sample() {
            throw new UnsupportedOperationException("recorded samples are passed in");
        }

        @Override
        public Optional<String> applicationName() {
            return Optional.of("orders");
        }

        @Override
        public Duration leakDetectionThreshold() {
            return Duration.ZERO;
        }
    }

    @Test
    void sessionIdleOnTheServerLongerThanTwiceTheKeepaliveWhileThePoolHoldsConnectionsIsALeak() {
        BackendSession held = session(4711, "idle", Duration.ofMinutes(5), false, "select * from carts");
        BackendSession pooled = session(4712, "idle", Duration.ofSeconds(40), false, "");

        List<PoolFinding> findings = diagnose(new RecordedPool(10, Duration.ofMinutes(2)), samples(10, 1, 9, 0, 0),
                List.of(held, pooled), connections(20));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(PoolCheck.CONNECTION_LEAK);
            assertThat(f.backendPid()).hasValue(4711);
            assertThat(f.message()).contains("idle for 5 min", "more than twice the pool's keepaliveTime (2 min)",
                    "last query: select * from carts");
        });
    }

    @Test
    void idleSessionIsNotALeakWhenThePoolHasNoKeepalive() {
        BackendSession idle = session(4711, "idle", Duration.ofMinutes(5), false, "select 1");

        assertThat(diagnose(new RecordedPool(10, Duration.ZERO), samples(10, 1, 9, 0, 0), List.of(idle),
                connections(20))).isEmpty();
    }

    @Test
    void statementRunningBeyondTheLeakThresholdIsALongRunningQuery() {
        BackendSession slow = new BackendSession(99, "orders", "active", Optional.of(NOW.minusSeconds(30)),
                Optional.of(NOW.minusSeconds(30)), Optional.of(NOW.minusSeconds(30)), "select pg_sleep(60)", NOW);

        assertThat(diagnose(new RecordedPool(10, Duration.ZERO), samples(5, 1, 4, 0, 0), List.of(slow), connections(20)))
                .singleElement().satisfies(f -> {
                    assertThat(f.check()).isEqualTo(PoolCheck.LONG_RUNNING_QUERY);
                    assertThat(f.message()).contains("has run one statement for 30 s");
                });
    }

    @Test
    void serverNearItsConnectionLimitIsReportedWithTheLargestGroups() {
        SessionActivity.Snapshot snapshot = new SessionActivity.Snapshot(List.of(),
                List.of(new SessionGroup("orders", "idle", 60), new SessionGroup("reports", "active", 30)),
                new ServerConnections(100, 3, 0, 90));

        List<PoolFinding> findings = new PoolDiagnosis(new RecordedPool(10, Duration.ZERO), "orders",
                samples(5, 2, 8, 0, 0), Optional.of(snapshot), THRESHOLDS).findings();

        assertThat(findings).extracting(PoolFinding::check).contains(PoolCheck.SERVER_BUDGET_NEARLY_EXHAUSTED,
                PoolCheck.TOO_MANY_IDLE);
        assertThat(findings).filteredOn(f -> f.check() == PoolCheck.SERVER_BUDGET_NEARLY_EXHAUSTED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("90 client sessions use 93 % of the 97 connections",
                        "'orders' 60 idle, 'reports' 30 active"));
    }

    @Test
    void risingAcquireTimesAreNamedInTheSaturationFinding() {
        List<PoolSample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new PoolSample(NOW.plusMillis(100L * i), 10, 0, 4, 10,
                    Optional.of(Duration.ofMillis(i < 5 ? 20 : 400))));
        }

        assertThat(diagnose(new RecordedPool(10, Duration.ZERO), samples, List.of(), connections(20)))
                .singleElement().satisfies(f -> {
                    assertThat(f.check()).isEqualTo(PoolCheck.POOL_SATURATED);
                    assertThat(f.message()).contains("the slowest acquire rose from 20 ms in the first half of the"
                            + " window to 400 ms in the second");
                });
    }

    @Test
    void occasionalWaitersAreNotSaturation() {
        List<PoolSample> samples = new ArrayList<>(samples(8, 3, 7, 0, 0));
        samples.addAll(samples(2, 10, 0, 2, 8));

        assertThat(diagnose(new RecordedPool(10, Duration.ZERO), samples, List.of(), connections(20))).isEmpty();
    }

    private static List<PoolFinding> diagnose(PoolGauge pool, List<PoolSample> samples, List<BackendSession> sessions,
            ServerConnections connections) {
        SessionActivity.Snapshot snapshot = new SessionActivity.Snapshot(sessions, List.of(), connections);
        return new PoolDiagnosis(pool, "orders", samples, Optional.of(snapshot), THRESHOLDS).findings();
    }

    private static List<PoolSample> samples(int count, int active, int idle, int waiting, int offset) {
        List<PoolSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new PoolSample(NOW.plusMillis(100L * (i + offset)), active, idle, waiting, active + idle));
        }
        return samples;
    }

    private static ServerConnections connections(int inUse) {
        return new ServerConnections(100, 3, 0, inUse);
    }

    private static BackendSession session(int pid, String state, Duration inState, boolean inTransaction, String query) {
        Instant since = NOW.minus(inState);
        return new BackendSession(pid, "orders", state, inTransaction ? Optional.of(since) : Optional.empty(),
                Optional.of(since), Optional.of(since), query, NOW);
    }
}
