package dev.dbops.spring.guard;

import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
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
        MigrationInfo[] pending = pending(context);
        if (pending.length == 0) {
            return;
        }
        Set<String> scripts = Arrays.stream(pending).map(MigrationInfo::getScript).collect(Collectors.toSet());
        MigrationSet all = FlywayMigrationSources.ofFlyway(context.getConfiguration(), locations).load();
        List<Migration> migrations = all.migrations().stream().filter(m -> scripts.contains(m.script())).toList();
        Set<String> files = migrations.stream().map(Migration::location).collect(Collectors.toSet());
        List<MigrationProblem> problems = all.problems().stream().filter(p -> files.contains(p.location())).toList();
        lint.check(new MigrationSet(migrations, List.of(), List.of(), problems), serverMajor(context));
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
