package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/** Runs the test locations with real Flyway on a real database and compares with what dbops predicted. */
class MigrationFlywayReplayTest {

    private static final String MIXED = "src/test/resources/migrations/flyway/mixed";

    @Test
    void predictsTheOrderInWhichFlywayRunsTheMigrations() throws SQLException {
        MigrationSet set = MigrationSource.builder().location(MigrationSourceFlywayTest.ORDERED)
                .placeholders(MigrationSourceFlywayTest.PLACEHOLDERS).build().load();

        try (PostgresDatabase database = PostgresProvider.shared().createDatabase()) {
            flyway(database, MigrationSourceFlywayTest.ORDERED, false).migrate();

            List<String> predicted = set.migrations().stream()
                    .map(m -> m.version().orElse("") + " | " + m.description() + " | " + m.script()).toList();
            assertThat(history(database)).containsExactlyElementsOf(predicted);
        }
    }

    @Test
    void runsAScriptWhoseOnlyStatementCannotRunInATransactionWithoutOne() throws SQLException {
        MigrationSet set = MigrationSource.builder().location(MIXED).build().load();
        assertThat(set.migrations().get(1).transactionMode().resolve(true)).isEqualTo(TransactionMode.NON_TRANSACTIONAL);

        try (PostgresDatabase database = PostgresProvider.shared().createDatabase()) {
            assertThatThrownBy(() -> flyway(database, MIXED, false).migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("Detected both transactional and non-transactional statements");

            assertThat(history(database)).hasSize(2);
        }
        assertThat(set.migrations().get(2).transactionMode().refusesMixedStatements()).isTrue();
    }

    @Test
    void runsAMixedScriptWithoutATransactionWhenMixedIsOn() throws SQLException {
        MigrationSet set = MigrationSource.builder().location(MIXED).flywayMixed(true).build().load();
        assertThat(set.migrations().get(2).transactionMode()).isEqualTo(TransactionMode.AUTO_MIXED);
        assertThat(set.migrations().get(2).transactionMode().refusesMixedStatements()).isFalse();

        try (PostgresDatabase database = PostgresProvider.shared().createDatabase()) {
            flyway(database, MIXED, true).migrate();

            assertThat(history(database)).hasSize(3);
        }
    }

    @Test
    void documentsThatFlywaysDefaultTransactionalLockBlocksConcurrentIndexBuilds() throws SQLException {
        // Flyway holds its PostgreSQL advisory lock in a transaction on a second connection for the whole
        // migrate; CREATE INDEX CONCURRENTLY waits for that transaction, which waits for the migrate: a hang
        // (flyway/flyway#3508, #3682, #3961) that lock_timeout turns into an error here.
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase()) {
            Flyway flyway = Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("filesystem:" + Path.of(MIXED).toAbsolutePath())
                    .initSql("SET lock_timeout = '2s'")
                    .load();

            assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("V2__index_sku_concurrently.sql")
                    .hasMessageContaining("lock timeout");
            assertThat(history(database)).hasSize(1);
        }
    }

    /**
     * Flyway as a PostgreSQL user should configure it for concurrent index builds: without the transactional
     * advisory lock; {@code lock_timeout} only keeps a regression from hanging the build.
     */
    private static Flyway flyway(PostgresDatabase database, String location, boolean mixed) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(database.dataSource())
                .locations("filesystem:" + Path.of(location).toAbsolutePath())
                .placeholders(MigrationSourceFlywayTest.PLACEHOLDERS)
                .mixed(mixed)
                .initSql("SET lock_timeout = '20s'");
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    private static List<String> history(PostgresDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select coalesce(version, ''), description, script"
                        + " from flyway_schema_history where success order by installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
            }
        }
        return rows;
    }
}
