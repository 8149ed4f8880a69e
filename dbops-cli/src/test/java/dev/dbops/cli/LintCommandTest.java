package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code dbops lint} end to end. The violations come from the linter's own checks on {@code dbops:ignore}
 * comments (an error for an unknown rule, a warning for a suppression that suppresses nothing), so these
 * tests do not change as the built-in rules land.
 */
class LintCommandTest {

    @TempDir
    Path dir;

    Path clean;
    Path withError;
    Path withWarning;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void writeMigrations() throws Exception {
        clean = Files.writeString(dir.resolve("V1__clean.sql"), "SELECT 1;\n");
        withError = Files.writeString(dir.resolve("V2__error.sql"), "-- dbops:ignore no-such-rule legacy\nSELECT 2;\n");
        withWarning = Files.writeString(dir.resolve("V3__warning.sql"),
                "-- dbops:ignore invalid-suppression nothing to suppress here\nSELECT 3;\n");
    }

    @Test
    void exitsWithZeroAndPrintsTheSummaryWhenNothingIsFound() {
        Result result = run("lint", clean.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(result.out()).isEqualTo("1 statement in 1 file: 0 errors, 0 warnings, 0 infos (PostgreSQL 15)\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void exitsWithOneWhenAViolationReachesTheDefaultErrorThreshold() {
        Result result = run("lint", clean.toString(), withError.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains(withError + ":1:1: error[invalid-suppression] dbops:ignore names unknown"
                + " rule 'no-such-rule'", "2 statements in 2 files: 1 error, 0 warnings, 0 infos (PostgreSQL 15)");
    }

    @Test
    void failsOnWarningsOnlyWhenAskedAndNeverWhenToldSo() {
        assertThat(run("lint", withWarning.toString()).exitCode()).isEqualTo(Dbops.OK);
        assertThat(run("lint", withWarning.toString(), "--fail-on", "warning").exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(run("lint", withError.toString(), "--fail-on", "never").exitCode()).isEqualTo(Dbops.OK);
    }

    @Test
    void leavesOutIgnoredRulesAndRejectsUnknownOnes() {
        assertThat(run("lint", withError.toString(), "--ignore", "invalid-suppression,unused-suppression").exitCode())
                .isEqualTo(Dbops.OK);

        Result unknown = run("lint", clean.toString(), "--ignore", "no-such-rule");
        assertThat(unknown.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(unknown.err()).contains("cannot ignore unknown rule 'no-such-rule'", "INVALID_CONFIGURATION");
    }

    @Test
    void lintsForTheGivenPostgresVersionAndRejectsUnsupportedOnes() {
        assertThat(run("lint", clean.toString(), "--pg-version", "17").out()).endsWith("(PostgreSQL 17)\n");

        Result old = run("lint", clean.toString(), "--pg-version", "11");
        assertThat(old.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(old.err()).contains("PostgreSQL version 11 is not supported; use 12 to 18");
    }

    @Test
    void writesVersionedJson() {
        Result result = run("lint", withError.toString(), "--format", "json");

        Map<?, ?> document = (Map<?, ?>) Json.parse(result.out());
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        assertThat(document.get("pgVersion")).isEqualTo(15L);
        Map<?, ?> violation = (Map<?, ?>) ((List<?>) document.get("violations")).get(0);
        assertThat(violation.get("ruleId")).isEqualTo("invalid-suppression");
        assertThat(violation.get("severity")).isEqualTo("error");
        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
    }

    @Test
    void writesSarifForGitHubCodeScanningToTheOutputFile() throws Exception {
        Path sarif = dir.resolve("lint.sarif");

        Result result = run("lint", withError.toString(), "--format", "sarif", "--output", sarif.toString());

        assertThat(result.out()).isEmpty();
        Map<?, ?> log = (Map<?, ?>) Json.parse(Files.readString(sarif, StandardCharsets.UTF_8));
        assertThat(log.get("version")).isEqualTo("2.1.0");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) log.get("runs")).get(0);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) run.get("results")).get(0);
        assertThat(first.get("ruleId")).isEqualTo("invalid-suppression");
        assertThat(first.get("level")).isEqualTo("error");
    }

    @Test
    void writesJunitXmlWhoseFailuresFollowFailOn() throws Exception {
        Result result = run("lint", withError.toString(), withWarning.toString(), "--format", "junit",
                "--fail-on", "warning");

        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("2");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
    }

    @Test
    void exitsWithTwoOnAnUnreadableFileAndStillReportsTheOthers() throws Exception {
        Path latin1 = Files.write(dir.resolve("V0__latin1.sql"), "SELECT 'gr\u00f6\u00dfe';\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("V9__missing.sql");

        Result result = run("lint", latin1.toString(), withError.toString(), missing.toString(), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains(
                latin1 + ":1: is not UTF-8 text (invalid byte 0xF6); save the file as UTF-8",
                missing + ": no such file or directory — check the path",
                "2 input problems; the other files were linted");
        Map<?, ?> document = (Map<?, ?>) Json.parse(result.out());
        List<Object> ruleIds = ((List<?>) document.get("violations")).stream()
                .map(v -> (Object) ((Map<?, ?>) v).get("ruleId")).toList();
        assertThat(ruleIds).contains("invalid-suppression");
        assertThat((List<?>) document.get("problems")).hasSize(2);
    }

    @Test
    void lintsTheSqlFilesOfADirectory() {
        Result result = run("lint", dir.toString(), "--fail-on", "warning");

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("3 statements in 3 files: 1 error, 1 warning, 0 infos");
    }

    @Test
    void judgesEachMigrationAfterTheEarlierOnesWithEarlierApplied(@TempDir Path history) throws IOException {
        Files.writeString(history.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);\n");
        Files.writeString(history.resolve("V2__orders_by_date.sql"), "CREATE INDEX orders_placed_idx ON orders (placed_at);\n");

        Result batch = run("lint", history.toString());
        Result each = run("lint", history.toString(), "--earlier-applied");

        assertThat(batch.exitCode()).isEqualTo(Dbops.OK);
        assertThat(each.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(each.out()).contains("V2__orders_by_date.sql:1:1: error[require-concurrent-index-creation]");
    }

    @Test
    void explainsEveryOptionUnderHelp() {
        Result result = run("lint", "--help");

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(result.out()).contains("PATH", "--pg-version", "--format", "--fail-on", "--ignore",
                "--lock-timeout-configured", "--earlier-applied", "--output", "Exit code: 0");
    }

    @Test
    void rejectsAnUnknownFormatWithExitTwo() {
        Result result = run("lint", clean.toString(), "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("--format", "xml", "dbops lint --help");
    }

    @Test
    void lintsTheExampleMigrationsAsTheReadmeShows() {
        Result result = run("lint", Path.of("..", "examples", "migrations").toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out())
                .contains("V7__shipping.sql:2:1: error[require-concurrent-index-creation] CREATE INDEX "
                        + "orders_shipped_at_idx on orders takes SHARE lock (blocks writes)")
                .contains("V7__shipping.sql:3:1: error[column-type-rewrite] ALTER COLUMN customer_id TYPE integer "
                        + "on orders rewrites the table and its indexes")
                .contains("CREATE INDEX CONCURRENTLY orders_shipped_at_idx ON orders (shipped_at);")
                .contains("6 statements in 2 files: 4 errors, 5 warnings, 0 infos (PostgreSQL 15)")
                .doesNotContain("V8__placed_at_index.sql:");
    }
}
