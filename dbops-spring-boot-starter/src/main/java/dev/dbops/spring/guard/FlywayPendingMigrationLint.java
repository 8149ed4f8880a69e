package dev.dbops.spring.guard;

import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.runtime.PendingMigrationLint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Lints the migrations Flyway is about to run, at {@link Event#BEFORE_MIGRATE}: after Flyway has connected
 * and validated, before it applies anything.
 *
 * <p>A Flyway {@link Callback} bean is registered by Spring Boot's Flyway auto-configuration with every
 * other callback, so the lint runs whatever {@code FlywayMigrationStrategy} the application has; an
 * application whose strategy only validates never migrates, and then nothing is linted. The pending
 * migrations are the ones {@code flyway info} lists as pending, read with the same configuration.
 */
public final class FlywayPendingMigrationLint implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(FlywayPendingMigrationLint.class);

    private final PendingMigrationLint lint;
    private final List<String> locations;

    /**
     * Creates the callback.
     *
     * @param lint the policy
     * @param locations {@code dbops.guard.locations}: when not empty, the files to lint instead of Flyway's
     */
    public FlywayPendingMigrationLint(PendingMigrationLint lint, List<String> locations) {
        this.lint = Objects.requireNonNull(lint, "lint");
        this.locations = List.copyOf(locations);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    /** True: Flyway then calls on its main connection; false would make it open a separate event connection. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        long started = System.nanoTime();
        MigrationSet all = FlywayMigrationSources.ofFlyway(context.getConfiguration(), locations).load();
        if (everyVersionApplied(context, all)) {
            LOG.debug("dbops lint: every migration file is applied ({} ms)", (System.nanoTime() - started) / 1_000_000);
            return;
        }
        MigrationInfo[] pending = pending(context);
        LOG.debug("dbops lint: Flyway lists {} pending migration(s), read in {} ms", pending.length,
                (System.nanoTime() - started) / 1_000_000);
        if (pending.length == 0) {
            return;
        }
        Set<String> scripts = Arrays.stream(pending).map(MigrationInfo::getScript).collect(Collectors.toSet());
        List<Migration> migrations = all.migrations().stream().filter(m -> scripts.contains(m.script())).toList();
        Set<String> files = migrations.stream().map(Migration::location).collect(Collectors.toSet());
        List<MigrationProblem> problems = all.problems().stream().filter(p -> files.contains(p.location())).toList();
        lint.check(new MigrationSet(migrations, List.of(), List.of(), problems), serverMajor(context));
    }

    /**
     * The fast path of a restart: whether the history already records, as successful, the version of every
     * versioned file (and there are no repeatables, whose checksums only Flyway compares). Then nothing is
     * pending and Flyway need not be asked; any doubt (no history table yet, a missing version, a version
     * below the baseline) falls through to Flyway's own answer.
     */
    private static boolean everyVersionApplied(Context context, MigrationSet all) {
        if (all.migrations().stream().anyMatch(m -> m.kind() != MigrationKind.VERSIONED)) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        String[] schemas = context.getConfiguration().getSchemas();
        String table = (schemas.length > 0 ? quote(schemas[0]) + "." : "") + quote(context.getConfiguration().getTable());
        // to_regclass never fails, so a missing table cannot abort a transaction Flyway may have open here.
        try (PreparedStatement exists = context.getConnection().prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next() || !found.getBoolean(1)) {
                    return false;
                }
            }
            try (Statement statement = context.getConnection().createStatement();
                    ResultSet rows = statement.executeQuery("select version from " + table
                            + " where success and version is not null")) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return all.migrations().stream().allMatch(m -> m.version().map(applied::contains).orElse(false));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getCallbackName() {
        return "dbops-pending-migration-lint";
    }

    /**
     * What {@code flyway info} lists as pending, read on Flyway's own connection: a second connection could
     * wait forever on a small pool that Flyway's migration already holds.
     */
    private static MigrationInfo[] pending(Context context) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(context.getConnection(), true);
        return Flyway.configure(context.getConfiguration().getClassLoader()).configuration(context.getConfiguration())
                .dataSource(connection).callbacks(new Callback[0]).load().info().pending();
    }

    private static int serverMajor(Context context) {
        try {
            return context.getConnection().getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            return dev.dbops.lint.MigrationLinter.DEFAULT_PG_VERSION;
        }
    }
}
