package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint file, sequence brackets, archive listings and the history trend, without a server. */
class FingerprintFormatTest {

    @TempDir
    Path directory;

    private static DataFingerprint fingerprint() {
        return new DataFingerprint(DataFingerprint.FORMAT_VERSION, Instant.parse("2025-03-01T10:15:30.123456Z"), "app",
                "15.19", true,
                List.of(new TableFingerprint("public", "orders", 3, "-12345678901234567890", FingerprintMethod.COLUMN_HASH),
                        new TableFingerprint("public", "we\"ird name", 0, "0", FingerprintMethod.ROW_TEXT)),
                List.of(new SequenceFingerprint("public", "orders_id_seq", 1, new SequenceFingerprint.State(3, true),
                        new SequenceFingerprint.State(5, true))),
                List.of("materialized view public.totals (a restore refreshes it from the restored tables)"),
                Optional.empty());
    }

    @Test
    void writesAndReadsTheFingerprintFileNextToTheArchive() {
        Path archive = directory.resolve("nightly.dump");
        DataFingerprint written = fingerprint();

        written.write(DataFingerprint.fileFor(archive));

        assertThat(DataFingerprint.fileFor(archive)).hasFileName("nightly.dump.fingerprint.json");
        assertThat(DataFingerprint.read(DataFingerprint.fileFor(archive))).isEqualTo(written);
        assertThat(written.toJson()).contains("\"kind\": \"dbops-data-fingerprint\"", "\"method\": \"COLUMN_HASH\"",
                "\"formatVersion\": 2");
        assertThat(written.totalRows()).isEqualTo(3);
    }

