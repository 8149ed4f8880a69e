package dev.dbops.spring.autoconfigure;

import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.spring.guard.DriftStatus;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of what every dbops feature shares: the {@code dbops.*} properties, the application's
 * database as dbops reaches it on its own connections, and the latest drift result.
 *
 * <p>Active when the application has exactly one {@link DataSource} (or a primary one) and
 * {@code dbops.enabled} is not {@code false}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dbops.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(DbopsProperties.class)
public class DbopsAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsAutoConfiguration() {
    }

    /** The application's database, for dbops's own connections: from its connection details or its pool. */
    @Bean
    @ConditionalOnMissingBean
    public MonitorDatabase dbopsMonitorDatabase(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> details) {
        return MonitorDatabases.of(dataSource, details.getIfAvailable());
    }

    /** The latest drift check result, empty until the startup check has run. */
    @Bean
    @ConditionalOnMissingBean
    public DriftStatus dbopsDriftStatus() {
        return new DriftStatus();
    }
}
