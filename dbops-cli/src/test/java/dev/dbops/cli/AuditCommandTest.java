package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditCommandTest {

    private static PostgresDatabase demo;
    private static String demoUrl;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static String urlOf(PostgresDatabase database) {
        PostgresUrl url = database.url();
        return "postgresql://" + url.user().orElseThrow() + ":" + url.password().orElseThrow() + "@"
                + url.host() + ":" + url.port() + "/" + url.database();
    }

    @BeforeAll
    static void loadTheDemoSchema() throws Exception {
        demo = PostgresProvider.shared().createDatabase();
        demoUrl = urlOf(demo);
        try (Connection connection = demo.connect(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("../examples/audit-demo.sql"), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void dropTheDemoSchema() {
        demo.close();
    }

    @Test
    void auditOfTheDemoSchemaExitsWithOneAndShowsEachFindingWithItsRemediation() {
        // Whether autovacuum has analyzed the freshly loaded tables yet depends on timing: leave those checks out.
        Result result = run("audit", "--url", demoUrl, "--skip", "stale-statistics,vacuum-overdue");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains(
                "critical[sequence-exhaustion] shop.orders_id_seq: sequence shop.orders_id_seq used 93.1% of its range",
                "warning[foreign-key-without-index] shop.orders: foreign key orders_customer_id_fkey",
                "CREATE INDEX CONCURRENTLY ON \"shop\".\"orders\" (\"customer_id\");",
                "warning[duplicate-index] shop.customers_email_idx: index shop.customers_email_idx duplicates"
                        + " shop.customers_email_key",
                "warning[redundant-index] shop.orders_placed_at_idx",
                "warning[table-without-primary-key] shop.audit_log",
                "skipped archiver-failure: archive_mode is off");
        assertThat(result.out()).contains("5 findings: 1 critical, 4 warnings, 0 infos; 18 checks ran, 3 skipped,"
                + " 0 failed");
    }

    @Test
    void failOnDecidesTheExitCodeAndOnlyPicksChecksAndCategories() {
        assertThat(run("audit", "--url", demoUrl, "--only", "indexes", "--fail-on", "critical").exitCode())
                .isEqualTo(Dbops.OK);
        assertThat(run("audit", "--url", demoUrl, "--only", "indexes,sequence-exhaustion", "--fail-on", "critical")
                .exitCode()).isEqualTo(Dbops.FINDINGS);
        Result skipped = run("audit", "--url", demoUrl, "--skip", "indexes,tables", "--fail-on", "warning");
        assertThat(skipped.exitCode()).as(skipped.out()).isEqualTo(Dbops.OK);
    }

    @Test
    void printsVersionedJson() {
        Result result = run("audit", "--url", demoUrl, "--format", "json", "--only", "foreign-key-without-index",
                "--fail-on", "never");

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        Map<?, ?> document = (Map<?, ?>) Json.parse(result.out());
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        assertThat(document.get("database")).isEqualTo(demo.name());
        List<?> findings = (List<?>) document.get("findings");
        assertThat(findings).hasSize(1);
        Map<?, ?> finding = (Map<?, ?>) findings.get(0);
        assertThat(finding.get("checkId")).isEqualTo("foreign-key-without-index");
        assertThat(finding.get("severity")).isEqualTo("warning");
        assertThat(((Map<?, ?>) finding.get("evidence")).get("columns")).isEqualTo("customer_id");
        assertThat((String) finding.get("remediation")).contains("CREATE INDEX CONCURRENTLY");
        Map<?, ?> summary = (Map<?, ?>) document.get("summary");
        assertThat(summary.get("warning")).isEqualTo(1L);
        assertThat(summary.get("checksRan")).isEqualTo(1L);
    }

    @Test
    void thresholdsChangeWhatIsReported() {
        Result result = run("audit", "--url", demoUrl, "--only", "sequence-exhaustion",
                "--threshold", "sequence-critical-ratio=95%", "--fail-on", "critical");

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(result.out()).contains("warning[sequence-exhaustion] shop.orders_id_seq");
    }

    @Test
    void unknownChecksAndUnreadableThresholdsExitWithTwoAndSayWhatIsAccepted() {
        Result check = run("audit", "--url", demoUrl, "--only", "bloat");
        assertThat(check.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(check.err()).contains("'bloat' is neither a check id nor a category", "index-bloat");

        Result threshold = run("audit", "--url", demoUrl, "--threshold", "unused-index-min-size=lots",
                "--threshold", "long-query=1s");
        assertThat(threshold.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(threshold.err()).contains("unused-index-min-size=lots: expected a size such as 512kB",
                "unknown threshold 'long-query'");
    }

    @Test
    void auditsAThrowawayEmbeddedDatabasePreparedByInitScripts() {
        Result result = run("audit", "--url", "embedded", "--init", "../examples/audit-demo.sql",
                "--only", "table-without-primary-key");

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("warning[table-without-primary-key] shop.audit_log");
    }

    @Test
    void savingAQuerySampleWithoutPgStatStatementsExitsWithTwo() {
        Result result = run("audit", "--url", demoUrl, "--only", "indexes", "--save-query-sample", "sample.json");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("pg_stat_statements extension is not installed");
    }
}
