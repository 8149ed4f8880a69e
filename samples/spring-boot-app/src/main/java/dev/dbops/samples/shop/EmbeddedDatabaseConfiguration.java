package dev.dbops.samples.shop;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs the shop on an embedded PostgreSQL (dbops's provider, version 15 by default, {@code shop.postgres} to
 * choose another: {@code embedded:17}) when no {@code spring.datasource.url} is given. The server and its
 * data are thrown away when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    /** Starts the embedded server; stopped with the application. */
    @Bean(destroyMethod = "close")
    public PostgresServer shopPostgresServer(org.springframework.core.env.Environment environment) {
        return PostgresProvider.fromSpec(environment.getProperty("shop.postgres", PostgresProvider.DEFAULT_SPEC));
    }

    /** A fresh database on it. */
    @Bean(destroyMethod = "close")
    public PostgresDatabase shopDatabase(PostgresServer server) {
        return server.createDatabase();
    }

    /** What Spring Boot's DataSource (and so Flyway and dbops) connects to. */
    @Bean
    public JdbcConnectionDetails shopConnectionDetails(PostgresDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return database.url().jdbcUrl();
            }

            @Override
            public String getUsername() {
                return database.url().user().orElseThrow();
            }

            @Override
            public String getPassword() {
                return database.url().password().orElseThrow();
            }
        };
    }

    /** No {@code spring.datasource.url} is configured. */
    static final class NoDatasourceUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank() ? ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL")
                    : ConditionOutcome.noMatch("spring.datasource.url is set");
        }
    }
}
