package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The drill's promises: it cleans up after itself and others, and never writes where it must not. */
class DrillSafetyTest {

    private static final String BIG_TABLES = """
            create table big (id bigint primary key, payload text);
            insert into big select g, repeat(md5(g::text), 8) from generate_series(1, 300000) g;
            create table small_1 (id int); insert into small_1 select generate_series(1, 100);
            create table small_2 (id int); insert into small_2 select generate_series(1, 100);
            """;

    @Test
    void failsWithAClearReportAndDropsTheScratchDatabaseWhenPgRestoreIsKilled() throws Exception {
        try (PostgresDatabase source = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(source.url(), BIG_TABLES);
            AtomicBoolean killed = new AtomicBoolean();
            DrillListener killer = new DrillListener() {
                @Override
                public void tableDone(DrillPhase phase, String table, int done, int total) {
                    if (phase == DrillPhase.RESTORE_DATA && killed.compareAndSet(false, true)) {
                        ProcessHandle.current().descendants()
                                .filter(p -> p.info().command().orElse("").endsWith("/pg_restore"))
                                .forEach(ProcessHandle::destroyForcibly);
                    }
                }
            };

            DrillReport report = BackupDrill.builder().source(source.url()).jobs(1).listener(killer).build().run();

            assertThat(killed).isTrue();
            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.code()).isEqualTo(ErrorCode.BACKUP_DRILL_FAILED);
                assertThat(failure.phase()).contains(DrillPhase.RESTORE_DATA);
                assertThat(failure.message()).startsWith("pg_restore was killed (exit code 137) during restore data");
            });
            assertThat(report.phases()).filteredOn(p -> p.phase() == DrillPhase.DROP_SCRATCH).singleElement()
                    .satisfies(p -> assertThat(p.succeeded()).isTrue());
            assertThat(report.toText()).contains("FAILED", "pg_restore was killed");
            assertThat(DrillFixture.scratchDatabases()).isEmpty();
        }
    }

    @Test
    void reportsAListenerThatThrowsAsAFailedDrillAndStillDropsTheScratchDatabase() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillListener broken = new DrillListener() {
                @Override
                public void restored(PostgresUrl scratch) {
                    throw new IllegalStateException("smoke query failed");
                }
            };

            DrillReport report = BackupDrill.builder().source(source.url()).listener(broken).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f.message())
                    .contains("unexpected error", "smoke query failed"));
            assertThat(DrillFixture.scratchDatabases()).isEmpty();
        }
    }

    @Test
    void removesTheScratchDatabaseOfAKilledDrillFirstAndSaysSo() throws Exception {
        String leftover = "dbops_drill_left_behind";
        int pid;
        try (ScratchDatabases killedDrill = ScratchDatabases.open(DrillFixture.SERVER.adminUrl())) {
            killedDrill.create(leftover, "postgres", new ScratchDatabases.SourceLocale("UTF8", "C", "C"));
            pid = Integer.parseInt(killedDrill.marker().replaceAll(".*session (\\d+) .*", "$1"));
        }
        waitUntilSessionEnded(pid);
        assertThat(DrillFixture.scratchDatabases()).contains(leftover);

        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillReport report = BackupDrill.builder().source(source.url()).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.notes()).contains("Removed scratch database " + leftover
                    + ", left behind by a drill that was killed.");
            assertThat(DrillFixture.scratchDatabases()).isEmpty();
        }
    }

    @Test
    void leavesTheScratchDatabaseOfARunningDrillAlone() throws Exception {
        try (ScratchDatabases runningDrill = ScratchDatabases.open(DrillFixture.SERVER.adminUrl());
                PostgresDatabase source = DrillFixture.manyTypes()) {
            runningDrill.create("dbops_drill_running", "postgres", new ScratchDatabases.SourceLocale("UTF8", "C", "C"));

            DrillReport report = BackupDrill.builder().source(source.url()).build().run();

            assertThat(report.notes()).noneMatch(note -> note.contains("dbops_drill_running"));
            assertThat(DrillFixture.scratchDatabases()).containsExactly("dbops_drill_running");
            runningDrill.dropOwn("dbops_drill_running");
        }
        assertThat(DrillFixture.scratchDatabases()).isEmpty();
    }

    @Test
    void refusesATargetNamedLikeTheSourceBeforeDoingAnything() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillReport report = BackupDrill.builder().source(source.url()).target(source.url()).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.UNSAFE_RESTORE_TARGET);
                assertThat(f.message()).contains("it has the name of the source database");
            });
            assertThat(report.phases()).isEmpty();
        }
    }

    @Test
    void refusesToRestoreIntoADatabaseItDidNotCreate() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes(); PostgresDatabase bystander = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(bystander.url(), "create table precious (id int); insert into precious values (1)");

            DrillReport report = BackupDrill.builder().source(source.url()).target(bystander.url()).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.UNSAFE_RESTORE_TARGET);
                assertThat(f.phase()).contains(DrillPhase.CREATE_SCRATCH);
                assertThat(f.message()).contains("it exists and was not created by dbops");
            });
            assertThat(DrillFixture.count(bystander.url(), "select count(*) from precious")).isEqualTo(1);
        }
    }

    @Test
    void restoresIntoANamedTargetDatabaseAndDropsIt() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            PostgresUrl target = DrillFixture.SERVER.adminUrl().withDatabase("restore_drill_copy");

            DrillReport report = BackupDrill.builder().source(source.url()).target(target).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.scratchDatabase()).contains("restore_drill_copy");
            assertThat(DrillFixture.count(DrillFixture.SERVER.adminUrl(),
                    "select count(*) from pg_database where datname = 'restore_drill_copy'")).isZero();
        }
    }

    @Test
    void failsEarlyWithTheFiguresWhenTheTargetDiskIsTooSmall() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillReport report = BackupDrill.builder().source(source.url())
                    .diskHeadroomBytes(1L << 60).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.INSUFFICIENT_DISK_SPACE);
                assertThat(f.message()).contains("bytes) free, the source database is", "bytes by pg_database_size",
                        "TiB are needed");
            });
            assertThat(report.phases()).extracting(PhaseTiming::phase).containsExactly(DrillPhase.CLEANUP);
        }
    }

    @Test
    void explainsThatPgDumpCannotReadANewerServer() {
        assertThatThrownBy(() -> ClientPrograms.locate(Optional.empty(), 99, "99.1"))
                .isInstanceOfSatisfying(DbopsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_TOOL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("No usable pg_dump for PostgreSQL 99.1",
                            "pg_dump refuses to dump a server of a newer major version",
                            "pg_dump (PostgreSQL) 15", "is older than the server", "postgresql-client-99");
                });
    }

    @Test
    void findsPgDumpOfTheServersMajorVersion() {
        ClientPrograms programs = ClientPrograms.locate(Optional.empty(), 15, "15.19");

        assertThat(programs.major()).isEqualTo(15);
        assertThat(programs.pgRestore()).isExecutable();
    }

    @Test
    void rejectsInvalidOptionsAllAtOnce() {
        assertThatThrownBy(() -> BackupDrill.builder().jobs(0).diskHeadroomBytes(-1).build())
                .isInstanceOfSatisfying(DbopsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("source is required", "jobs must be between 1 and 64",
                            "diskHeadroomBytes must not be negative");
                });
    }

    private static void waitUntilSessionEnded(int pid) throws SQLException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (DrillFixture.count(DrillFixture.SERVER.adminUrl(),
                    "select count(*) from pg_stat_activity where pid = " + pid) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("session " + pid + " did not end");
    }
}
