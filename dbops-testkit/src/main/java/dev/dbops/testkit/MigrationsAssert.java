package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftReport;
import dev.dbops.lint.LintRule;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a set of migrations: that they are lock-safe, build the committed schema snapshot, can be
 * undone, and match a live database. Obtained from {@link DbopsAssertions#assertThat(MigrationSource)}.
 *
 * <pre>{@code
 * assertThat(migrations("classpath:db/migration"))
 *         .onPostgres(16)
 *         .ignoringRules("require-lock-timeout")
 *         .areLockSafe()
 *         .matchSnapshot("src/main/resources/db/dbops-snapshot.json")
 *         .areReversible();
 * }</pre>
 *
 * <p>The settings ({@code onPostgres}, {@code failingOn}, {@code ignoringRules}, {@code judgingAsOneBatch})
 * come before the assertions
 * they affect. Assertions that run the migrations do so on a fresh database of the server
 * {@link DbopsPostgres} would use ({@code DBOPS_TEST_POSTGRES}, else an embedded PostgreSQL), dropped
 * afterwards. Every assertion fails when the locations do not exist or hold no migration.
 */
public class MigrationsAssert extends AbstractAssert<MigrationsAssert, MigrationSource> {

    private OptionalInt pgVersion = OptionalInt.empty();
    private Severity threshold = Severity.ERROR;
    private final Set<String> ignoredRules = new LinkedHashSet<>();
    private boolean earlierMigrationsApplied = true;

    /** Creates the assertion; use {@link DbopsAssertions#assertThat(MigrationSource)}. */
    protected MigrationsAssert(MigrationSource actual) {
        super(actual, MigrationsAssert.class);
    }

    /**
     * The PostgreSQL major version the migrations will run on ({@value MigrationLinter#MIN_PG_VERSION} to
     * {@value MigrationLinter#MAX_PG_VERSION}): the lint rules judge for it, and the migrations are replayed on a
     * server of it. Default: {@value MigrationLinter#DEFAULT_PG_VERSION} for the rules, the configured server for
     * replays.
     *
     * @throws IllegalArgumentException for a version the rules do not know
     */
    public MigrationsAssert onPostgres(int majorVersion) {
        linter(majorVersion, ignoredRules, earlierMigrationsApplied);
        this.pgVersion = OptionalInt.of(majorVersion);
        return myself;
    }

    /** The least severe lint violation that fails {@link #areLockSafe()} (default {@link Severity#ERROR}). */
    public MigrationsAssert failingOn(Severity threshold) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        return myself;
    }

    /**
     * Lint rules not to run, by id ({@code require-lock-timeout}); see {@code docs/rules/}.
     *
     * @throws IllegalArgumentException naming an unknown rule id, and the nearest known one
     */
    public MigrationsAssert ignoringRules(String... ruleIds) {
        Set<String> all = new LinkedHashSet<>(ignoredRules);
        all.addAll(List.of(ruleIds));
        linter(pgVersion.orElse(MigrationLinter.DEFAULT_PG_VERSION), all, earlierMigrationsApplied);
        ignoredRules.clear();
        ignoredRules.addAll(all);
        return myself;
    }

    /**
     * Makes {@link #areLockSafe()} judge the migrations as one batch run on a fresh database, as
     * {@code dbops lint} judges a directory: a table created by any earlier migration of the locations counts
     * as new, so locks on it are not violations. By default each migration is judged as it runs in production,
     * once the earlier ones are applied: only a table created earlier in the same migration counts as new, so
     * {@code V9} building an index without {@code CONCURRENTLY} on the {@code orders} table of {@code V2}
     * fails. Use this for migrations that only ever run together on an empty database, or while an old
     * migration that already ran (and cannot change without changing its checksum) is not yet fixed.
     */
    public MigrationsAssert judgingAsOneBatch() {
        this.earlierMigrationsApplied = false;
        return myself;
    }

    /**
     * Verifies that no migration has a lint violation at or above the threshold ({@link #failingOn}), and that
     * every file could be linted. The failure lists each violation as {@code dbops lint} prints it: file:line,
     * the statement, the lock it takes, the safe alternative and the rule's help.
     */
    public MigrationsAssert areLockSafe() {
        isNotNull();
        MigrationLinter linter = linter(pgVersion.orElse(MigrationLinter.DEFAULT_PG_VERSION), ignoredRules,
                earlierMigrationsApplied);
        LockSafety.check(describeActual(), load(false), linter, threshold, ignoredRules,
                earlierMigrationsApplied)
                .ifPresent(message -> failWithMessage("%s", message));
        return myself;
    }

    /** As {@link #matchSnapshot(Path)}, with the path relative to the working directory. */
    public MigrationsAssert matchSnapshot(String snapshotFile) {
        return matchSnapshot(Path.of(Objects.requireNonNull(snapshotFile, "snapshotFile")));
    }

    /**
     * Verifies that the schema the migrations build — replayed on a fresh database, then inspected — equals
     * the committed snapshot file (owners and the migration tools' history tables aside). The failure lists
     * every differing object, and carries both snapshots' JSON as expected and actual for an IDE's diff view.
     *
     * <p>With {@code -Ddbops.snapshot.update=true} the file is written instead when it is missing or differs
     * (directories created), the change is printed to standard error, and the assertion passes, as snapshot
     * testing tools do in update mode; review and commit the file. A file that cannot be written fails it.
     */
    public MigrationsAssert matchSnapshot(Path snapshotFile) {
        isNotNull();
        Objects.requireNonNull(snapshotFile, "snapshotFile");
        MigrationSet set = load(true);
        SnapshotCheck.Result result = SnapshotCheck.check(describeActual(), MigrationReplay.order(set), server(),
                snapshotFile, SnapshotCheck.updateMode());
        if (result instanceof SnapshotCheck.Result.Fails fails) {
            failWithMessage("%s", fails.message());
        } else if (result instanceof SnapshotCheck.Result.Differs differs) {
            failWithActualExpectedAndMessage(differs.actual(), differs.expected(), "%s", differs.message());
        } else if (result instanceof SnapshotCheck.Result.Matches matches) {
            matches.notice().ifPresent(System.err::println);
        }
        return myself;
    }

    /**
     * Verifies that every migration with an undo — a Flyway {@code U} script of its version, or a Liquibase
     * changeset's rollback (its own, or the one Liquibase generates) — can be applied, undone leaving the schema
     * as it was before, and applied again, on a fresh database. Migrations without an undo are applied only;
     * the failure names them. Fails when no migration has an undo, since nothing would be checked.
     */
    public MigrationsAssert areReversible() {
        isNotNull();
        MigrationSet set = load(true);
        Reversibility.check(describeActual(), set, actual.liquibaseRollbacks(), server())
                .ifPresent(message -> failWithMessage("%s", message));
        return myself;
    }

    /**
     * Verifies that the database has no drift from the migrations: its Flyway or Liquibase history matches the
     * files (no edited, missing, failed or pending migration) and its schema equals the one the migrations build
     * on a scratch database of the same major version. The failure is the drift report in full.
     */
    public MigrationsAssert haveNoDriftAgainst(DataSource dataSource) {
        isNotNull();
        Objects.requireNonNull(dataSource, "dataSource");
        load(true);
        try (Connection connection = dataSource.getConnection()) {
            int liveMajor = connection.getMetaData().getDatabaseMajorVersion();
            PostgresServer shadow = TestServers.server(ServerChoice.of(String.valueOf(pgVersion.orElse(liveMajor)), "",
                    ServerChoice.configuredSpec()));
            DriftReport report = DriftDetector.builder().migrations(actual).shadow(shadow).build().detect(connection);
            if (report.hasDrift() || !report.problems().isEmpty()) {
                failWithMessage("%s", "Expecting the database " + databaseName(connection) + " to have no drift from"
                        + " the migrations at " + describeActual() + ",\nbut:\n\n" + report.toText());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database given to haveNoDriftAgainst: " + e.getMessage(), e);
        }
        return myself;
    }

    /**
     * Assertions on what the migrations do on a seeded PostgreSQL — the locks they take on existing tables, the
     * tables they rewrite, how long they block application queries — observed by dbops's lock tracer on the
     * replay server ({@code onPostgres}, else the configured one). See {@link TracedMigrationsAssert}.
     */
    public TracedMigrationsAssert whenTraced() {
        isNotNull();
        return new TracedMigrationsAssert(actual, describeActual(), () -> load(true), this::server);
    }

    /** The migrations, failing the assertion when they cannot be loaded, hold none, or (when asked) have problems. */
    private MigrationSet load(boolean problemsFail) {
        MigrationSet set;
        try {
            set = actual.load();
        } catch (DbopsException e) {
            throw failure("%s", "Expecting migrations at " + describeActual() + ",\nbut " + e.getMessage());
        }
        if (set.all().isEmpty() && set.problems().isEmpty()) {
            throw failure("%s", "Expecting migrations at " + describeActual() + ",\nbut there are none: check the"
                    + " location, and that Flyway files are named V<version>__<description>.sql");
        }
        if (problemsFail && !set.problems().isEmpty()) {
            List<String> lines = new ArrayList<>();
            set.problems().forEach(problem -> lines.add("  " + problem));
            throw failure("%s", "Expecting the migrations at " + describeActual() + " to load,\nbut "
                    + lines.size() + (lines.size() == 1 ? " file has a problem" : " files have problems") + ":\n"
                    + String.join("\n", lines));
        }
        return set;
    }

    private PostgresServer server() {
        return TestServers.server(ServerChoice.of(pgVersion.isPresent() ? String.valueOf(pgVersion.getAsInt()) : "", "",
                ServerChoice.configuredSpec()));
    }

    private String describeActual() {
        String text = actual.toString();
        return text.startsWith("MigrationSource") ? text.substring("MigrationSource".length()) : text;
    }

    private static String databaseName(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_database()")) {
            return rows.next() ? rows.getString(1) : "(unknown)";
        }
    }

    /** A linter for these settings; an unknown rule id or version is the caller's mistake. */
    private static MigrationLinter linter(int version, Set<String> ignored, boolean earlierApplied) {
        try {
            return MigrationLinter.builder().pgVersion(version).ignoreRules(ignored)
                    .earlierMigrationsApplied(earlierApplied).build();
        } catch (DbopsException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            List<String> known = MigrationLinter.builder().build().rules().stream().map(LintRule::id).toList();
            for (String id : ignored) {
                if (!known.contains(id)) {
                    known.stream().min(Comparator.comparingInt(k -> distance(k, id)))
                            .filter(nearest -> distance(nearest, id) <= Math.max(2, id.length() / 3))
                            .ifPresent(nearest -> message.append("; did you mean '").append(nearest).append("'"));
                }
            }
            throw new IllegalArgumentException(message.toString(), e);
        }
    }

    /** The edit distance between two rule ids, to suggest the one meant. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
