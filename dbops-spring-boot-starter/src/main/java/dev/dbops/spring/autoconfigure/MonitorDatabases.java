package dev.dbops.spring.autoconfigure;

import dev.dbops.runtime.MonitorDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.util.ClassUtils;

/**
 * Finds the URL and credentials of the application's database: the HikariCP pool's own configuration (what
 * the application really connects with), else Spring Boot's connection details.
 */
final class MonitorDatabases {

    /** How messages name the database dbops cannot reach, and what to fix. */
    static final MonitorDatabase.Naming NAMING = new MonitorDatabase.Naming("the application's database",
            "the DataSource");

    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            MonitorDatabases.class.getClassLoader());

    private MonitorDatabases() {
    }

    static MonitorDatabase of(DataSource dataSource, JdbcConnectionDetails details) {
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
        try {
            if (details != null && details.getJdbcUrl() != null) {
                return MonitorDatabase.of(details.getJdbcUrl(), details.getUsername(),
                        details.getPassword(), NAMING);
            }
        } catch (RuntimeException e) {
            return MonitorDatabase.unknown("the connection details name no URL: " + e.getMessage(), NAMING);
        }
        return MonitorDatabase.unknown("the DataSource is not a HikariCP pool with a JDBC URL, and no connection"
                + " details name one", NAMING);
    }
}
