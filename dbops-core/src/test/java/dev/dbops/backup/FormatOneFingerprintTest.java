package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive whose fingerprint file an older dbops wrote (format 1, TYPE_HASH) still verifies. */
class FormatOneFingerprintTest {

    @TempDir
    Path directory;

    @Test
    void verifiesAnArchiveAgainstAFormatOneFingerprintAndSaysWhatItsMethodMisses() throws Exception {
        Assumptions.assumeTrue(DrillFixture.SERVER.majorVersion() >= 14, "format 1 used TYPE_HASH on 14+ only");
        try (PostgresDatabase source = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(source.url(), "create table accounts (id bigint primary key, owner text, balance numeric);"
                    + " insert into accounts select g, 'owner ' || g, g * 1.5 from generate_series(1, 500) g;"
                    + " create table notes (id int, body json); insert into notes values (1, '{\"a\": 1}'), (2, null)");
            Path archive = directory.resolve("nightly");
            DrillReport drilled = BackupDrill.builder().source(source.url()).archive(archive).build().run();
            assertThat(drilled.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            DataFingerprint formatTwo = DataFingerprint.read(DataFingerprint.fileFor(archive));
            DataFingerprint formatOne = asFormatOne(source, formatTwo, false);
            formatOne.write(DataFingerprint.fileFor(archive));

            DrillReport report = BackupDrill.builder().source(source.url()).build().verifyArchive(archive);

            assertThat(report.mismatches()).isEmpty();
            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.notes()).anyMatch(note -> note.startsWith("The saved fingerprint has format 1")
                    && note.contains("misses a value swapped between rows"));

            asFormatOne(source, formatTwo, true).write(DataFingerprint.fileFor(archive));
            DrillReport changed = BackupDrill.builder().source(source.url()).build().verifyArchive(archive);

            assertThat(changed.mismatches()).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(Mismatch.Kind.CONTENT_HASH);
                assertThat(m.object()).isEqualTo("public.accounts");
            });
        }
    }

    /**
     * The fingerprint as format 1 wrote it: TYPE_HASH where every column type has a hash function, else
     * ROW_TEXT, computed on the unchanged source; {@code tamper} alters the accounts hash.
     */
    private static DataFingerprint asFormatOne(PostgresDatabase source, DataFingerprint formatTwo, boolean tamper)
            throws Exception {
        List<TableFingerprint> tables = new ArrayList<>();
        try (Connection connection = PostgresConnector.open(source.url())) {
            FingerprintSession.begin(connection, Optional.empty(), Duration.ofMinutes(1), Duration.ofSeconds(10));
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            for (Fingerprinter.TableRef table : Fingerprinter.relations(connection, versionNum).tables()) {
                FingerprintMethod method = table.name().equals("notes") ? FingerprintMethod.ROW_TEXT
                        : FingerprintMethod.TYPE_HASH;
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(Fingerprinter.hashQuery(table, method))) {
                    rs.next();
                    String hash = tamper && table.name().equals("accounts") ? rs.getString(2) + "1" : rs.getString(2);
                    tables.add(new TableFingerprint(table.schema(), table.name(), rs.getLong(1), hash, method));
                }
            }
            connection.rollback();
        }
        return new DataFingerprint(1, formatTwo.takenAt(), formatTwo.database(), formatTwo.serverVersion(), true,
                tables, formatTwo.sequences(), formatTwo.notFingerprinted(), formatTwo.schema());
    }
}
