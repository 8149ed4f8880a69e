package dev.dbops.micronaut.guard;

import dev.dbops.ErrorCode;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.config.DbopsDataSources;
import dev.dbops.micronaut.config.DbopsSettings;
import dev.dbops.micronaut.monitor.MonitorDatabases;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.runtime.DatabaseAvailability;
import dev.dbops.runtime.MonitorDatabase;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lints the migrations micronaut-flyway is about to run on a datasource, and stops the startup before they run
 * when {@code dbops.guard.lint.fail-on} says so.
 *
 * <p>micronaut-flyway migrates in a {@code BeanCreatedEventListener<DataSource>} (its
 * {@code DataSourceMigrationRunner}, of the default order 0) when the datasource bean is created. This listener
 * has order {@link GuardOrder#LINT}, so Micronaut calls it for the same datasource first; an exception here fails
 * the datasource's creation, and with it the startup, before Flyway has applied anything. The pending migrations
 * are the ones {@code flyway info} lists, read with a copy of the configuration micronaut-flyway runs.
 */
@Singleton
@RequiresDbops
@Requires(classes = {Flyway.class, FlywayConfigurationProperties.class})
@Order(GuardOrder.LINT)
public class FlywayPendingMigrationLint implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(FlywayPendingMigrationLint.class);

    private final DbopsDataSources settings;
    private final FlywayMigrationTool flyway;
    private final MonitorDatabases databases;
    private final BeanLocator beans;
    private final DataSourceResolver resolver;

    /** Creates the listener. */
    public FlywayPendingMigrationLint(DbopsDataSources settings, FlywayMigrationTool flyway, MonitorDatabases databases,
            BeanLocator beans, @Nullable DataSourceResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flyway = Objects.requireNonNull(flyway, "flyway");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.beans = Objects.requireNonNull(beans, "beans");
        this.resolver = resolver != null ? resolver : DataSourceResolver.DEFAULT;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        Optional<String> name = CreatedDataSources.name(event);
        if (name.isEmpty() || !settings.watches(name.get())) {
            return event.getBean();
        }
        DbopsSettings own = settings.settings(name.get());
        Optional<FlywayConfigurationProperties> properties = flyway.properties(name.get());
        if (own.getGuard().isEnabled() && own.getLint().isEnabled() && properties.map(p -> p.isEnabled()).orElse(false)) {
            lint(name.get(), resolver.resolve(event.getBean()), own);
        }
        return event.getBean();
    }

    private void lint(String name, DataSource dataSource, DbopsSettings own) {
        FluentConfiguration configuration = flyway.configuration(name).orElseThrow().dataSource(dataSource);
        MigrationInfo[] pending;
        int serverMajor;
        try {
            serverMajor = serverMajor(dataSource);
            pending = configuration.load().info().pending();
        } catch (SQLException | FlywayException e) {
            MonitorDatabase database = databases.of(name, dataSource);
            if (!DatabaseAvailability.isUnavailable(e)) {
                throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not list the pending"
                        + " migrations of " + database.location() + ": " + e.getMessage(),
                        "Check the datasources." + name + " credentials and privileges, and the flyway.datasources."
                                + name + " settings.", e);
            }
            LintPreconditions.unavailable(name, database, own.getGuard(), e);
            return;
        }
        if (pending.length == 0) {
            LOG.debug("dbops lint: no pending migrations on datasource {}", name);
            return;
        }
        Set<String> scripts = Arrays.stream(pending).map(MigrationInfo::getScript).collect(Collectors.toSet());
        MigrationSet all = FlywayMigrationTool.source(configuration, own.getGuard().getLocations()).load();
        List<Migration> migrations = all.migrations().stream().filter(m -> scripts.contains(m.script())).toList();
        Set<String> files = migrations.stream().map(Migration::location).collect(Collectors.toSet());
        List<MigrationProblem> problems = all.problems().stream().filter(p -> files.contains(p.location())).toList();
        LintPreconditions.lint(own.getLint(), LintPreconditions.linter(beans, name))
                .check(new MigrationSet(migrations, List.of(), List.of(), problems), serverMajor);
    }

    /** The server's major version, on a connection returned before Flyway borrows its own (a pool may have two). */
    private static int serverMajor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseMajorVersion();
        }
    }

}
