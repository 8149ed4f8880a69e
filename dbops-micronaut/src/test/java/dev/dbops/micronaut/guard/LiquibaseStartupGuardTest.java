package dev.dbops.micronaut.guard;

import dev.dbops.runtime.DriftCheckResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.MigrationTool;
import dev.dbops.micronaut.Contexts;
import dev.dbops.micronaut.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The startup guard around micronaut-liquibase: lint before its changesets run, drift after. */
class LiquibaseStartupGuardTest {

    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Map<String, Object> properties(String changeLog, String... more) {
        Map<String, Object> properties = db.dataSourceProperties("default");
        properties.put("liquibase.datasources.default.change-log", changeLog);
        properties.put("dbops.pool.enabled", "false");
        properties.put("dbops.guard.drift.git-history", "false");
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void checksTheChangelogForDriftAfterLiquibaseRan() {
        try (ApplicationContext context = Contexts.start(properties("classpath:liquibase/master.xml",
                "dbops.guard.drift.mode", "off"))) {
            assertThat(context.containsBean(LiquibasePendingMigrationLint.class)).isTrue();
        }
        Path snapshot = db.snapshotOfLiveDatabase();
        try (ApplicationContext context = Contexts.start(properties("classpath:liquibase/master.xml",
                "dbops.guard.drift.snapshot", "file:" + snapshot))) {
            DriftCheckResult result = context.getBean(DriftStatus.class).latest("default").orElseThrow();
            assertThat(result.report().orElseThrow().history().tool()).isEqualTo(MigrationTool.LIQUIBASE);
            assertThat(result.decision().orElseThrow().outcome()).isEqualTo(DriftGuard.Outcome.PASS);
        }
        db.execute("ALTER TABLE accounts ALTER COLUMN email TYPE varchar(200)");

        DbopsStartupException failure = DbopsStartupExceptions.find(Contexts.failure(properties(
                "classpath:liquibase/master.xml", "dbops.guard.drift.snapshot", "file:" + snapshot,
                "dbops.guard.drift.reconciliation-directory", db.directory().resolve("reconcile").toString())));

        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_DRIFT);
        assertThat(failure.description()).contains("column public.accounts.email differs")
                .contains("Reconciliation migration written to " + db.directory().resolve("reconcile"));
    }

    @Test
    void stopsAnUnsafeChangesetBeforeLiquibaseRunsIt() {
        Contexts.start(properties("classpath:liquibase/master.xml",
                "dbops.guard.drift.mode", "off")).close();
        assertThat(db.query("SELECT count(*) FROM databasechangelog")).containsExactly("2");

        DbopsStartupException failure = DbopsStartupExceptions.find(Contexts.failure(properties(
                "classpath:liquibase/master-with-index.xml", "dbops.guard.drift.mode", "off")));

        assertThat(failure.code()).isEqualTo(ErrorCode.UNSAFE_MIGRATION);
        assertThat(failure.description()).contains("before 1 pending migration ran")
                .contains("require-concurrent-index-creation");
        assertThat(db.query("SELECT count(*) FROM databasechangelog")).containsExactly("2");
        assertThat(db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'invoices_account_id'"))
                .containsExactly("0");
    }
}
