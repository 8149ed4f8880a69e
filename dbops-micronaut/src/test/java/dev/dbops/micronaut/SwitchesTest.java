package dev.dbops.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.drift.DriftGuard;
import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.guard.FlywayPendingMigrationLint;
import dev.dbops.micronaut.guard.StartupDriftCheckListener;
import dev.dbops.micronaut.management.DbopsEndpoint;
import dev.dbops.micronaut.management.DbopsHealthIndicator;
import dev.dbops.micronaut.metrics.DbopsMeters;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every dbops switch and back-off condition, with {@code ApplicationContext.run(Map)} on a real database. */
class SwitchesTest {

    private static final String UNSAFE = "CREATE INDEX orders_customer ON orders (customer);";

    private final TestDatabase db = new TestDatabase()
            .migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL);");
    private Path snapshot;

    @BeforeEach
    void migrateFirstVersion() {
        snapshot = db.snapshotOfMigrations();
        Contexts.start(db.properties(snapshot)).close();
        assertThat(db.query("SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void leavesEverythingOutWhenDbopsIsDisabled() {
        db.migration("V2__customer_index.sql", UNSAFE);
        try (ApplicationContext context = Contexts.start(with("dbops.enabled", "false"))) {
            for (Class<?> type : new Class<?>[] {DriftStatus.class, WatchedDataSource.class, FlywayPendingMigrationLint.class,
                StartupDriftCheckListener.class, DbopsHealthIndicator.class, DbopsEndpoint.class, DbopsMeters.class}) {
                assertThat(context.containsBean(type)).as(type.getSimpleName()).isFalse();
            }
            assertThat(indexes()).contains("orders_customer");
        }
    }

    @Test
    void leavesEverythingOutWithoutADataSource() {
        try (ApplicationContext context = Contexts.start(Map.of("dbops.guard.lint.fail-on", "never"))) {
            for (Class<?> type : new Class<?>[] {DriftStatus.class, WatchedDataSource.class, FlywayPendingMigrationLint.class,
                StartupDriftCheckListener.class, DbopsHealthIndicator.class, DbopsEndpoint.class, DbopsMeters.class}) {
                assertThat(context.containsBean(type)).as(type.getSimpleName()).isFalse();
            }
        }
    }

    @Test
    void registersEveryPartByDefault() {
        try (ApplicationContext context = Contexts.start(with("dbops.pool.enabled", "true"))) {
            for (Class<?> type : new Class<?>[] {DriftStatus.class, FlywayPendingMigrationLint.class,
                StartupDriftCheckListener.class, DbopsHealthIndicator.class, DbopsEndpoint.class, DbopsMeters.class}) {
                assertThat(context.containsBean(type)).as(type.getSimpleName()).isTrue();
            }
            WatchedDataSource watched = context.getBean(WatchedDataSource.class, Qualifiers.byName("default"));
            assertThat(watched.pool()).isPresent();
            assertThat(watched.sizing()).isPresent();
            assertThat(watched.backup()).isPresent();
            assertThat(watched.replication()).isPresent();
            assertThat(watched.audit()).isPresent();
            assertThat(watched.drills()).isEmpty();
        }
    }

    @Test
    void runsUnsafeMigrationUncheckedWhenTheGuardIsDisabled() {
        db.migration("V2__customer_index.sql", UNSAFE);
        db.execute("ALTER TABLE orders ADD COLUMN note text");
        try (ApplicationContext context = Contexts.start(with("dbops.guard.enabled", "false"))) {
            assertThat(indexes()).contains("orders_customer");
            assertThat(context.getBean(DriftStatus.class).all()).isEmpty();
        }
    }

    @Test
    void runsUnsafeMigrationButChecksDriftWhenTheLintIsDisabled() {
        db.migration("V2__customer_index.sql", UNSAFE);
        Path withIndex = db.snapshotOfMigrations();
        Map<String, Object> properties = db.properties(withIndex);
        properties.put("dbops.guard.lint.enabled", "false");
        try (ApplicationContext context = Contexts.start(properties)) {
            assertThat(indexes()).contains("orders_customer");
            assertThat(outcome(context)).isEqualTo(DriftGuard.Outcome.PASS);
        }
    }

    @Test
    void runsUnsafeMigrationWithFailOnNever() {
        db.migration("V2__customer_index.sql", UNSAFE);
        Map<String, Object> properties = db.properties(db.snapshotOfMigrations());
        properties.put("dbops.guard.lint.fail-on", "never");
        Contexts.start(properties).close();
        assertThat(indexes()).contains("orders_customer");
    }

    @Test
    void stopsOnAWarningOnlyWithFailOnWarning() {
        db.migration("V2__drop_customer.sql", "ALTER TABLE orders DROP COLUMN customer;");
        Map<String, Object> properties = db.properties(db.snapshotOfMigrations());
        properties.put("dbops.guard.lint.fail-on", "warning");
        assertThat(Contexts.messages(Contexts.failure(properties))).contains("drop-column").contains("at or above warning");
        properties.put("dbops.guard.lint.fail-on", "error");
        Contexts.start(properties).close();
        assertThat(db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"))
                .containsExactly("id");
    }

    @Test
    void startsWithoutADriftCheckWhenTheModeIsOff() {
        db.execute("ALTER TABLE orders ALTER COLUMN customer TYPE varchar(80)");
        try (ApplicationContext context = Contexts.start(with("dbops.guard.drift.mode", "off"))) {
            assertThat(context.getBean(DriftStatus.class).all()).isEmpty();
            assertThat(dbopsPart(context, "drift").getStatus()).isEqualTo(HealthStatus.UNKNOWN);
        }
    }

    @Test
    void startsWithDriftInWarnModeAndReportsItDown() {
        db.execute("ALTER TABLE orders ALTER COLUMN customer TYPE varchar(80)");
        try (ApplicationContext context = Contexts.start(with("dbops.guard.drift.mode", "warn"))) {
            assertThat(outcome(context)).isEqualTo(DriftGuard.Outcome.FAIL);
            assertThat(dbopsPart(context, "drift").getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(context.getBean(DbopsHealthIndicator.class).health().getStatus()).isEqualTo(HealthStatus.DOWN);
        }
    }

    @Test
    void checksDriftButLintsNothingWhenFlywayOnlyValidates() {
        db.migration("V2__customer_index.sql", UNSAFE);
        Map<String, Object> properties = db.properties(snapshot);
        properties.put("flyway.datasources.default.enabled", "false");
        try (ApplicationContext context = Contexts.start(properties)) {
            assertThat(indexes()).doesNotContain("orders_customer");
            DriftStatus status = context.getBean(DriftStatus.class);
            assertThat(status.latest("default").orElseThrow().report().orElseThrow().history().entries())
                    .anySatisfy(entry -> assertThat(entry.migration()).contains("V2"));
        }
    }

    @Test
    void leavesADatasourceSwitchedOffByItsOwnKeyUnchecked() {
        db.migration("V2__customer_index.sql", UNSAFE);
        try (ApplicationContext context = Contexts.start(with("dbops.datasources.default.enabled", "false"))) {
            assertThat(indexes()).contains("orders_customer");
            assertThat(context.getBean(DriftStatus.class).all()).isEmpty();
            assertThat(context.getBean(DbopsHealthIndicator.class).health().getDetails()).isEqualTo(Map.of());
        }
    }

    @Test
    void letsADatasourceOverrideTheGlobalFailOn() {
        db.migration("V2__customer_index.sql", UNSAFE);
        Map<String, Object> properties = db.properties(db.snapshotOfMigrations());
        properties.put("dbops.datasources.default.guard.lint.fail-on", "never");
        Contexts.start(properties).close();
        assertThat(indexes()).contains("orders_customer");
    }

    @Test
    void letsTheApplicationsOwnGuardAndLinterWin() {
        db.migration("V2__customer_index.sql", UNSAFE);
        db.execute("ALTER TABLE orders ADD COLUMN note text");
        try (ApplicationContext context = Contexts.start(with("test.own-beans", "true"))) {
            assertThat(indexes()).contains("orders_customer");
            assertThat(outcome(context)).isEqualTo(DriftGuard.Outcome.PASS);
        }
    }

    @Test
    void dropsTheHealthIndicatorTheEndpointAndTheMetersByMicronautsOwnSwitches() {
        Map<String, Object> properties = with("endpoints.health.dbops.enabled", "false");
        properties.put("endpoints.dbops.enabled", "false");
        properties.put("micronaut.metrics.enabled", "false");
        try (ApplicationContext context = Contexts.start(properties)) {
            assertThat(context.containsBean(DbopsHealthIndicator.class)).isFalse();
            assertThat(context.containsBean(DbopsEndpoint.class)).isFalse();
            assertThat(context.containsBean(DbopsMeters.class)).isFalse();
            assertThat(context.containsBean(DriftStatus.class)).isTrue();
        }
        try (ApplicationContext context = Contexts.start(with("endpoints.health.enabled", "false"))) {
            assertThat(context.containsBean(DbopsHealthIndicator.class)).isFalse();
        }
    }

    @Test
    void leavesOutEachMonitorSwitchedOff() {
        Map<String, Object> properties = with("dbops.pool.enabled", "false");
        properties.put("dbops.backup.enabled", "false");
        properties.put("dbops.replication.enabled", "false");
        properties.put("dbops.audit.enabled", "false");
        try (ApplicationContext context = Contexts.start(properties)) {
            WatchedDataSource watched = context.getBean(WatchedDataSource.class, Qualifiers.byName("default"));
            assertThat(watched.pool()).isEmpty();
            assertThat(watched.backup()).isEmpty();
            assertThat(watched.replication()).isEmpty();
            assertThat(watched.audit()).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, HealthResult> parts = (Map<String, HealthResult>) dataSourceHealth(context).getDetails();
            assertThat(parts).containsOnlyKeys("drift");
        }
    }

    private Map<String, Object> with(String key, String value) {
        Map<String, Object> properties = new HashMap<>(db.properties(snapshot));
        properties.put(key, value);
        return properties;
    }

    private java.util.List<String> indexes() {
        return db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'orders'");
    }

    private static DriftGuard.Outcome outcome(ApplicationContext context) {
        return context.getBean(DriftStatus.class).latest("default").orElseThrow().decision().orElseThrow().outcome();
    }

    private static HealthResult dataSourceHealth(ApplicationContext context) {
        @SuppressWarnings("unchecked")
        Map<String, HealthResult> byDataSource = (Map<String, HealthResult>) context.getBean(DbopsHealthIndicator.class)
                .health().getDetails();
        return byDataSource.get("default");
    }

    private static HealthResult dbopsPart(ApplicationContext context, String part) {
        @SuppressWarnings("unchecked")
        Map<String, HealthResult> parts = (Map<String, HealthResult>) dataSourceHealth(context).getDetails();
        return parts.get(part);
    }
}