    @Test
    void namesTheFileAndJsonPathOfABrokenFingerprint() throws Exception {
        Path file = directory.resolve("broken.fingerprint.json");
        Files.writeString(file, fingerprint().toJson().replace("\"rows\": 3", "\"rows\": \"three\""));

        assertThatThrownBy(() -> DataFingerprint.read(file)).isInstanceOfSatisfying(DbopsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FINGERPRINT);
            assertThat(e.getMessage()).contains(file.toString(), "tables[0].rows is not an integer");
        });
    }

    @Test
    void refusesAFingerprintOfANewerFormatVersionNamingTheVersionsItReads() {
        String json = fingerprint().toJson().replace("\"formatVersion\": 2", "\"formatVersion\": 3");

        assertThatThrownBy(() -> DataFingerprint.fromJson(json, "test")).isInstanceOfSatisfying(DbopsException.class,
                e -> assertThat(e.getMessage()).contains("formatVersion is 3, this dbops reads 1 to 2",
                        "written by a newer dbops"));
    }

    @Test
    void readsAFormatOneFileWithItsTypeHashTablesSoOldArchivesStillVerify() {
        String json = fingerprint().toJson().replace("\"formatVersion\": 2", "\"formatVersion\": 1")
                .replace("COLUMN_HASH", "TYPE_HASH");

        DataFingerprint old = DataFingerprint.fromJson(json, "old");

        assertThat(old.formatVersion()).isEqualTo(1);
        assertThat(old.table("public", "orders").orElseThrow().method()).isEqualTo(FingerprintMethod.TYPE_HASH);
        assertThat(old.toJson()).contains("\"formatVersion\": 1");
    }

    @Test
    void refusesAMethodThatItsFormatVersionDoesNotUse() {
        String columnHashInFormatOne = fingerprint().toJson().replace("\"formatVersion\": 2", "\"formatVersion\": 1");
        String typeHashInFormatTwo = fingerprint().toJson().replace("COLUMN_HASH", "TYPE_HASH");

        assertThatThrownBy(() -> DataFingerprint.fromJson(columnHashInFormatOne, "a"))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.getMessage())
                        .contains("public.orders has method COLUMN_HASH, which fingerprint format 1 does not use"));
        assertThatThrownBy(() -> DataFingerprint.fromJson(typeHashInFormatTwo, "b"))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.getMessage())
                        .contains("method TYPE_HASH, which fingerprint format 2 does not use"));
    }

    @Test
    void acceptsASequenceStateTheDumpCouldHaveReadAndNoOther() {
        SequenceFingerprint rising = new SequenceFingerprint("public", "s", 1, new SequenceFingerprint.State(10, true),
                new SequenceFingerprint.State(20, true));
        SequenceFingerprint falling = new SequenceFingerprint("public", "d", -5, new SequenceFingerprint.State(-10, true),
                new SequenceFingerprint.State(-30, true));
        SequenceFingerprint fresh = new SequenceFingerprint("public", "f", 1, new SequenceFingerprint.State(1, false),
                new SequenceFingerprint.State(1, false));

        assertThat(rising.accepts(new SequenceFingerprint.State(15, true))).isTrue();
        assertThat(rising.accepts(new SequenceFingerprint.State(21, false))).as("nextval gives 21 either way").isTrue();
        assertThat(rising.accepts(new SequenceFingerprint.State(9, true))).isFalse();
        assertThat(rising.accepts(new SequenceFingerprint.State(21, true))).isFalse();
        assertThat(falling.accepts(new SequenceFingerprint.State(-20, true))).isTrue();
        assertThat(falling.accepts(new SequenceFingerprint.State(-5, true))).isFalse();
        assertThat(fresh.accepts(new SequenceFingerprint.State(1, false))).isTrue();
        assertThat(fresh.accepts(new SequenceFingerprint.State(1, true))).isFalse();
        assertThat(rising.describeExpected()).isEqualTo("10 (called) … 20 (called)");
    }

    @Test
    void readsTheHeaderAndTableItemsOfAnArchiveListing() {
        ArchiveContents contents = ArchiveContents.parse(List.of(
                ";", "; Archive created at 2026-11-21 03:19:06 UTC", ";     dbname: shop",
                ";     Format: DIRECTORY", ";     Dumped from database version: 15.18 (Debian 15.18-0+deb12u1)",
                "215; 1259 16394 TABLE public j postgres", "3353; 0 16394 TABLE DATA public j postgres",
                "3354; 0 16403 TABLE DATA shop orders app", "3355; 0 16403 TABLE DATA shop with space app"));

        assertThat(contents.createdAt()).contains(Instant.parse("2026-11-21T03:19:06Z"));
        assertThat(contents.database()).isEqualTo("shop");
        assertThat(contents.format()).isEqualTo("DIRECTORY");
        assertThat(contents.dumpedFromVersion()).startsWith("15.18");
        assertThat(contents.tableDataEntries()).isEqualTo(3);
        assertThat(contents.tableData()).containsEntry(3353, "public.j").containsEntry(3354, "shop.orders")
                .doesNotContainKey(3355);
    }

    @Test
    void quotesConninfoValuesSoNoNameCanBeReadAsAnOption() {
        assertThat(ClientCommand.quoteConninfo("it's a \\ name")).isEqualTo("'it\\'s a \\\\ name'");
        assertThat(ClientCommand.conninfo(dev.dbops.postgres.PostgresUrl.parse(
                "postgresql://app:secret@db.internal:6543/dbname=evil?sslmode=require&connectTimeout=3")))
                .isEqualTo("host='db.internal' port=6543 user='app' dbname='dbname=evil' sslmode='require'");
    }

    @Test
    void showsNoRecoveryPointInAHistoryWithoutAVerifiedDrill() {
        DrillReport failed = new DrillReport(DrillReport.FORMAT_VERSION, DrillReport.Outcome.FAILED,
                DrillReport.Mode.DRILL, "jdbc:postgresql://db:5432/app", Optional.empty(), Optional.empty(),
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:01:00Z"), Optional.empty(),
                List.of(), 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(),
                Optional.of(new DrillReport.Failure(ErrorCode.CONNECTION_FAILED, Optional.empty(), "down")));

        String trend = DrillHistory.trend(List.of(failed), Instant.parse("2025-03-02T10:00:00Z"));

        assertThat(trend).contains("2025-03-01 10:00:00  drill    failed", "No verified backup in this history");
        assertThat(failed.rpo()).isEmpty();
        assertThat(failed.total()).isEqualTo(Duration.ofMinutes(1));
    }
}
