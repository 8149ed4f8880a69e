package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.migration.MigrationSource;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.actuate.DbopsEndpoint;
import dev.dbops.spring.guard.DriftStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserBeansTest {

    @TempDir
    Path temp;

    private TestDatabase database;
    private Path snapshot;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
        database.migrate("classpath:guard/clean");
        snapshot = database.snapshot(temp);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theApplicationsLinterDecidesWhatIsUnsafe() {
        MigrationLinter lenient = MigrationLinter.builder()
                .ignoreRules(List.of("require-concurrent-index-creation")).build();
        Runners.withFlyway(database, "dbops.guard.drift.mode=off",
                "spring.flyway.locations=classpath:guard/clean,classpath:guard/unsafe")
                .withBean(MigrationLinter.class, () -> lenient).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(database.queryString("select count(*) from pg_indexes where indexname ="
                            + " 'orders_customer_id_idx'")).isEqualTo("1");
                });
    }

    @Test
    void theApplicationsDriftDetectorAndGuardAreTheOnesUsed() {
        database.execute("alter table customers alter column email type varchar(200)");
        DriftGuard lenient = DriftGuard.builder().schemaDifferences(DriftGuard.Outcome.WARN).build();
        DriftDetector detector = DriftDetector.builder()
                .migrations(MigrationSource.builder().location("classpath:guard/clean").build())
                .snapshot(snapshot).build();
        Runners.withFlyway(database).withBean(DriftGuard.class, () -> lenient)
                .withBean(DriftDetector.class, () -> detector).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DriftGuard.class)).isSameAs(lenient);
                    assertThat(context.getBean(DriftDetector.class)).isSameAs(detector);
                    assertThat(context.getBean(DriftStatus.class).latest().orElseThrow().decision().orElseThrow()
                            .outcome()).isEqualTo(DriftGuard.Outcome.WARN);
                });
    }

    @Test
    void theApplicationsMonitorAndEndpointReplaceDbops() {
        PoolMonitor monitor = PoolMonitor.unavailable("the application inspects its pool itself");
        DbopsEndpoint endpoint = new DbopsEndpoint(new DriftStatus(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + snapshot,
                "management.endpoints.web.exposure.include=dbops")
                .withBean(PoolMonitor.class, () -> monitor).withBean(DbopsEndpoint.class, () -> endpoint)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PoolMonitor.class)).isSameAs(monitor);
                    assertThat(context.getBean(DbopsEndpoint.class)).isSameAs(endpoint);
                });
    }
}
