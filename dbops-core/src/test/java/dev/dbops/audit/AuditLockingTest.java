package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditLockingTest {

    // Autovacuum is off for these tables: truncating the empty end of a table, it takes ACCESS EXCLUSIVE
    // for a moment, and a writer waiting for that would be blamed on the audit.
    private static final String SCHEMA = """
            create table orders (id bigint primary key, customer_id bigint, status text, total numeric)
                with (autovacuum_enabled = off);
            create index orders_customer on orders (customer_id);
            create index orders_status on orders (status) where status <> 'done';
            create table order_lines (id bigint primary key, order_id bigint references orders, qty int)
                with (autovacuum_enabled = off);
            insert into orders select g, g % 100, 'new', g from generate_series(1, 5000) g;
            insert into order_lines select g, g % 5000 + 1, 1 from generate_series(1, 5000) g;
            create table tickets (id serial primary key, note text) with (autovacuum_enabled = off);
            insert into tickets (note) select 'x' from generate_series(1, 10);
            create extension pgstattuple;
            analyze;
            """;

    @Test
    void auditingWhileWritersRunMakesNoWriterWaitForALock() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection auditor = database.connect();
             Connection monitor = database.connect()) {
            exec(auditor, SCHEMA);
            Workload workload = new Workload(database, 4);
            try {
                Set<String> waits = ConcurrentHashMap.newKeySet();
                Set<String> auditLocks = ConcurrentHashMap.newKeySet();

                // Control: a SHARE lock blocks the writers, and the sampler sees them wait.
                try (Connection blocker = database.connect()) {
                    blocker.setAutoCommit(false);
                    exec(blocker, "lock table orders in share mode");
                    sample(monitor, workload.pids(), pid(auditor), Duration.ofMillis(500), waits, auditLocks);
                    blocker.rollback();
                }
                assertThat(waits).as("the sampler detects writers waiting for a lock").isNotEmpty();
                Thread.sleep(300);
                waits.clear();
                long writesBefore = workload.writes.get();
                AtomicBoolean auditing = new AtomicBoolean(true);
                AuditThresholds everything = AuditThresholds.builder()
                        .set(AuditThreshold.TABLE_BLOAT_MIN_SIZE, 0L).set(AuditThreshold.UNUSED_INDEX_MIN_SIZE, 0L)
                        .set(AuditThreshold.INDEX_BLOAT_MIN_SIZE, 0L).build();
                List<AuditReport> reports = new ArrayList<>();
                Thread audits = new Thread(() -> {
                    for (int i = 0; i < 5; i++) {
                        reports.add(DatabaseAudit.builder().thresholds(everything).build().run(auditor));
                    }
                    auditing.set(false);
                });
                audits.start();
                while (auditing.get()) {
                    sample(monitor, workload.pids(), pid(auditor), Duration.ofMillis(100), waits, auditLocks);
                }
                audits.join();

                assertThat(waits).as("writers waiting for a lock while the audit ran").isEmpty();
                assertThat(workload.writes.get()).as("the writers kept writing").isGreaterThan(writesBefore);
                assertThat(reports).hasSize(5).allSatisfy(report -> assertThat(report.failedChecks()).isEmpty());
                // ACCESS SHARE everywhere, except pg_sequence_last_value's ROW EXCLUSIVE on sequences, the
                // lock nextval() takes too; pgstattuple_approx is the only reader of a user table.
                assertThat(auditLocks).as("the audit's relation locks").isNotEmpty()
                        .allSatisfy(lock -> assertThat(lock).matches(".* AccessShareLock|.* S RowExclusiveLock"));
                assertThat(auditLocks).filteredOn(lock -> lock.contains(" r ") && !lock.startsWith("pg_"))
                        .extracting(lock -> lock.split(" ")[0]).as("user tables locked by the audit")
                        .isSubsetOf("orders", "order_lines", "tickets");
            } finally {
                workload.stop();
            }
        }
    }

    @Test
    void completesWhileAMigrationHoldsAnAccessExclusiveLockAndReportsTheOneCheckThatNeedsTheTable() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection auditor = database.connect();
             Connection migration = database.connect()) {
            exec(auditor, SCHEMA);
            assertThatThrownBy(() -> exec(auditor, "create unique index concurrently orders_status_key on orders (status)"))
                    .isInstanceOf(SQLException.class);
            migration.setAutoCommit(false);
            exec(migration, "lock table orders in access exclusive mode");

            long started = System.nanoTime();
            AuditReport report = DatabaseAudit.builder().lockTimeout(Duration.ofMillis(300))
                    .thresholds(AuditThresholds.builder().set(AuditThreshold.TABLE_BLOAT_MIN_SIZE, 0L).build())
                    .build().run(auditor);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            migration.rollback();

            assertThat(report.failedChecks()).extracting(o -> o.check().id()).containsExactly("table-bloat");
            assertThat(report.failedChecks().get(0).detail()).contains("lock_timeout (300 ms)", "55P03");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            AuditFinding invalid = AuditTesting.only(report, "public.orders_status_key");
            assertThat(invalid.remediation().orElseThrow()).startsWith(
                    "DROP INDEX CONCURRENTLY \"public\".\"orders_status_key\";").contains("could not be read");
        }
    }

    /** Samples lock waits of the writers and the relation locks of the auditor for a while. */
    private static void sample(Connection monitor, List<Integer> writers, int auditor, Duration duration,
            Set<String> waits, Set<String> auditLocks) throws SQLException, InterruptedException {
        String writerList = writers.stream().map(String::valueOf).collect(Collectors.joining(","));
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            try (Statement statement = monitor.createStatement()) {
                try (ResultSet rs = statement.executeQuery("select pid, wait_event, pg_blocking_pids(pid)::text"
                        + " from pg_stat_activity where wait_event_type = 'Lock' and pid in (" + writerList + ")")) {
                    while (rs.next()) {
                        waits.add("pid " + rs.getInt(1) + " waited on a " + rs.getString(2) + " lock held by "
                                + rs.getString(3) + " (auditor " + auditor + ")");
                    }
                }
                try (ResultSet rs = statement.executeQuery("select l.relation::regclass::text, c.relkind, l.mode"
                        + " from pg_locks l left join pg_class c on c.oid = l.relation"
                        + " where l.locktype = 'relation' and l.pid = " + auditor)) {
                    while (rs.next()) {
                        auditLocks.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                }
            }
            Thread.sleep(5);
        }
    }

    /** Writers that insert, update and delete in small transactions until stopped. */
    private static final class Workload {
        final AtomicLong writes = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Connection> connections = new ArrayList<>();
        private final List<Integer> pids = new ArrayList<>();
        private final List<Future<?>> tasks = new ArrayList<>();
        private final ExecutorService executor;

        Workload(PostgresDatabase database, int writers) throws SQLException {
            executor = Executors.newFixedThreadPool(writers);
            for (int w = 0; w < writers; w++) {
                Connection connection = database.connect();
                connections.add(connection);
                pids.add(pid(connection));
                int writer = w;
                tasks.add(executor.submit(() -> write(connection, writer)));
            }
        }

        List<Integer> pids() {
            return pids;
        }

        /** Each writer inserts, updates and deletes rows no other writer touches, so writers never wait for each other. */
        private Void write(Connection connection, int writer) throws SQLException {
            long base = 1_000_000L * (writer + 1);
            for (long i = 0; running.get(); i++) {
                exec(connection, "insert into orders values (" + (base + i) + ", " + i % 100 + ", 'new', 1)",
                            "update orders set status = 'paid', total = total + 1 where id = "
                                    + (writer * 1000 + i % 1000 + 1),
                            "delete from orders where id = " + (base + i));
                writes.addAndGet(3);
            }
            return null;
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> task : tasks) {
                task.get(10, TimeUnit.SECONDS);
            }
            executor.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
