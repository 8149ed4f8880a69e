package dev.dbops.micronaut.guard;

import dev.dbops.micronaut.RequiresDbops;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the drift check of a datasource whose Flyway migrations run asynchronously
 * ({@code flyway.datasources.<name>.async=true}), on micronaut-flyway's {@link MigrationFinishedEvent}.
 *
 * <p>The application has started by then, so a failing check cannot stop it: the result is recorded (the drift
 * health goes down) and logged as an error.
 */
@Singleton
@RequiresDbops
@Requires(classes = {MigrationFinishedEvent.class, FlywayConfigurationProperties.class})
public class AsyncMigrationDriftCheck implements ApplicationEventListener<MigrationFinishedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncMigrationDriftCheck.class);

    private final StartupDriftCheck check;
    private final BeanLocator beans;
    private final DataSourceResolver resolver;

    /** Creates the listener. */
    public AsyncMigrationDriftCheck(StartupDriftCheck check, BeanLocator beans, @Nullable DataSourceResolver resolver) {
        this.check = Objects.requireNonNull(check, "check");
        this.beans = Objects.requireNonNull(beans, "beans");
        this.resolver = resolver != null ? resolver : DataSourceResolver.DEFAULT;
    }

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        if (!(event.getSource() instanceof FlywayConfigurationProperties properties) || !properties.isAsync()) {
            return;
        }
        String name = properties.getNameQualifier();
        if (!check.applies(name)) {
            return;
        }
        Optional<ToolMigrations> migrations = check.migrations(name);
        Optional<DataSource> dataSource = beans.findBean(DataSource.class, Qualifiers.byName(name));
        if (migrations.isEmpty() || dataSource.isEmpty()) {
            return;
        }
        try {
            check.check(name, resolver.resolve(dataSource.get()), migrations.get());
        } catch (DbopsStartupException e) {
            if (check.status(name).isEmpty()) {
                check.skip(name, e.getMessage());
            }
            LOG.error("dbops drift check after the asynchronous migration of datasource {} failed; the application"
                    + " is already running:\n{}", name, e.getMessage());
        }
    }
}
