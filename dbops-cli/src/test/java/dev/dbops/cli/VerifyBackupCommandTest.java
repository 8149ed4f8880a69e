package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBackupCommandTest {

    private static PostgresDatabase source;

    @TempDir
    Path directory;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void createSource() throws Exception {
        source = PostgresProvider.shared().createDatabase();
        try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table accounts (id bigint primary key, owner text, balance numeric(12,2),"
                    + " opened timestamptz, notes jsonb);"
                    + " insert into accounts select g, 'owner ' || g, g * 1.5, now() - g * interval '1 hour',"
                    + " case when g % 3 = 0 then null else jsonb_build_object('g', g) end"
                    + " from generate_series(1, 20000) g;"
                    + " create table audit (at timestamptz, what text);"
                    + " insert into audit select now(), 'event ' || g from generate_series(1, 500) g;");
        }
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private static String url() {
        PostgresUrl url = source.url();
        return "postgresql://" + url.user().orElseThrow() + ":" + url.password().orElseThrow() + "@" + url.host() + ":"
                + url.port() + "/" + url.database();
    }

    @Test
    void exitsWithZeroAndPrintsTheTimedPhasesWhenTheBackupIsVerified() {
        Result result = run("verify-backup", "--url", url(), "--jobs", "2", "--progress");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Backup drill: VERIFIED", "restore post-data", "RTO (restore phases)",
                "RPO (age of verified backup)", "Compared: 2 tables, 20500 rows");
        assertThat(result.err()).contains("dbops verify-backup: dump …", "dbops verify-backup: restore data done in",
                "[########################] 2/2");
        assertThat(result.out() + result.err()).doesNotContain(source.url().password().orElseThrow());
    }

    @Test
    void printsTheReportAsJson() {
        Result result = run("verify-backup", "--url", url(), "--format", "json", "--no-progress");

        assertThat(result.exitCode()).isZero();
        Map<?, ?> report = (Map<?, ?>) Json.parse(result.out());
        assertThat(report.get("formatVersion")).isEqualTo(1L);
        assertThat(report.get("outcome")).isEqualTo("VERIFIED");
        assertThat(report.get("rtoMillis")).isInstanceOf(Long.class);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void exitsWithOneWhenASavedArchiveNoLongerRestores() throws IOException {
        Path archive = directory.resolve("accounts");
        assertThat(run("verify-backup", "--url", url(), "--save-archive", archive.toString(), "--no-progress")
                .exitCode()).isZero();
        assertThat(archive.resolveSibling("accounts.fingerprint.json")).isRegularFile();
        try (Stream<Path> files = Files.list(archive)) {
            Path largest = files.filter(f -> f.toString().endsWith(".dat.gz"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
            try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
                file.setLength(file.length() / 2);
            }
        }

        Result result = run("verify-backup", "--url", url(), "--archive", archive.toString(), "--no-progress");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Archive verification: MISMATCH", "restore failed: public.accounts");
    }

    @Test
    void exitsWithTwoWhenTheDrillCannotRun() {
        Result result = run("verify-backup", "--url", "postgresql://nobody:secret@127.0.0.1:1/none", "--no-progress");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Backup drill: FAILED", "CONNECTION_FAILED").doesNotContain("secret");
    }

    @Test
    void exitsWithTwoAndNamesTheOptionWhenTheUrlIsMissing() {
        Result result = run("verify-backup");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--url is required");
    }

    @Test
    void appendsEachDrillToTheHistoryAndPrintsTheTrend() {
        Path history = directory.resolve("drills.jsonl");
        assertThat(run("verify-backup", "--url", url(), "--history", history.toString(), "--no-progress").exitCode())
                .isZero();
        assertThat(run("verify-backup", "--url", url(), "--history", history.toString(), "--no-progress").exitCode())
                .isZero();

        Result trend = run("verify-backup", "--history", history.toString());

        assertThat(trend.exitCode()).isZero();
        assertThat(trend.out().lines().filter(line -> line.contains(" drill    verified "))).hasSize(2);
        assertThat(trend.out()).contains("Newest verified backup: taken at", "RTO of the latest verified drill:",
                "median of 2");
    }

    @Test
    void runsAPhysicalDrill() {
        Result result = run("verify-backup", "--url", url(), "--physical", "--no-progress");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Physical backup drill: VERIFIED", "start scratch cluster", "amcheck");
    }

    @Test
    void refusesToMixPhysicalAndArchiveOptions() {
        Result result = run("verify-backup", "--url", url(), "--physical", "--archive", "x.dump");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("give options of one kind");
    }

    @Test
    void takesThePasswordFromPgpasswordWhenTheUrlHasNone() {
        PostgresUrl url = VerifyBackupCommand.withEnvironmentPassword("postgresql://app@db:5432/shop", "s3cret");

        assertThat(url.password()).contains("s3cret");
        assertThat(VerifyBackupCommand.withEnvironmentPassword("postgresql://app:given@db/shop", "s3cret").password())
                .contains("given");
    }
}
