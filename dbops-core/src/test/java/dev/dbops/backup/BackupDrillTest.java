package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDrillTest {

    private static final DrillPhase[] LOGICAL_PHASES = {DrillPhase.CLEANUP, DrillPhase.DUMP,
        DrillPhase.FINGERPRINT_SOURCE, DrillPhase.READ_ARCHIVE, DrillPhase.CREATE_SCRATCH, DrillPhase.RESTORE_PRE_DATA,
        DrillPhase.RESTORE_DATA, DrillPhase.RESTORE_POST_DATA, DrillPhase.FINGERPRINT_RESTORED,
        DrillPhase.COMPARE_SCHEMA, DrillPhase.DROP_SCRATCH};

    @TempDir
    Path directory;

    @Test
    void verifiesADrillOfManyColumnTypesAndTimesEveryPhase() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            Path archive = directory.resolve("shop");
            List<DrillPhase> started = new CopyOnWriteArrayList<>();
            List<String> hashed = new CopyOnWriteArrayList<>();
            DrillListener listener = new DrillListener() {
                @Override
                public void phaseStarted(DrillPhase phase) {
                    started.add(phase);
                }

                @Override
                public void tableDone(DrillPhase phase, String table, int done, int total) {
                    if (phase == DrillPhase.FINGERPRINT_RESTORED) {
                        hashed.add(done + "/" + total + " " + table);
                    }
                }
            };

            DrillReport report = BackupDrill.builder().source(source.url()).archive(archive).jobs(2)
                    .listener(listener).build().run();

            assertThat(report.mismatches()).isEmpty();
            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.mode()).isEqualTo(DrillReport.Mode.DRILL);
            assertThat(report.phases()).extracting(PhaseTiming::phase).containsExactlyInAnyOrder(LOGICAL_PHASES);
            assertThat(report.phases()).allMatch(PhaseTiming::succeeded);
            assertThat(started).containsExactlyInAnyOrder(LOGICAL_PHASES);
            assertThat(report.rto()).isEqualTo(report.elapsed(DrillPhase.CREATE_SCRATCH).orElseThrow()
                    .plus(report.elapsed(DrillPhase.RESTORE_PRE_DATA).orElseThrow())
                    .plus(report.elapsed(DrillPhase.RESTORE_DATA).orElseThrow())
                    .plus(report.elapsed(DrillPhase.RESTORE_POST_DATA).orElseThrow()));
            assertThat(report.rpo()).hasValueSatisfying(rpo -> assertThat(rpo).isPositive()
                    .isLessThanOrEqualTo(report.total()));
            assertThat(report.tablesCompared()).isEqualTo(5);
            assertThat(report.rowsCompared()).isEqualTo(3001 + 5000 + 2000);
            assertThat(report.sequencesCompared()).isEqualTo(3);
            assertThat(hashed).hasSize(5).anyMatch(line -> line.startsWith("5/5 "));
            assertThat(report.notCovered()).anyMatch(line -> line.contains("shop.order_counts"))
                    .anyMatch(line -> line.contains("pg_dumpall --globals-only"));
            assertThat(report.archive()).contains(archive.toAbsolutePath().toString());
            assertThat(report.archiveBytes()).isPositive();
            assertThat(DrillFixture.scratchDatabases()).isEmpty();

            DataFingerprint saved = DataFingerprint.read(DataFingerprint.fileFor(archive));
            assertThat(saved.snapshotExact()).isTrue();
            assertThat(saved.formatVersion()).isEqualTo(DataFingerprint.FORMAT_VERSION);
            assertThat(saved.tables()).extracting(TableFingerprint::method).containsOnly(FingerprintMethod.COLUMN_HASH);
            assertThat(saved.table("public", "empty_table").orElseThrow().hash()).isEqualTo("0");
            assertThat(saved.sequences()).extracting(SequenceFingerprint::qualifiedName)
                    .contains("public.invoice_numbers", "shop.customers_id_seq", "shop.orders_id_seq");
            assertThat(saved.schema()).isPresent();
        }
    }

    @Test
    void keepsNoArchiveAndNoScratchDatabaseUnlessAskedTo() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillReport report = BackupDrill.builder().source(source.url()).format(ArchiveFormat.CUSTOM).jobs(1)
                    .build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.archive()).isEmpty();
            assertThat(report.notes()).anyMatch(note -> note.contains("temporary directory"));
            assertThat(report.commands()).anyMatch(line -> line.contains("--format=custom"))
                    .noneMatch(line -> line.contains("--jobs=") && line.contains("pg_dump"));
            assertThat(DrillFixture.scratchDatabases()).isEmpty();
            try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(leftovers.map(Path::getFileName).map(Path::toString))
                        .noneMatch(name -> name.startsWith("dbops-drill-"));
            }
        }
    }

    @Test
    void comparesTextFormsEquallyWhateverTheSourceDatabaseSessionSettingsAre() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            String name = source.name();
            DrillFixture.execute(source.url(), "alter database " + name + " set timezone = 'America/New_York';"
                    + "alter database " + name + " set datestyle = 'SQL, DMY';"
                    + "alter database " + name + " set intervalstyle = 'sql_standard';"
                    + "alter database " + name + " set extra_float_digits = -3;"
                    + "alter database " + name + " set bytea_output = 'escape';"
                    + "alter database " + name + " set search_path = shop, public;");

            for (boolean rowText : new boolean[] {true, false}) {
                DrillReport report = BackupDrill.builder().source(source.url()).rowTextFingerprints(rowText).build()
                        .run();

                assertThat(report.mismatches()).as("row text: %s", rowText).isEmpty();
                assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            }
        }
    }

    @Test
    void neverPutsThePasswordIntoCommandLinesOrReports() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            String password = source.url().password().orElseThrow();

            DrillReport report = BackupDrill.builder().source(source.url()).build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.commands()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(password));
            assertThat(report.toJson()).doesNotContain(password);
            assertThat(report.toText()).doesNotContain(password);
            assertThat(report.source()).contains("password=***");
        }
    }

    @Test
    void fingerprintsALiveDatabaseAloneAndEqualsTheDrillsFingerprint() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            Path archive = directory.resolve("equal");
            BackupDrill.builder().source(source.url()).archive(archive).build().run();
            DataFingerprint drilled = DataFingerprint.read(DataFingerprint.fileFor(archive));

            DataFingerprint live = BackupDrill.builder().source(source.url()).jobs(3).build().fingerprintSource();

            assertThat(live.snapshotExact()).isFalse();
            assertThat(live.tables()).isEqualTo(drilled.tables());
            assertThat(live.sequences()).isEqualTo(drilled.sequences());
        }
    }

    @Test
    void dumpsRolesAndTablespacesNextToTheArchiveWhenAskedAndCountsThem() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            Path archive = directory.resolve("with-globals");

            DrillReport report = BackupDrill.builder().source(source.url()).archive(archive).includeGlobals(true)
                    .build().run();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.phases()).extracting(PhaseTiming::phase).contains(DrillPhase.DUMP_GLOBALS);
            assertThat(Files.readString(directory.resolve("with-globals.globals.sql"))).contains("CREATE ROLE postgres;");
            long roles = DrillFixture.count(source.url(), "select count(*) from pg_roles where rolname !~ '^pg_'");
            assertThat(report.notes()).anyMatch(note -> note.contains("(" + roles + " roles, 0 tablespaces)"));
            assertThat(report.notCovered()).noneMatch(line -> line.startsWith("Roles and tablespaces"));
        }
    }

    @Test
    void readsBackTheReportItWrites() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            DrillReport report = BackupDrill.builder().source(source.url()).build().run();

            assertThat(DrillReport.fromJson(report.toJson(), "test")).isEqualTo(report);
            assertThat(DrillReport.fromJson(report.toJsonLine(), "test")).isEqualTo(report);
            assertThat(report.toJson()).contains("\"formatVersion\": 1", "\"rtoMillis\"", "\"rpoMillis\"");
        }
    }

    @Test
    void reportsDurationsAndSizesInReadableUnits() {
        assertThat(DrillReportText.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(DrillReportText.duration(Duration.ofMillis(12_440))).isEqualTo("12.4 s");
        assertThat(DrillReportText.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(DrillReportText.duration(Duration.ofMinutes(130))).isEqualTo("2 h 10 min");
        assertThat(DrillReportText.bytes(512)).isEqualTo("512 B");
        assertThat(DrillReportText.bytes(1536 * 1024)).isEqualTo("1.5 MiB");
    }
}
