package dev.dbops.micronaut.monitor;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.runtime.MonitorDatabase;
import io.micronaut.context.BeanLocator;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Finds the URL and credentials of a datasource's database: the HikariCP pool's own configuration (what the
 * application really connects with), else the datasource's {@link BasicJdbcConfiguration}
 * ({@code datasources.<name>.*}).
 */
@Singleton
@RequiresDbops
public class MonitorDatabases {

    /** How messages name the database dbops cannot reach, and what to fix. */
    static final MonitorDatabase.Naming NAMING = new MonitorDatabase.Naming("the datasource's database",
            "the datasource");

    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            MonitorDatabases.class.getClassLoader());

    private final BeanLocator beans;

    /** Creates the lookup. */
    public MonitorDatabases(BeanLocator beans) {
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /** The database of the datasource named {@code name}, whose bean (unwrapped) is {@code dataSource}. */
    public MonitorDatabase of(String name, DataSource dataSource) {
        if (HIKARI) {
            try {
                if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                    com.zaxxer.hikari.HikariDataSource hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
                    if (hikari.getJdbcUrl() != null) {
                        return MonitorDatabase.of(hikari.getJdbcUrl(), hikari.getUsername(),
                                hikari.getPassword(), NAMING);
                    }
                }
            } catch (SQLException e) {
                return MonitorDatabase.unknown("the DataSource cannot be unwrapped: " + e.getMessage(), NAMING);
            }
        }
        return beans.findBean(BasicJdbcConfiguration.class, Qualifiers.byName(name))
                .filter(c -> c.getUrl() != null)
                .map(c -> MonitorDatabase.of(c.getUrl(), c.getUsername(), c.getPassword(), NAMING))
                .orElseGet(() -> MonitorDatabase.unknown("the DataSource is not a HikariCP pool with a JDBC URL, and"
                        + " datasources." + name + ".url names none", NAMING));
    }
}
