package dev.dbops.micronaut.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code dbops.*}: the configuration of dbops in a Micronaut application, with the same keys and defaults as the
 * Spring Boot starter. It applies to every datasource; {@code dbops.datasources.<name>.*}
 * ({@link DbopsDataSourceConfiguration}) overrides any of it for one datasource.
 *
 * <p>Every default equals the default of the core builder the value is passed to
 * ({@code DbopsConfigurationDefaultsTest} checks it).
 */
@ConfigurationProperties(DbopsConfiguration.PREFIX)
public class DbopsConfiguration extends DbopsSettings {

    /** The prefix of every dbops key. */
    public static final String PREFIX = "dbops";

    /** The configuration with the defaults, before Micronaut binds the {@code dbops.*} keys. */
    public DbopsConfiguration() {
        super();
    }
}
