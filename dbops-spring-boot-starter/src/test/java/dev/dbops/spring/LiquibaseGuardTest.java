package dev.dbops.spring;

import static dev.dbops.spring.PropertyMappingTest.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.MigrationTool;
import dev.dbops.spring.guard.DbopsStartupException;
import dev.dbops.spring.guard.DriftStatus;
import dev.dbops.spring.guard.FlywayPendingMigrationLint;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LiquibaseGuardTest {

    @TempDir
    Path temp;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class))
                .withConfiguration(Runners.DBOPS)
                .withClassLoader(new FilteredClassLoader(Flyway.class))
                .withPropertyValues(database.datasourceProperties())
                .withPropertyValues("spring.liquibase.change-log=classpath:liquibase/master.xml",
                        "dbops.pool.inspection-interval=1h")
                .withPropertyValues(properties);
    }

    @Test
    void checksTheLiquibaseChangelogAfterLiquibaseRan() {
        runner("dbops.guard.drift.mode=off").run(context -> assertThat(context).hasNotFailed());
        Path snapshot = database.snapshot(temp);
        runner("dbops.guard.drift.snapshot=file:" + snapshot).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FlywayPendingMigrationLint.class);
            var result = context.getBean(DriftStatus.class).latest().orElseThrow();
            assertThat(result.report().orElseThrow().history().tool()).isEqualTo(MigrationTool.LIQUIBASE);
            assertThat(result.decision().orElseThrow().outcome()).isEqualTo(DriftGuard.Outcome.PASS);
        });
        database.execute("alter table customers alter column email type varchar(200)");
        runner("dbops.guard.drift.snapshot=file:" + snapshot,
                "dbops.guard.drift.reconciliation-directory=" + temp.resolve("r")).run(context -> {
                    DbopsStartupException failure = startupFailure(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_DRIFT);
                    assertThat(failure.description()).contains("column public.customers.email differs")
                            .contains("reconcile-drift-3.sql");
                });
    }

    @Test
    void stopsAnUnsafeChangesetBeforeLiquibaseRunsIt() {
        runner("dbops.guard.drift.mode=off").run(context -> assertThat(context).hasNotFailed());
        runner("dbops.guard.drift.mode=off", "spring.liquibase.change-log=classpath:liquibase/master-unsafe.xml")
                .run(context -> {
                    DbopsStartupException failure = startupFailure(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.UNSAFE_MIGRATION);
                    assertThat(failure.description()).contains("before 1 pending migration ran")
                            .contains("require-concurrent-index-creation");
                });
        assertThat(database.queryString("select count(*) from databasechangelog")).isEqualTo("2");
        assertThat(database.queryString("select count(*) from pg_indexes where indexname = 'orders_customer_id_idx'"))
                .isEqualTo("0");
    }
}
