package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples in docs/lint.md and docs/lint-format.md are what dbops writes for {@link RenderFixture}:
 * each is marked {@code <!-- example: name -->} above its code block, and compared here.
 */
class LintDocsTest {

    private static final Path LINT_PAGE = Path.of("../docs/lint.md");
    private static final Path FORMAT_PAGE = Path.of("../docs/lint-format.md");

    /** The code block after {@code <!-- example: name -->}, with a trailing newline. */
    private static String example(Path page, String name) throws Exception {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String marker = "<!-- example: " + name + " -->\n";
        int at = text.indexOf(marker);
        assertThat(at).as("%s has an example marked '%s'", page, name).isNotNegative();
        int start = text.indexOf('\n', at + marker.length()) + 1;
        int end = text.indexOf("\n```\n", start);
        return text.substring(start, end + 1);
    }

    @Test
    void showsTheMigrationTheExamplesAreRenderedFrom() throws Exception {
        String page = Files.readString(LINT_PAGE, StandardCharsets.UTF_8);

        assertThat(page).contains("```sql\n-- db/V1__orders.sql\n" + RenderFixture.MIGRATION + "```\n");
    }

    @Test
    void showsTheTextFormatAsDbopsWritesIt() throws Exception {
        assertThat(example(LINT_PAGE, "text")).isEqualTo(LintFormat.TEXT.render(RenderFixture.report()));
    }

    @Test
    void showsTheJsonFormatAsDbopsWritesIt() throws Exception {
        assertThat(example(FORMAT_PAGE, "json"))
                .isEqualTo(LintFormat.JSON.render(RenderFixture.report(), RenderFixture.options()));
    }

    @Test
    void showsASarifResultAsDbopsWritesIt() throws Exception {
        Object sarif = Json.parse(LintFormat.SARIF.render(RenderFixture.report(), RenderFixture.options()));

        assertThat(Json.parse(example(LINT_PAGE, "sarif-result"))).isEqualTo(JsonTree.at(sarif, "runs", 0, "results", 0));
    }

    @Test
    void showsTheBeginningOfTheJunitFormatAsDbopsWritesIt() throws Exception {
        assertThat(LintFormat.JUNIT.render(RenderFixture.report(), RenderFixture.options()))
                .startsWith(example(LINT_PAGE, "junit"));
    }

    /** The Java example of docs/lint.md, kept identical to it. */
    @Test
    void runsTheJavaExample() {
        String sql = RenderFixture.MIGRATION;
        MigrationLinter linter = MigrationLinter.builder()
                .pgVersion(16)                         // default MigrationLinter.DEFAULT_PG_VERSION (15)
                .ignoreRules(List.of("unused-suppression"))
                .lockTimeoutConfigured(true)
                .build();                              // reports every invalid option at once
        LintReport report = linter.lint(List.of(
                MigrationScript.of("db/V1__orders.sql", sql, false)), List.of());
        if (report.hasViolationsAtLeast(Severity.ERROR)) {
            System.err.print(LintFormat.TEXT.render(report));
        }
        String sarif = LintFormat.SARIF.render(report, LintRenderOptions.builder().rules(linter.rules()).build());

        assertThat(report.pgVersion()).isEqualTo(16);
        assertThat(sarif).contains("\"version\": \"2.1.0\"");
    }
}
