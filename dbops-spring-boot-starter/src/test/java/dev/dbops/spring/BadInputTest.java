package dev.dbops.spring;

import static dev.dbops.spring.PropertyMappingTest.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.spring.guard.DbopsFailureAnalyzer;
import dev.dbops.spring.guard.DbopsStartupException;
import dev.dbops.spring.guard.DriftStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BadInputTest {

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

    /** An application whose migrations run elsewhere (Flyway off), pointed at a port where nothing listens. */
    private ApplicationContextRunner unreachable(String... properties) {
        database.migrate("classpath:guard/clean");
        Path snapshot = database.snapshot(temp);
        return Runners.withFlyway(database, "spring.flyway.enabled=false",
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/app?sslmode=disable",
                "spring.datasource.username=alice", "spring.datasource.password=s3cret-pw",
                "spring.datasource.hikari.connection-timeout=1000", "dbops.guard.locations=classpath:guard/clean",
                "dbops.guard.drift.snapshot=file:" + snapshot).withPropertyValues(properties);
    }

    @Test
    void failsStartupNamingTheUrlWithoutCredentialsWhenTheDatabaseIsUnreachable() {
        unreachable().run(context -> {
            assertThat(context).hasFailed();
            DbopsStartupException failure = startupFailure(context.getStartupFailure());
            assertThat(failure.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
            assertThat(failure.description()).contains("could not reach the database "
                    + "jdbc:postgresql://127.0.0.1:1/app?sslmode=disable").doesNotContain("s3cret-pw").doesNotContain("alice");
            assertThat(failure.action()).contains("dbops.guard.on-unavailable=warn");
            FailureAnalysis analysis = new DbopsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.description());
            assertThat(analysis.getAction()).isEqualTo(failure.action());
        });
    }

    @Test
    void startsWithAWarningAndAnUnknownDriftHealthWhenToldToWarnOnAnUnreachableDatabase() {
        unreachable("dbops.guard.on-unavailable=warn").run(context -> {
            assertThat(context).hasNotFailed();
            DriftCheckResult result = context.getBean(DriftStatus.class).latest().orElseThrow();
            assertThat(result.skipped().orElseThrow()).contains("jdbc:postgresql://127.0.0.1:1/app")
                    .doesNotContain("s3cret-pw");
            HealthIndicator drift = (HealthIndicator) context.getBean("dbopsHealthContributor",
                    CompositeHealthContributor.class).getContributor("drift");
            assertThat(drift.health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void failsStartupOnAMalformedSnapshotNamingTheFileAndHowToRegenerateIt() {
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=classpath:guard/snapshot/malformed.json")
                .run(context -> {
                    assertThat(context).hasFailed();
                    DbopsStartupException failure = startupFailure(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT);
                    assertThat(failure.description()).contains("the snapshot classpath:guard/snapshot/malformed.json is"
                            + " not valid JSON").contains("dbops inspect --url <jdbc-url> > "
                            + "src/main/resources/guard/snapshot/malformed.json");
                });
    }

    @Test
    void failsStartupOnAMissingSnapshotExplainingHowToCreateIt() {
        Runners.withFlyway(database).run(context -> {
            assertThat(context).hasFailed();
            DbopsStartupException failure = startupFailure(context.getStartupFailure());
            assertThat(failure.code()).isEqualTo(ErrorCode.IO_FAILED);
            assertThat(failure.description()).contains("the snapshot classpath:db/dbops-snapshot.json"
                    + " (dbops.guard.drift.snapshot) does not exist");
            assertThat(failure.action()).contains("dbops inspect --url jdbc:postgresql://<host>:<port>/<db>?user=<user>"
                    + " > src/main/resources/db/dbops-snapshot.json").contains("dbops.guard.drift.shadow=embedded");
        });
    }

    @Test
    void replaysOnAShadowServerWhenOneIsConfiguredAndNoSnapshotExists() {
        database.migrate("classpath:guard/clean");
        Runners.withFlyway(database, "dbops.guard.drift.shadow=" + database.adminUrlSpec()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DriftStatus.class).latest().orElseThrow().report().orElseThrow().schema()
                    .expectedFrom()).startsWith("replay of 2 migrations");
        });
    }
}
