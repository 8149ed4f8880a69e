package dev.dbops.samples.library;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Makes Flyway lock the default datasource with a session-level advisory lock
 * ({@code flyway.postgresql.transactional.lock=false}).
 *
 * <p>By default Flyway takes its PostgreSQL advisory lock inside a transaction that stays open, on a connection of
 * its own, while it runs the migrations on another. {@code CREATE INDEX CONCURRENTLY} (V3) waits for every
 * transaction older than its own to end, that one included, so Flyway would wait on itself forever. A
 * session-level lock leaves no transaction open.
 *
 * <p>micronaut-flyway applies the customizer named like the datasource instead of its default one, which
 * registers Flyway callbacks and Java migrations found as beans; this application has neither.
 */
@Singleton
@Named("default")
public class SessionLevelFlywayLock implements FlywayConfigurationCustomizer {

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }

    @Override
    public String getName() {
        return "default";
    }
}
