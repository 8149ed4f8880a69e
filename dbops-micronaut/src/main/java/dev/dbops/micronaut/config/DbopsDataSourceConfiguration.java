package dev.dbops.micronaut.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.Objects;

/**
 * {@code dbops.datasources.<name>.*}: the settings of one datasource (the name of {@code datasources.<name>}),
 * which start as a copy of {@code dbops.*} and override what is set here, for example
 * {@code dbops.datasources.orders.guard.drift.snapshot=classpath:db/orders-snapshot.json}.
 */
@EachProperty(DbopsDataSourceConfiguration.PREFIX)
public class DbopsDataSourceConfiguration extends DbopsSettings {

    /** The prefix of the per-datasource keys. */
    public static final String PREFIX = DbopsConfiguration.PREFIX + ".datasources";

    private final String name;

    /**
     * Creates the settings of a datasource from the global ones, before Micronaut binds its own keys.
     *
     * @param name the datasource's name
     * @param global {@code dbops.*}
     */
    public DbopsDataSourceConfiguration(@Parameter String name, DbopsConfiguration global) {
        super(Objects.requireNonNull(global, "global"));
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The datasource's name. */
    public String getName() {
        return name;
    }
}
