package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.sql.Statement.TransactionCommand;
import dev.dbops.trace.PlannedMigration.PlannedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs migrations over the migrating session the way their tool runs them — one transaction for a
 * transactional migration; otherwise each statement in a transaction of its own, in the script's own
 * {@code BEGIN … COMMIT}, or outside any transaction when it cannot run in one — and probes the session
 * before and after every traced statement. The probes are kept out of the statements' timings.
 */
final class MigrationRunner {

    /** SQLSTATE active_sql_transaction: "… cannot run inside a transaction block". */
    private static final String CANNOT_RUN_IN_TRANSACTION = "25001";

    private final Connection session;
    private final int pid;
    private final LockPoller poller;
    private final Optional<WorkloadDriver> workload;

    MigrationRunner(Connection session, int pid, LockPoller poller, Optional<WorkloadDriver> workload) {
        this.session = session;
        this.pid = pid;
        this.poller = poller;
        this.workload = workload;
    }

    /** Applies a migration without observing it (the migrations before the traced ones). */
    Optional<MigrationFailure> apply(PlannedMigration migration) {
        try {
            session.setAutoCommit(!migration.transactional());
            for (PlannedStatement statement : migration.statements()) {
                try {
                    execute(statement);
                } catch (SQLException e) {
                    abort();
                    return Optional.of(Failures.of(migration, statement, e, true));
                }
            }
            if (migration.transactional()) {
                session.commit();
            }
            session.setAutoCommit(true);
            return Optional.empty();
        } catch (SQLException e) {
            throw sessionFailed(e);
        }
    }

