package dev.dbops.samples.library;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the library on an embedded PostgreSQL (dbops's provider: version 15 by default, {@code library.postgres}
 * to choose another, such as {@code embedded:17}) when no {@code datasources.default.url} is given: it fills in
 * the default datasource's URL and credentials before the datasource configuration is used. The server and its
 * data are thrown away when the application stops.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
public class EmbeddedDatabase implements BeanInitializedEventListener<DatasourceConfiguration>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final String spec;
    private PostgresServer server;
    private PostgresDatabase database;

    /** Creates the listener; nothing starts until the default datasource is configured. */
    public EmbeddedDatabase(@Value("${library.postgres:" + PostgresProvider.DEFAULT_SPEC + "}") String spec) {
        this.spec = spec;
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if ("default".equals(configuration.getName()) && configuration.getConfiguredUrl() == null) {
            if (database == null) {
                server = PostgresProvider.fromSpec(spec);
                database = server.createDatabase();
                LOG.info("library runs on an embedded PostgreSQL: {} (thrown away when it stops)", database.url());
            }
            configuration.setUrl(database.url().jdbcUrl());
            configuration.setUsername(database.url().user().orElseThrow());
            configuration.setPassword(database.url().password().orElseThrow());
        }
        return configuration;
    }

    /** Drops the database and stops the server. */
    @PreDestroy
    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            server.close();
            database = null;
        }
    }
}
