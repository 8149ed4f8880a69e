package dev.dbops.samples.shop;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;

import dev.dbops.LockMode;
import dev.dbops.testkit.DbopsPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/**
 * What the build checks about the shop's migrations before any of them reaches a database: each test fails the
 * build with a message that names the file and says how to fix it. No Docker: the databases come from an
 * embedded PostgreSQL (or {@code DBOPS_TEST_POSTGRES}).
 */
class MigrationSafetyTest {

    /** What Flyway runs ({@code spring.flyway.locations}' default). */
    private static final String MIGRATIONS = "classpath:db/migration";
    /** The undo script of each migration; kept out of Flyway's locations (see the README). */
    private static final String UNDO = "classpath:db/undo";
    /** The snapshot the startup drift guard and {@code dbops check} compare the database with. */
    private static final String SNAPSHOT = "src/main/resources/db/dbops-snapshot.json";

    @Test
    void migrationsTakeNoLockThatStopsOrdersBeingPlaced() {
        assertThat(migrations(MIGRATIONS))
                .areLockSafe()
                .whenTraced().withRows(100_000)
                .takeNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE).onExistingTables()
                .rewriteNoTable();
    }

    @Test
    void migrationsBuildTheCommittedSnapshot() {
        assertThat(migrations(MIGRATIONS)).matchSnapshot(SNAPSHOT);
    }

    @Test
    void everyMigrationCanBeUndoneAndAppliedAgain() {
        assertThat(migrations(MIGRATIONS, UNDO)).areReversible();
    }

    @Test
    void flywayConfiguredAsTheShopDoesLeavesNoDriftFromTheFiles(@DbopsPostgres DataSource dataSource) {
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS);
        // spring.flyway.postgresql.transactional-lock=false, as in application.properties (V3 needs it).
        flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        flyway.load().migrate();

        assertThat(migrations(MIGRATIONS)).haveNoDriftAgainst(dataSource);
    }
}
