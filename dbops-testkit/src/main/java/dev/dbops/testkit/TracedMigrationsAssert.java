package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.LockMode;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.trace.LockTracer;
import dev.dbops.trace.TraceReport;
import dev.dbops.trace.Workload;
import dev.dbops.trace.seed.DataSeeder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what migrations really do on a seeded PostgreSQL: the locks they take on tables that already
 * exist, the tables they rewrite, and how long they keep application queries waiting. Obtained from
 * {@link MigrationsAssert#whenTraced()}.
 *
 * <pre>{@code
 * assertThat(migrations("classpath:db/migration"))
 *         .onPostgres(15)
 *         .whenTraced().withRows(1_000_000)
 *         .takeNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE).onExistingTables()
 *         .rewriteNoTable()
 *         .blockNoQueryLongerThan(Duration.ofMillis(500));
 * }</pre>
 *
 * <p>As {@code dbops check} does, the migrations before the traced ones are applied untraced on a scratch
 * database of the replay server ({@code onPostgres}, else the configured one), every table they created is
 * filled with {@link #withRows(long) synthetic rows}, then the traced ones run under {@link LockTracer} while a
 * simulated application {@link Workload} reads and writes the tables they lock. By default only the newest
 * migration is traced — the one a deploy runs next; {@link #from(String)} traces more. The trace runs once, at
 * the first assertion, and every assertion of this instance reads the same {@link #report() report}; a setting
 * changed afterwards makes the next assertion trace again.
 */
public class TracedMigrationsAssert extends AbstractAssert<TracedMigrationsAssert, MigrationSource> {

    private final String described;
    private final Supplier<MigrationSet> migrations;
    private final Supplier<PostgresServer> server;
    private long rows = DataSeeder.DEFAULT_ROWS;
    private Optional<String> from = Optional.empty();
    private Workload workload = Workload.builder().build();
    private Traced traced;

    /** Creates the assertion; use {@link MigrationsAssert#whenTraced()}. */
    protected TracedMigrationsAssert(MigrationSource actual, String described, Supplier<MigrationSet> migrations,
            Supplier<PostgresServer> server) {
        super(actual, TracedMigrationsAssert.class);
        this.described = Objects.requireNonNull(described, "described");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * The synthetic rows {@link DataSeeder} writes into every table the migrations before the traced ones
     * created (default {@value DataSeeder#DEFAULT_ROWS}; 0: none), so that locks are held as long as on a
     * production table of that size.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public TracedMigrationsAssert withRows(long rowsPerTable) {
        if (rowsPerTable < 0) {
            throw new IllegalArgumentException("withRows needs 0 or more rows per table, not " + rowsPerTable);
        }
        this.rows = rowsPerTable;
        traced = null;
        return myself;
    }

    /**
     * The first migration to trace, by id ({@code V7}), version ({@code 7}) or file; it and every later one are
     * traced, the earlier ones applied and seeded. Default: the newest migration only. A name that matches no
     * migration fails the next assertion, listing the migrations.
     */
    public TracedMigrationsAssert from(String migrationId) {
        this.from = Optional.of(Objects.requireNonNull(migrationId, "migrationId"));
        traced = null;
        return myself;
    }

    /**
     * The simulated application load run while each traced migration runs (default {@code Workload.builder()
     * .build()}: 40 reads and 10 writes per second over 4 sessions), on the existing tables it locks.
     */
    public TracedMigrationsAssert withWorkload(Workload load) {
        this.workload = Objects.requireNonNull(load, "load");
        traced = null;
        return myself;
    }

    /**
     * The strongest lock the traced migrations may take on a table; say which tables with
     * {@link LockLimit#onExistingTables()}, which runs the check.
     */
    public LockLimit takeNoLockStrongerThan(LockMode strongest) {
        return new LockLimit(Objects.requireNonNull(strongest, "strongest"));
    }

    /**
     * Verifies that no traced statement rewrote an existing table — copied its rows into new storage, as
     * {@code ALTER COLUMN … TYPE} or {@code VACUUM FULL} do ({@code TRUNCATE}'s new, empty storage is not a
     * rewrite, nor is a rebuilt index). The failure names each statement by file:line, the table and the lock
     * it was rewritten under.
     */
    public TracedMigrationsAssert rewriteNoTable() {
        Traced run = trace();
        TraceVerdicts.rewrites(run.report(), run.existing())
                .ifPresent(found -> failWithMessage("%s", run.expecting("to rewrite no existing table") + found));
        return myself;
    }

    /**
     * Verifies that no query of the simulated application workload took longer than {@code limit} from being
     * issued to its result ({@link TraceReport#longestApplicationWait()}). The failure lists each query that
     * did: the lock it waited for, what blocked it, and the statement running then.
     */
    public TracedMigrationsAssert blockNoQueryLongerThan(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        Traced run = trace();
        TraceVerdicts.waits(run.report(), limit).ifPresent(found -> failWithMessage("%s",
                run.expecting("to keep no application query waiting longer than " + TraceVerdicts.millis(limit))
                        + found));
        return myself;
    }

    /** The trace every assertion of this instance reads, run now if no assertion has run it yet. */
    public TraceReport report() {
        return trace().report();
    }

    /** The lock limit of {@link #takeNoLockStrongerThan(LockMode)}, waiting to be told which tables it is for. */
    public final class LockLimit {

        private final LockMode strongest;

        private LockLimit(LockMode strongest) {
            this.strongest = strongest;
        }

        /**
         * Verifies that no traced statement took (or waited for) a lock stronger than the limit on a table,
         * partitioned table or materialized view that existed before the traced migrations; those they create
         * themselves are nobody else's yet. The failure names each statement by file:line, with the lock, the
         * table and how long the migration held it.
         */
        public TracedMigrationsAssert onExistingTables() {
            Traced run = trace();
            TraceVerdicts.locks(run.report(), run.existing(), strongest).ifPresent(found -> failWithMessage("%s",
                    run.expecting("to take no lock stronger than " + strongest.sqlName() + " on existing tables")
                            + found));
            return myself;
        }
    }

    /** Runs the trace on first use; a trace that cannot run, or stops at a failing statement, fails the assertion. */
    private Traced trace() {
        isNotNull();
        if (traced != null) {
            return traced;
        }
        List<Migration> order = MigrationReplay.order(migrations.get());
        int first = firstTraced(order);
        ExistingTables existing = new ExistingTables(rows);
        LockTracer.Builder tracer = LockTracer.builder().server(server.get()).workload(workload);
        if (first > 0) {
            tracer.seeder(existing);
        }
        TraceReport report;
        try {
            report = tracer.build().trace(set(order.subList(0, first)), set(order.subList(first, order.size())));
        } catch (DbopsException e) {
            throw failure("%s", "Expecting the migrations at " + described + " to be traced,\nbut " + e.getMessage());
        }
        String heading = "Expecting the migrations at " + described + ", traced from " + order.get(first).id()
                + " on PostgreSQL " + report.serverVersion() + (first == 0 ? " on an empty database"
                : " after " + first + " applied (" + report.seeding().map(TraceReport.Seeding::summary)
                        .orElse("not seeded") + ")") + ",\n";
        if (report.failure().isPresent()) {
            throw failure("%s", heading + "to run,\nbut " + report.failure().get().describe());
        }
        traced = new Traced(report, existing.tables(), heading);
        return traced;
    }

    private int firstTraced(List<Migration> order) {
        if (from.isEmpty()) {
            return order.size() - 1;
        }
        String name = from.get();
        for (int i = 0; i < order.size(); i++) {
            Migration migration = order.get(i);
            if (migration.id().equals(name) || migration.version().filter(name::equals).isPresent()
                    || migration.location().equals(name)) {
                return i;
            }
        }
        throw failure("%s", "Expecting a migration " + name + " to trace from among the migrations at " + described
                + ",\nbut there is none; the migrations are: "
                + String.join(", ", order.stream().map(Migration::id).toList()));
    }

    private static MigrationSet set(List<Migration> list) {
        return new MigrationSet(list, List.of(), List.of(), List.of());
    }

    /** One trace and what the assertions need besides it. */
    private record Traced(TraceReport report, Set<String> existing, String heading) {

        String expecting(String what) {
            return heading + what + ",\nbut ";
        }
    }
}
