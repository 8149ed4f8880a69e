package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.RelationRole;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** One trace in its scratch database: sessions, baseline, seeding, the traced migrations, the report. */
final class TraceRun {

    private static final String UPDATABLE_COLUMN = "select a.attname from pg_catalog.pg_attribute a"
            + " where a.attrelid = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''"
            + " and a.attidentity <> 'a' order by a.attnum limit 1";

    private final ScratchDatabase scratch;
    private final Optional<Seeder> seeder;
    private final Optional<Workload> workload;
    private final Duration longLock;
    private final Duration pollInterval;
    private final TraceListener listener;

    TraceRun(ScratchDatabase scratch, Optional<Seeder> seeder, Optional<Workload> workload, Duration longLock,
            Duration pollInterval, TraceListener listener) {
        this.scratch = scratch;
        this.seeder = seeder;
        this.workload = workload;
        this.longLock = longLock;
        this.pollInterval = pollInterval;
        this.listener = listener;
    }

    /** Runs the trace; {@code started} is when it began ({@link System#nanoTime()}), for the report's time. */
    TraceReport run(List<PlannedMigration> baseline, List<PlannedMigration> traced, long started) {
        PostgresDatabase database = scratch.database();
        int major = scratch.server().majorVersion();
        try (Connection session = database.connect();
                LockPoller poller = new LockPoller(database.connect(), pollInterval);
                Workloads load = new Workloads(workload, database)) {
            session.setAutoCommit(true);
            int pid;
            String serverVersion;
            try (Statement statement = session.createStatement()) {
                statement.execute("set application_name = 'dbops-trace-migration'");
                try (ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid(),"
                        + " pg_catalog.current_setting('server_version')")) {
                    rs.next();
                    pid = rs.getInt(1);
                    serverVersion = rs.getString(2).split(" ")[0];
                }
            }
            MigrationRunner runner = new MigrationRunner(session, pid, poller, load.driver());
            for (int i = 0; i < baseline.size(); i++) {
                Optional<MigrationFailure> failure = runner.apply(baseline.get(i));
                if (failure.isPresent()) {
                    return report(major, serverVersion, baseline, Optional.empty(), List.of(), failure,
                            new ArrayList<>(List.of(TraceFindings.of(failure.get()))), started);
                }
                listener.applied(baseline.get(i).migration().id(), i + 1, baseline.size());
            }
            Optional<TraceReport.Seeding> seeding = seed(database);
            seeding.ifPresent(listener::seeded);
            try (Statement statement = session.createStatement()) {
                statement.execute("analyze");
            }
            List<List<Prediction>> predictions = Predictions.of(MigrationLinter.builder().pgVersion(major).build(),
                    baseline, traced);
            TraceAssembler assembler = new TraceAssembler(pid, workload, longLock);
            List<MigrationTrace> migrations = new ArrayList<>();
            List<TraceFinding> findings = new ArrayList<>();
            for (int i = 0; i < traced.size(); i++) {
                PlannedMigration migration = traced.get(i);
                List<WorkloadDriver.Target> targets = workload.isPresent()
                        ? targets(session, predictions.get(i)) : List.of();
                MigrationRun run = runner.trace(migration, targets);
                migrations.add(assembler.assemble(run, predictions.get(i), findings));
                listener.traced(migrations.get(i), i + 1, traced.size());
                if (run.failure().isPresent()) {
                    return report(major, serverVersion, baseline, seeding, migrations, run.failure(), findings, started);
                }
            }
            listener.finished(database);
            return report(major, serverVersion, baseline, seeding, migrations, Optional.empty(), findings, started);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.TRACE_FAILED, "The trace's session on the scratch database "
                    + database.name() + " failed: " + e.getMessage() + " — check the server log.", e);
        }
    }

    private Optional<TraceReport.Seeding> seed(PostgresDatabase database) {
        if (seeder.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Seeder.Outcome outcome;
        try {
            outcome = seeder.get().seed(database.dataSource());
        } catch (DbopsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DbopsException(ErrorCode.TRACE_FAILED, "The seeder failed on the scratch database "
                    + database.name() + ": " + e.getMessage() + " — the traced migrations did not run.", e);
        }
        return Optional.of(new TraceReport.Seeding(outcome.summary(), outcome.unsatisfied(),
                Duration.ofNanos(System.nanoTime() - started)));
    }

    /** The existing tables and materialized views the migration's statements lock, with the workload's queries. */
    private static List<WorkloadDriver.Target> targets(Connection session, List<Prediction> predictions)
            throws SQLException {
        SessionProbe.Snapshot now = SessionProbe.take(session, false);
        Map<Long, RelationState> tables = new LinkedHashMap<>();
        for (Prediction prediction : predictions) {
            for (DeclaredLock lock : prediction.locks()) {
                RelationRole role = lock.role() == RelationRole.INDEXES_OF_TABLE ? RelationRole.TABLE : lock.role();
                for (RelationState relation : Comparison.resolve(lock.relation(), role, now, new TreeSet<>())) {
                    if (relation.kind().holdsRows()) {
                        tables.putIfAbsent(relation.oid(), relation);
                    }
                }
            }
        }
        List<WorkloadDriver.Target> targets = new ArrayList<>();
        for (RelationState table : tables.values()) {
            String name = Identifiers.qualified(table.schema(), table.name());
            String read = "select 1 from " + name + " where ctid = '(0,1)'::tid";
            String write = read;
            if (table.kind() != LockedObject.MATERIALIZED_VIEW) {
                try (PreparedStatement statement = session.prepareStatement(UPDATABLE_COLUMN)) {
                    statement.setLong(1, table.oid());
                    try (ResultSet rs = statement.executeQuery()) {
                        write = rs.next() ? "update " + name + " set " + Identifiers.quote(rs.getString(1)) + " = "
                                + Identifiers.quote(rs.getString(1)) + " where ctid = '(0,1)'::tid"
                                : "delete from " + name + " where ctid = '(0,0)'::tid";
                    }
                }
            }
            targets.add(new WorkloadDriver.Target(table.qualified(), read, write));
        }
        return targets;
    }

    private static TraceReport report(int major, String serverVersion, List<PlannedMigration> baseline,
            Optional<TraceReport.Seeding> seeding, List<MigrationTrace> migrations,
            Optional<MigrationFailure> failure, List<TraceFinding> findings, long started) {
        List<TraceFinding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparing(TraceFinding::severity).reversed());
        return new TraceReport(major, serverVersion, baseline.size(), seeding, migrations, failure, ordered,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The workload's sessions, when there is a workload; closed with the trace. */
    private static final class Workloads implements AutoCloseable {
        private final Optional<WorkloadDriver> driver;

        Workloads(Optional<Workload> workload, PostgresDatabase database) throws SQLException {
            this.driver = workload.isPresent() ? Optional.of(new WorkloadDriver(workload.get(), database::connect))
                    : Optional.empty();
        }

        Optional<WorkloadDriver> driver() {
            return driver;
        }

        @Override
        public void close() {
            driver.ifPresent(WorkloadDriver::close);
        }
    }
}
