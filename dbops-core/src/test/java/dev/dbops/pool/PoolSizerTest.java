package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import dev.dbops.pool.Decision.Constraint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PoolSizerTest {

    private static final HoldTime TWENTY_MS = HoldTime.exponential(Duration.ofMillis(20));

    @Test
    void recommendsTheSmallestPoolPerInstanceThatKeepsTheTargetWait() {
        PoolRecommendation r = PoolSizer.builder().peakRate(800).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(10), 0.99).instances(4, 6).build().recommend();

        int size = r.hikari().maximumPoolSize();
        HoldTime hold = r.workload().holdTime();
        assertThat(r.prediction().arrivalsPerSecond()).isEqualTo(200.0);
        assertThat(r.prediction().p99()).isLessThanOrEqualTo(Duration.ofMillis(10));
        assertThat(PoolQueueModel.predict(200, hold, size - 1).p99()).isGreaterThan(Duration.ofMillis(10));
        assertThat(r.hikari().minimumIdle()).isEqualTo(size);
        assertThat(r.decision("maximumPoolSize").orElseThrow().decidedBy()).isEqualTo(Constraint.TARGET_WAIT);
        assertThat(r.budget().steadyConnections()).isEqualTo(4 * size);
        assertThat(r.budget().peakConnections()).isEqualTo(6 * size);
        assertThat(r.budget().availableConnections()).isEqualTo(97);
    }

    @Test
    void defaultTargetIsOneMeanHoldTimeAtTheNinetyNinthPercentile() {
        PoolSizer sizer = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS).build();

        assertThat(sizer.workload().targetWait()).isEqualTo(Duration.ofMillis(20));
        assertThat(sizer.workload().targetPercentile()).isEqualTo(0.99);
    }

    @Test
    void nestedTransactionsRaiseThePoolToTheDeadlockFloor() {
        PoolRecommendation r = PoolSizer.builder().peakRate(50).holdTime(TWENTY_MS).nestedConnections(2, 20)
                .build().recommend();

        assertThat(r.hikari().maximumPoolSize()).isEqualTo(20 * (2 - 1) + 1);
        Decision decision = r.decision("maximumPoolSize").orElseThrow();
        assertThat(decision.decidedBy()).isEqualTo(Constraint.DEADLOCK_FLOOR);
        assertThat(decision.reason()).contains("Tn × (Cm − 1) + 1 = 21");
    }

    @Test
    void unreachableTargetNamesTheBudgetAndEveryRemedyWithNumbersThatWork() {
        ServerFacts server = ServerFacts.postgresDefaults().withMaxConnections(60).withOtherConnections(7);
        PoolSizer.Builder tooMany = PoolSizer.builder().peakRate(1000).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(5), 0.99).instances(8, 10).server(server);

        DbopsException e = catchDbops(() -> tooMany.build().recommend());

        assertThat(e.code()).isEqualTo(ErrorCode.POOL_TARGET_UNREACHABLE);
        assertThat(e.getMessage()).contains("cannot be met within the server's connection budget",
                "10 instances at peak need 70 connections",
                "max_connections 60 − 3 superuser_reserved_connections − 0 reserved_connections − 7 other clients'"
                        + " connections leaves 50");
        int maxConnections = number(e.getMessage(), "max_connections ≥ (\\d+)");
        int bouncerPool = number(e.getMessage(), "default_pool_size (\\d+) serves every instance");
        double fasterMs = Double.parseDouble(group(e.getMessage(), "mean DB time of at most ([0-9.]+) ms"));

        // Each remedy, applied, makes the same target reachable.
        PoolRecommendation moreConnections = PoolSizer.builder().peakRate(1000).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(5), 0.99).instances(8, 10)
                .server(server.withMaxConnections(maxConnections)).build().recommend();
        assertThat(moreConnections.budget().peakConnections()).isEqualTo(moreConnections.budget().availableConnections());
        PoolRecommendation viaBouncer = tooMany.pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION)).build()
                .recommend();
        assertThat(viaBouncer.pgBouncer().orElseThrow().defaultPoolSize()).isEqualTo(bouncerPool);
        PoolRecommendation faster = PoolSizer.builder().peakRate(1000)
                .holdTime(HoldTime.exponential(Duration.ofNanos((long) (fasterMs * 1e6))))
                .targetWait(Duration.ofMillis(5), 0.99).instances(8, 10).server(server).build().recommend();
        assertThat(faster.budget().fits()).isTrue();
    }

    @Test
    void unreachableTargetOffersFewerInstancesWhenPoolingTheLoadFits() {
        ServerFacts server = ServerFacts.postgresDefaults().withMaxConnections(60).withOtherConnections(7);

        DbopsException e = catchDbops(() -> PoolSizer.builder().peakRate(1000).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(5), 0.99).instances(8).server(server).build().recommend());

        int instances = number(e.getMessage(), "at most (\\d+) instances");
        assertThat(instances).isLessThan(8);
        PoolRecommendation fewer = PoolSizer.builder().peakRate(1000).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(5), 0.99).instances(instances).server(server).build().recommend();
        assertThat(fewer.budget().fits()).isTrue();
    }

    @Test
    void surgeDuringDeploysCountsAgainstTheBudget() {
        PoolSizer.Builder sizer = PoolSizer.builder().peakRate(400).holdTime(TWENTY_MS)
                .server(ServerFacts.postgresDefaults().withMaxConnections(40));

        int steadyOnly = sizer.instances(4, 4).build().recommend().budget().peakConnections();
        assertThat(steadyOnly).isLessThanOrEqualTo(37);
        assertThatThrownBy(() -> sizer.instances(4, 8).build().recommend())
                .hasMessageContaining("8 instances at peak need")
                .hasMessageContaining("deploy without extra instances (at most 4 at once");
    }

    @Test
    void warnsWhenThePeakUsesMostOfTheBudget() {
        PoolRecommendation r = PoolSizer.builder().peakRate(400).holdTime(TWENTY_MS).instances(3)
                .server(ServerFacts.postgresDefaults().withMaxConnections(22)).build().recommend();

        assertThat(r.findings()).extracting(PoolFinding::check).contains(PoolCheck.BUDGET_TIGHT);
    }

    @Test
    void warnsWhenTheBusyConnectionsExceedHikarisCoreGuidance() {
        PoolRecommendation r = PoolSizer.builder().peakRate(1000).holdTime(TWENTY_MS).instances(4)
                .server(ServerFacts.postgresDefaults().withMaxConnections(500).withCpuCores(4)).build().recommend();

        PoolFinding finding = r.findings().stream().filter(f -> f.check() == PoolCheck.CORE_GUIDANCE).findFirst()
                .orElseThrow();
        assertThat(finding.message()).contains("20 connections busy on average", "2 × 4 cores = 8");
    }

    @Test
    void pgBouncerInTransactionModeSharesOneServerPoolAcrossInstances() {
        PoolSizer.Builder sizer = PoolSizer.builder().peakRate(800).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(10), 0.99).instances(8, 12);
        int direct = sizer.build().recommend().budget().peakConnections();

        PoolRecommendation r = sizer.pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION)).build().recommend();

        PgBouncerPlan plan = r.pgBouncer().orElseThrow();
        assertThat(plan.serverWait().arrivalsPerSecond()).isEqualTo(800.0);
        assertThat(plan.serverWait().p99()).isLessThanOrEqualTo(Duration.ofMillis(10));
        assertThat(plan.defaultPoolSize()).isLessThan(direct);
        assertThat(r.budget().viaPgBouncer()).isTrue();
        assertThat(r.budget().peakConnections()).isEqualTo(plan.defaultPoolSize());
        assertThat(plan.maxClientConn()).isGreaterThanOrEqualTo(12 * r.hikari().maximumPoolSize());
        assertThat(r.prediction().p99()).isZero();
    }

    @Test
    void oldPgBouncerInTransactionModeGetsPrepareThresholdZero() {
        PoolRecommendation r = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withVersion(new PgBouncerVersion(1, 18, 0)))
                .build().recommend();

        assertThat(r.hikari().dataSourceProperties()).containsEntry("prepareThreshold", "0");
        assertThat(r.findings()).filteredOn(f -> f.check() == PoolCheck.PGBOUNCER_PREPARED_STATEMENTS)
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(PoolSeverity.ERROR);
                    assertThat(f.message()).contains("PgBouncer 1.18.0", "cannot track them");
                });
    }

    @Test
    void pgBouncerThatCanTrackPreparedStatementsGetsMaxPreparedStatementsInstead() {
        PoolRecommendation zero = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withVersion(new PgBouncerVersion(1, 22, 1))
                        .withMaxPreparedStatements(0))
                .build().recommend();
        PoolRecommendation current = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withVersion(new PgBouncerVersion(1, 24, 0)))
                .build().recommend();
        PoolRecommendation unnamed = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS).prepareThreshold(0)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withVersion(new PgBouncerVersion(1, 18, 0)))
                .build().recommend();

        assertThat(zero.pgBouncer().orElseThrow().maxPreparedStatements()).hasValue(200);
        assertThat(zero.hikari().dataSourceProperties()).isEmpty();
        assertThat(current.findings()).extracting(PoolFinding::check)
                .doesNotContain(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS);
        assertThat(unnamed.findings()).extracting(PoolFinding::check)
                .doesNotContain(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS);
    }

    @Test
    void pgBouncerInSessionModeIsFlaggedAndItsPoolChecked() {
        PoolRecommendation r = PoolSizer.builder().peakRate(400).holdTime(TWENTY_MS).instances(4)
                .pgBouncer(PgBouncerTier.planned(PoolMode.SESSION).withDefaultPoolSize(10)).build().recommend();

        assertThat(r.findings()).extracting(PoolFinding::check)
                .contains(PoolCheck.PGBOUNCER_SESSION_MODE, PoolCheck.PGBOUNCER_POOL_TOO_SMALL);
    }

    @Test
    void existingPgBouncerPoolAndClientLimitBelowTheNeedAreReported() {
        PoolRecommendation r = PoolSizer.builder().peakRate(800).holdTime(TWENTY_MS).instances(8)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withDefaultPoolSize(5).withMaxClientConn(20)
                        .withVersion(new PgBouncerVersion(1, 24, 0)))
                .build().recommend();

        assertThat(r.findings()).extracting(PoolFinding::check)
                .contains(PoolCheck.PGBOUNCER_POOL_TOO_SMALL, PoolCheck.PGBOUNCER_CLIENT_LIMIT);
        assertThat(r.findings()).filteredOn(f -> f.check() == PoolCheck.PGBOUNCER_POOL_TOO_SMALL).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cannot keep up at all"));
    }

    @Test
    void keepaliveAndMaxLifetimeStayBelowTheInfrastructureLimits() {
        PoolRecommendation r = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS)
                .infrastructureIdleTimeout(Duration.ofSeconds(60)).connectionLifetimeLimit(Duration.ofMinutes(15))
                .build().recommend();

        assertThat(r.hikari().keepaliveTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(r.hikari().maxLifetime()).isEqualTo(Duration.ofMinutes(15).minusSeconds(90));
        assertThat(r.decision("keepaliveTime").orElseThrow().decidedBy()).isEqualTo(Constraint.INFRASTRUCTURE_TIMEOUT);
    }

    @Test
    void idleTimeoutShorterThanHikarisKeepaliveMinimumIsReported() {
        PoolRecommendation r = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS)
                .server(ServerFacts.postgresDefaults().withIdleSessionTimeout(Duration.ofSeconds(20)))
                .build().recommend();

        assertThat(r.hikari().keepaliveTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.findings()).filteredOn(f -> f.check() == PoolCheck.IDLE_TIMEOUT_TOO_SHORT).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("idle_session_timeout is 20 s"));
    }

    @Test
    void leakThresholdIsTenTimesTheTransactionP99AndAtLeastTwoSeconds() {
        PoolRecommendation fast = PoolSizer.builder().peakRate(100).holdTime(TWENTY_MS).build().recommend();
        PoolRecommendation slow = PoolSizer.builder().peakRate(5)
                .holdTime(HoldTime.fromMeanAndP99(Duration.ofMillis(300), Duration.ofMillis(1200))).build().recommend();

        assertThat(fast.hikari().leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(slow.hikari().leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(12));
        assertThat(slow.hikari().connectionTimeout()).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void everyBadInputIsReportedAtOnceWithItsFix() {
        ServerFacts inconsistent = ServerFacts.postgresDefaults().withMaxConnections(10)
                .withSuperuserReservedConnections(6).withReservedConnections(5).withMajorVersion(15);

        DbopsException e = catchDbops(() -> PoolSizer.builder().peakRate(0).holdTime(TWENTY_MS)
                .targetWait(Duration.ofMillis(10), 1.0).instances(4, 2).server(inconsistent).build());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains(
                "the peak rate must be a positive number of transactions per second, was 0/s",
                "the target percentile must be between 0 and 1 (exclusive), was 1.0",
                "the most instances at once (2) is below the usual count (4)",
                "reserved_connections is 5 but PostgreSQL 15 has no such setting",
                "superuser_reserved_connections (6) + reserved_connections (5) leave none of max_connections (10)");
    }

    @Test
    void otherClientsUsingEveryConnectionLeftIsReported() {
        assertThatThrownBy(() -> PoolSizer.builder().peakRate(10).holdTime(TWENTY_MS)
                .server(ServerFacts.postgresDefaults().withOtherConnections(97)).build())
                .hasMessageContaining("other clients already use 97 of the 97 connections left");
    }

    @Test
    void negativeRateAndMissingHoldTimeAreReported() {
        assertThatThrownBy(() -> PoolSizer.builder().peakRate(-3).build())
                .hasMessageContaining("was -3/s")
                .hasMessageContaining("the DB time per transaction is missing");
    }

    @Test
    void statementPoolingIsRejectedBecauseItRefusesTransactions() {
        assertThatThrownBy(() -> PoolSizer.builder().peakRate(10).holdTime(TWENTY_MS)
                .pgBouncer(PgBouncerTier.planned(PoolMode.STATEMENT)).build())
                .hasMessageContaining("pool_mode=statement refuses multi-statement transactions");
    }

    @Test
    void jsonCarriesTheFormatVersionSettingsPredictionAndReasons() {
        PoolRecommendation r = PoolSizer.builder().peakRate(400).holdTime(TWENTY_MS).instances(2, 3)
                .pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION)).build().recommend();

        Map<?, ?> json = (Map<?, ?>) Json.parse(r.toJson());

        assertThat(json.get("formatVersion")).isEqualTo(1L);
        assertThat(((Map<?, ?>) json.get("hikari")).get("maximumPoolSize"))
                .isEqualTo((long) r.hikari().maximumPoolSize());
        assertThat(((Map<?, ?>) json.get("pgbouncer")).get("defaultPoolSize"))
                .isEqualTo((long) r.pgBouncer().orElseThrow().defaultPoolSize());
        assertThat((List<?>) json.get("decisions")).hasSize(r.decisions().size());
        assertThat(((Map<?, ?>) json.get("budget")).get("fits")).isEqualTo(true);
    }

    @Test
    void textExplainsWhichConstraintDecidedEachSetting() {
        String text = PoolSizer.builder().peakRate(400).holdTime(TWENTY_MS).instances(2).build().recommend().toText();

        assertThat(text).contains("maximumPoolSize = ", "decided by the target wait: the smallest pool that keeps p99"
                + " acquire wait ≤ 20 ms", "Connection budget (PostgreSQL defaults", "spring.datasource.hikari.");
    }

    private static DbopsException catchDbops(Runnable action) {
        try {
            action.run();
        } catch (DbopsException e) {
            return e;
        }
        throw new AssertionError("expected a DbopsException");
    }

    private static int number(String text, String regex) {
        return Integer.parseInt(group(text, regex));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in: %s", regex, text).isTrue();
        return m.group(1);
    }
}
