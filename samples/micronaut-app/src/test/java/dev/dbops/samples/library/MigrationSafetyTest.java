package dev.dbops.samples.library;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;

import dev.dbops.LockMode;
import dev.dbops.testkit.DbopsPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * What the build checks about the library's migrations before any of them reaches a database: each test fails
 * the build with a message that names the file and says how to fix it. No Docker: the databases come from an
 * embedded PostgreSQL (or {@code DBOPS_TEST_POSTGRES}).
 */
class MigrationSafetyTest {

    /** What Flyway runs ({@code flyway.datasources.default.locations}). */
    private static final String MIGRATIONS = "classpath:db/migration";
    /** The undo script of each migration; kept out of Flyway's locations (see the README). */
    private static final String UNDO = "classpath:db/undo";
    /** The snapshot the startup drift guard ({@code dbops.guard.drift.snapshot}) and {@code dbops check} read. */
    private static final String SNAPSHOT = "src/main/resources/db/dbops-snapshot.json";

    @Test
    void migrationsTakeNoLockThatStopsLoansBeingRecorded() {
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
    void flywayConfiguredAsTheLibraryDoesLeavesNoDriftFromTheFiles(@DbopsPostgres DataSource dataSource) {
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS);
        new SessionLevelFlywayLock().customizeFluentConfiguration(flyway);
        flyway.load().migrate();

        assertThat(migrations(MIGRATIONS)).haveNoDriftAgainst(dataSource);
    }
}
