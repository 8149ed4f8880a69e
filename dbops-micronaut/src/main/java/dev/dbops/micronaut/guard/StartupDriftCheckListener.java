package dev.dbops.micronaut.guard;

import dev.dbops.micronaut.RequiresDbops;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link StartupDriftCheck} of a datasource when the datasource bean is created, after its migrations.
 *
 * <p>micronaut-flyway and micronaut-liquibase migrate synchronously in {@code BeanCreatedEventListener<DataSource>}
 * beans of the default order, 0; this listener has order {@link GuardOrder#DRIFT}, so Micronaut calls it for the
 * same datasource after them, and before any bean that injects the datasource can use it. An exception here
 * fails the datasource's creation, and with it the startup. A tool configured to migrate asynchronously
 * ({@code flyway.datasources.<name>.async=true}) is checked when it has finished instead, by
 * {@link AsyncMigrationDriftCheck}.
 */
@Singleton
@RequiresDbops
@Requires(condition = MigrationToolPresent.class)
@Order(GuardOrder.DRIFT)
public class StartupDriftCheckListener implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupDriftCheckListener.class);

    private final StartupDriftCheck check;
    private final DataSourceResolver resolver;

    /** Creates the listener. */
    public StartupDriftCheckListener(StartupDriftCheck check, @Nullable DataSourceResolver resolver) {
        this.check = Objects.requireNonNull(check, "check");
        this.resolver = resolver != null ? resolver : DataSourceResolver.DEFAULT;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        Optional<String> name = CreatedDataSources.name(event);
        if (name.isEmpty() || !check.applies(name.get())) {
            return event.getBean();
        }
        Optional<ToolMigrations> migrations = check.migrations(name.get());
        if (migrations.isEmpty()) {
            LOG.debug("dbops drift check: no migrations configured for datasource {}", name.get());
        } else if (migrations.get().migratesAtStartup() && migrations.get().async()) {
            if (migrations.get().tool().equals("flyway")) {
                LOG.debug("dbops drift check of datasource {}: after its asynchronous Flyway migration", name.get());
            } else {
                check.skip(name.get(), "the " + migrations.get().tool() + " migrations of datasource " + name.get()
                        + " run asynchronously and announce no end, so dbops cannot check them for drift at startup");
            }
        } else {
            check.check(name.get(), resolver.resolve(event.getBean()), migrations.get());
        }
        return event.getBean();
    }
}
