package dev.dbops.micronaut.config;

import io.micronaut.context.BeanLocator;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Finds the settings that apply to a datasource: its own {@code dbops.datasources.<name>.*}, else
 * {@code dbops.*}. Creating it checks every {@code dbops.*} value first, so no dbops feature runs with a value
 * Micronaut could not convert.
 */
@Singleton
public class DbopsDataSources {

    private final DbopsConfiguration global;
    private final BeanLocator beans;

    /**
     * Creates the lookup.
     *
     * @throws dev.dbops.DbopsException with {@link dev.dbops.ErrorCode#INVALID_CONFIGURATION} naming every
     *     {@code dbops.*} value that cannot be converted to its setting's type
     */
    public DbopsDataSources(DbopsConfiguration global, BeanLocator beans, Environment environment,
            ConversionService conversion) {
        SettingsValidation.check(environment, conversion);
        this.global = Objects.requireNonNull(global, "global");
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /** The settings of the datasource named {@code name}. */
    public DbopsSettings settings(String name) {
        return beans.findBean(DbopsDataSourceConfiguration.class, Qualifiers.byName(name))
                .<DbopsSettings>map(s -> s)
                .orElse(global);
    }

    /** Whether dbops watches the datasource named {@code name}: {@code dbops.enabled} and its own switch. */
    public boolean watches(String name) {
        return global.isEnabled() && settings(name).isEnabled();
    }

    /** The global settings, {@code dbops.*}. */
    public DbopsConfiguration global() {
        return global;
    }
}
