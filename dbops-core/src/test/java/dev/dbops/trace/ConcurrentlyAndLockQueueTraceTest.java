package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static dev.dbops.trace.TraceFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a second session can see: a statement outside a transaction while it runs, and the lock queue
 * a long-running application transaction builds in front of an ALTER TABLE, with the application waiting in it.
 */
class ConcurrentlyAndLockQueueTraceTest {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, amount integer);\n";

    @TempDir
    Path dir;

    @Test
    void watchesCreateIndexConcurrentlyFromASecondSessionWhileItWaitsForAnOldTransaction() {
        AtomicReference<CompletableFuture<Integer>> background = new AtomicReference<>();
        Seeder seeder = dataSource -> {
            TraceFixture.run(dataSource, "insert into orders select g, g % 100 from generate_series(1, 20000) g");
            background.set(Background.holdUntilMigrationWaits(dataSource,
                    "set transaction isolation level repeatable read; select count(*) from orders",
                    Duration.ofMillis(300)));
            return new Seeder.Outcome("20,000 orders", List.of());
        };
        TraceReport report = LockTracer.builder().server(PostgresProvider.shared()).seeder(seeder).build()
                .trace(flyway(dir, "applied", 1, ORDERS),
                        flyway(dir, "traced", 2, "CREATE INDEX CONCURRENTLY orders_amount_idx ON orders (amount);\n"));

        LockTrace create = statement(report, 1);
        int blocker = background.get().join();
        assertThat(create.execution()).isEqualTo(Execution.OUTSIDE_TRANSACTION);
        assertThat(create.locks()).as(report.toText()).anySatisfy(lock -> {
            assertThat(lock.target()).isEqualTo("public.orders");
            assertThat(lock.mode()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
            assertThat(lock.granted()).isTrue();
            assertThat(lock.seenBy()).isEqualTo(ObservedLock.Observer.POLLER);
        });
        assertThat(create.locks()).as("waited for the old transaction's virtual xid").anySatisfy(lock -> {
            assertThat(lock.granted()).isFalse();
            assertThat(lock.target()).startsWith("virtualxid");
            assertThat(lock.heldFor()).isGreaterThan(Duration.ofMillis(100));
        });
        assertThat(create.took()).isGreaterThan(Duration.ofMillis(300));
        assertThat(create.scans()).extracting(TableScan::table).containsExactly("public.orders");
        assertThat(create.disagreements()).as(report.toText()).isEmpty();
        assertThat(blocker).isPositive();
    }

    @Test
    void measuresTheApplicationQueueingBehindAnAlterThatWaitsForAHeldAccessShareLock() {
        AtomicReference<CompletableFuture<Integer>> background = new AtomicReference<>();
        Seeder seeder = dataSource -> {
            TraceFixture.run(dataSource, "insert into orders select g, g % 100 from generate_series(1, 20000) g");
            background.set(Background.holdUntilMigrationWaits(dataSource, "select count(*) from orders",
                    Duration.ofMillis(800)));
            return new Seeder.Outcome("20,000 orders", List.of());
        };
        Workload workload = Workload.builder().readsPerSecond(50).writesPerSecond(10).sessions(4)
                .waitThreshold(Duration.ofMillis(200)).build();
        TraceReport report = LockTracer.builder().server(PostgresProvider.shared()).seeder(seeder).workload(workload)
                .build().trace(flyway(dir, "applied", 1, ORDERS),
                        flyway(dir, "traced", 2, "ALTER TABLE orders ADD COLUMN shipped boolean;\n"));

        int holder = background.get().join();
        LockTrace alter = statement(report, 1);
        assertThat(alter.locks()).as(report.toText()).anySatisfy(lock -> {
            assertThat(lock.target()).isEqualTo("public.orders");
            assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(lock.granted()).isFalse();
            assertThat(lock.heldFor()).isGreaterThan(Duration.ofMillis(500));
        });
        WorkloadOutcome felt = report.migrations().get(0).workload().orElseThrow();
        assertThat(felt.tables()).containsExactly("public.orders");
        assertThat(felt.waitedQueries()).isPositive();
        assertThat(felt.longestWait()).isGreaterThan(Duration.ofMillis(500));
        assertThat(felt.waits().get(0).blockedByMigration()).isTrue();
        assertThat(felt.waits().get(0).waitedFor()).hasValueSatisfying(lock -> assertThat(lock).endsWith("public.orders"));
        assertThat(report.longestApplicationWait()).contains(felt.longestWait());
        assertThat(report.findings()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(TraceFinding.Kind.APPLICATION_WAIT);
            assertThat(finding.message()).contains("behind the migration");
        });
        assertThat(holder).isPositive();
        System.out.println(report.toText());
    }
}