    /** Runs and observes a migration; {@code targets} are the tables for the workload, if one runs. */
    MigrationRun trace(PlannedMigration migration, List<WorkloadDriver.Target> targets) {
        List<StatementRun> runs = new ArrayList<>();
        Optional<MigrationFailure> failure;
        List<WorkloadDriver.QueryRecord> queries = List.of();
        List<LockPoller.Sighting> sightings = List.of();
        workload.ifPresent(driver -> {
            driver.start(targets);
            poller.watch(pid, driver.pids(), false);
        });
        try {
            failure = migration.transactional() ? traceInOneTransaction(migration, runs)
                    : traceStatementByStatement(migration, runs);
            session.setAutoCommit(true);
            if (workload.isPresent()) {
                queries = workload.get().stop();
                sightings = poller.stop().sightings();
            }
        } catch (SQLException e) {
            throw sessionFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.TRACE_FAILED, "The trace was interrupted.", e);
        }
        return new MigrationRun(migration, List.copyOf(runs), failure,
                targets.stream().map(WorkloadDriver.Target::table).toList(), queries, sightings, System.nanoTime());
    }

    private Optional<MigrationFailure> traceInOneTransaction(PlannedMigration migration, List<StatementRun> runs)
            throws SQLException {
        session.setAutoCommit(false);
        SessionProbe.Snapshot before = SessionProbe.take(session, true);
        for (PlannedStatement statement : migration.statements()) {
            long started = System.nanoTime();
            try {
                execute(statement);
            } catch (SQLException e) {
                abort();
                return Optional.of(Failures.of(migration, statement, e, false));
            }
            long ended = System.nanoTime();
            SessionProbe.Snapshot after = SessionProbe.take(session, true);
            runs.add(new StatementRun(statement, Execution.IN_MIGRATION_TRANSACTION, started, ended, 0, before, after,
                    List.of(), -1));
            before = after;
        }
        long commitStarted = System.nanoTime();
        session.commit();
        long commitNanos = System.nanoTime() - commitStarted;
        if (!runs.isEmpty()) {
            runs.set(runs.size() - 1, runs.get(runs.size() - 1).withCommit(commitNanos));
        }
        return Optional.empty();
    }

    private Optional<MigrationFailure> traceStatementByStatement(PlannedMigration migration, List<StatementRun> runs)
            throws SQLException {
        boolean scriptTransaction = false;
        for (PlannedStatement statement : migration.statements()) {
            Optional<TransactionCommand> command = statement.transactionCommand();
            try {
                if (scriptTransaction || command.isPresent()) {
                    session.setAutoCommit(true);
                    runs.add(observe(statement, Execution.OWN_TRANSACTION, scriptTransaction));
                    if (command.filter(c -> c == TransactionCommand.BEGIN).isPresent()) {
                        scriptTransaction = true;
                    } else if (command.filter(c -> c == TransactionCommand.COMMIT || c == TransactionCommand.ROLLBACK)
                            .isPresent()) {
                        scriptTransaction = false;
                    }
                } else if (statement.outsideTransaction()) {
                    session.setAutoCommit(true);
                    runs.add(observe(statement, Execution.OUTSIDE_TRANSACTION, false));
                } else {
                    runs.add(inOwnTransaction(statement));
                }
            } catch (SQLException e) {
                abort();
                return Optional.of(Failures.of(migration, statement, e, false));
            }
        }
        return Optional.empty();
    }

    /** A statement in a transaction of its own; retried outside one when PostgreSQL refuses it inside. */
    private StatementRun inOwnTransaction(PlannedStatement statement) throws SQLException {
        session.setAutoCommit(false);
        SessionProbe.Snapshot before = SessionProbe.take(session, true);
        long started = System.nanoTime();
        try {
            execute(statement);
        } catch (SQLException e) {
            session.rollback();
            session.setAutoCommit(true);
            if (CANNOT_RUN_IN_TRANSACTION.equals(e.getSQLState())) {
                return observe(statement, Execution.OUTSIDE_TRANSACTION, false);
            }
            throw e;
        }
        long ended = System.nanoTime();
        SessionProbe.Snapshot after = SessionProbe.take(session, true);
        long commitStarted = System.nanoTime();
        session.commit();
        long commitNanos = System.nanoTime() - commitStarted;
        session.setAutoCommit(true);
        return new StatementRun(statement, Execution.OWN_TRANSACTION, started, ended, commitNanos, before, after,
                List.of(), -1);
    }

    /**
     * A statement run as written on an autocommit session: outside a transaction, or inside the script's own
     * {@code BEGIN … COMMIT}; the poller watches it unless a workload has it watching the whole migration.
     */
    private StatementRun observe(PlannedStatement statement, Execution execution, boolean insideScriptTransaction)
            throws SQLException {
        boolean watch = execution == Execution.OUTSIDE_TRANSACTION && workload.isEmpty();
        SessionProbe.Snapshot before = SessionProbe.take(session, insideScriptTransaction);
        if (watch) {
            poller.watch(pid, List.of(), true);
        }
        long started = System.nanoTime();
        long ended;
        LockPoller.Window window = null;
        try {
            execute(statement);
        } finally {
            ended = System.nanoTime();
            if (watch) {
                window = poller.stop();
            }
        }
        Optional<TransactionCommand> command = statement.transactionCommand();
        boolean ends = command.filter(c -> c == TransactionCommand.COMMIT || c == TransactionCommand.ROLLBACK)
                .isPresent();
        boolean insideAfter = insideScriptTransaction ? !ends
                : command.filter(c -> c == TransactionCommand.BEGIN).isPresent();
        SessionProbe.Snapshot after = SessionProbe.take(session, insideAfter);
        return new StatementRun(statement, execution, started, ended, 0, before, after,
                window == null ? List.of() : window.sightings(), window == null ? -1 : window.polls());
    }

    private void execute(PlannedStatement statement) throws SQLException {
        try (Statement jdbc = session.createStatement()) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute(statement.text());
        }
    }

    /** Ends whatever transaction a failed statement left open, so that the session stays usable. */
    private void abort() {
        try {
            if (session.getAutoCommit()) {
                try (Statement jdbc = session.createStatement()) {
                    jdbc.execute("rollback");
                }
            } else {
                session.rollback();
            }
            session.setAutoCommit(true);
        } catch (SQLException e) {
            throw sessionFailed(e);
        }
    }

    private static DbopsException sessionFailed(SQLException e) {
        return new DbopsException(ErrorCode.TRACE_FAILED, "The migrating session failed outside a migration's"
                + " statements: " + e.getMessage() + " — check the server log of the scratch database's server.", e);
    }
}
