package dev.dbops.micronaut;

import dev.dbops.postgres.PostgresDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * A datasource that is no pool, for an application without micronaut-jdbc-hikari: present when
 * {@code test.simple-datasource} names a {@link PostgresDatabase} registered as a singleton.
 */
@Factory
@Requires(property = "test.simple-datasource", value = "true")
public class SimpleDataSource {

    /** The database's non-pooling datasource, named {@code default}. */
    @Singleton
    @Named("default")
    @Bean(preDestroy = "")
    DataSource defaultDataSource(PostgresDatabase database) {
        return database.dataSource();
    }
}
