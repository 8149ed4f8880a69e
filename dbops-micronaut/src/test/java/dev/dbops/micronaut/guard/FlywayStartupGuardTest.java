package dev.dbops.micronaut.guard;

import dev.dbops.runtime.DriftCheckResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftGuard;
import dev.dbops.micronaut.Contexts;
import dev.dbops.micronaut.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The startup guard around micronaut-flyway, on a real database: lint before the migrations, drift after. */
class FlywayStartupGuardTest {

    private final TestDatabase db = new TestDatabase()
            .migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL);");

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void migratesAndRecordsPassingDriftCheckOnCleanDatabase() {
        Path snapshot = db.snapshotOfMigrations();
        try (ApplicationContext context = Contexts.start(db.properties(snapshot))) {
            DriftCheckResult result = context.getBean(DriftStatus.class).latest("default").orElseThrow();
            assertThat(result.decision().orElseThrow().outcome()).isEqualTo(DriftGuard.Outcome.PASS);
            assertThat(db.query("SELECT version FROM flyway_schema_history")).containsExactly("1");
        }
    }

    @Test
    void failsStartupWhenColumnTypeChangedByHand() {
        Path snapshot = db.snapshotOfMigrations();
        try (ApplicationContext context = Contexts.start(db.properties(snapshot))) {
            assertThat(context.getBean(DriftStatus.class).latest("default")).isPresent();
        }
        db.execute("ALTER TABLE orders ALTER COLUMN customer TYPE varchar(80)");

        Throwable failure = Contexts.failure(db.properties(snapshot));

        DbopsStartupException cause = DbopsStartupExceptions.find(failure);
        assertThat(cause.code()).isEqualTo(ErrorCode.MIGRATION_DRIFT);
        assertThat(cause.getMessage()).contains("dbops found migration drift in " + db.url().jdbcUrl())
                .contains("public.orders").contains("customer").contains("To start anyway, set dbops.guard.drift.mode=warn");
    }

    @Test
    void stopsStartupBeforeUnsafePendingMigrationRuns() {
        Path snapshot = db.snapshotOfMigrations();
        Contexts.start(db.properties(snapshot)).close();
        assertThat(db.query("SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
        db.migration("V2__customer_index.sql", "CREATE INDEX orders_customer ON orders (customer);");
        Map<String, Object> properties = db.properties(snapshot);
        properties.put("dbops.guard.lint.fail-on", "error");

        Throwable failure = Contexts.failure(properties);

        DbopsStartupException cause = DbopsStartupExceptions.find(failure);
        assertThat(cause.code()).isEqualTo(ErrorCode.UNSAFE_MIGRATION);
        assertThat(cause.getMessage()).contains("dbops stopped the startup before 1 pending migration ran")
                .contains("require-concurrent-index-creation").contains("V2__customer_index.sql")
                .contains("nothing was migrated");
        assertThat(db.query("SELECT version FROM flyway_schema_history")).containsExactly("1");
        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'orders'")).containsExactly("orders_pkey");
    }
}
