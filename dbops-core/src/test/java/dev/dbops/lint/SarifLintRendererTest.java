package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifLintRendererTest {

    private static Map<String, Object> sarif(LintReport report, LintRenderOptions options) {
        return JsonTree.map(Json.parse(LintFormat.SARIF.render(report, options)));
    }

    private static Map<String, Object> run(Map<String, Object> log) {
        return JsonTree.at(log, "runs", 0);
    }

    private static List<Object> results(Map<String, Object> log) {
        return JsonTree.list(run(log).get("results"));
    }

    private static List<Object> rules(Map<String, Object> log) {
        return JsonTree.at(run(log), "tool", "driver", "rules");
    }

    private static <T> T at(Object tree, Object... path) {
        return JsonTree.at(tree, path);
    }

    @Test
    void writesALogThatConformsToTheSarif210SchemaAndGitHubsRequiredProperties() {
        Map<String, Object> log = sarif(RenderFixture.report(), RenderFixture.options());

        assertThat(SarifShape.check(log)).isEmpty();
        assertThat(log.get("$schema")).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(JsonTree.list(log.get("runs"))).hasSize(1);
        assertThat((String) at(run(log), "tool", "driver", "name")).isEqualTo("dbops");
        for (Object rule : rules(log)) {
            assertThat((String) at(rule, "shortDescription", "text")).isNotBlank();
            assertThat((String) at(rule, "fullDescription", "text")).isNotBlank();
            assertThat((String) at(rule, "help", "text")).isNotBlank();
        }
        for (Object result : results(log)) {
            assertThat(JsonTree.<Map<String, Object>>at(result, "locations", 0, "physicalLocation", "region"))
                    .containsOnlyKeys("startLine", "startColumn", "endLine", "endColumn");
            assertThat(JsonTree.<Map<String, Object>>at(result, "partialFingerprints")).containsOnlyKeys("primaryLocationLineHash");
        }
    }

    @Test
    void describesEveryRuleThatRanAndPointsEachResultAtItsRule() {
        Map<String, Object> log = sarif(RenderFixture.report(), RenderFixture.options());

        assertThat(rules(log)).extracting(rule -> JsonTree.map(rule).get("id")).containsExactly("example-index",
                "example-rewrite", "example-vacuum", "unused-suppression", "invalid-suppression");
        Map<String, Object> index = JsonTree.map(rules(log).get(0));
        assertThat(index.get("name")).isEqualTo("ExampleIndex");
        assertThat(index.get("helpUri"))
                .isEqualTo("https://github.com/dbops-dev/dbops/blob/main/docs/rules/example-index.md");
        assertThat((String) at(index, "defaultConfiguration", "level")).isEqualTo("error");
        assertThat(JsonTree.<List<Object>>at(index, "properties", "tags")).contains("postgresql");
        assertThat(results(log)).extracting(r -> at(r, "ruleId"), r -> at(r, "ruleIndex"), r -> at(r, "level"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("example-index", 0L, "error"),
                        org.assertj.core.groups.Tuple.tuple("example-rewrite", 1L, "warning"),
                        org.assertj.core.groups.Tuple.tuple("example-vacuum", 2L, "note"));
        Map<String, Object> first = JsonTree.map(results(log).get(0));
        assertThat((String) at(first, "message", "text")).startsWith("CREATE INDEX on orders takes SHARE")
                .contains("Safe alternative:\nCREATE INDEX CONCURRENTLY orders_created_idx");
        assertThat(JsonTree.<Map<String, Object>>at(first, "locations", 0, "physicalLocation", "region")).containsExactly(
                Map.entry("startLine", 5L), Map.entry("startColumn", 3L), Map.entry("endLine", 6L),
                Map.entry("endColumn", 27L));
    }

    @Test
    void describesRulesSeenOnlyInResultsWhenNoRuleListIsGiven() {
        Map<String, Object> log = sarif(RenderFixture.report(), LintRenderOptions.defaults());

        assertThat(rules(log)).extracting(rule -> JsonTree.map(rule).get("id")).containsExactly("unused-suppression",
                "invalid-suppression", "example-index", "example-rewrite", "example-vacuum");
        assertThat(results(log)).extracting(r -> at(r, "ruleIndex")).containsExactly(2L, 3L, 4L);
        assertThat(SarifShape.check(log)).isEmpty();
    }

    @Test
    void resolvesHelpUrisAgainstTheConfiguredDocsLocation() {
        LintRenderOptions options = LintRenderOptions.builder().rules(RenderFixture.RULES)
                .docsBaseUri("https://git.example.com/platform/dbops/-/blob/v1.2/").build();

        Map<String, Object> log = sarif(RenderFixture.report(), options);

        assertThat((JsonTree.map(rules(log).get(0))).get("helpUri"))
                .isEqualTo("https://git.example.com/platform/dbops/-/blob/v1.2/docs/rules/example-index.md");
    }

    @Test
    void keepsFingerprintsWhenAStatementMovesOrIsReformattedAndTellsRepeatsApart() {
        String before = fingerprint(RenderFixture.report("db/V2.sql", "ALTER TABLE orders ADD COLUMN a int;"), 0);
        String moved = fingerprint(RenderFixture.report("db/V2.sql",
                "SELECT 1;\n\n-- moved down\nALTER TABLE orders\n    ADD COLUMN a int;"), 0);
        String changed = fingerprint(RenderFixture.report("db/V2.sql", "ALTER TABLE orders ADD COLUMN b int;"), 0);
        LintReport twice = RenderFixture.report("db/V2.sql",
                "ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE orders ADD COLUMN a int;");

        assertThat(before).matches("[0-9a-f]{32}:1").isEqualTo(moved).isNotEqualTo(changed);
        assertThat(fingerprint(twice, 0)).isEqualTo(before);
        assertThat(fingerprint(twice, 1)).isEqualTo(before.replace(":1", ":2"));
    }

    private static String fingerprint(LintReport report, int result) {
        return at(results(sarif(report, RenderFixture.options())).get(result), "partialFingerprints",
                "primaryLocationLineHash");
    }

    @Test
    void writesFileNamesAsRepositoryRelativeUrisOrFileUris() {
        assertThat(SarifLintRenderer.artifactLocation("db\\migration\\V1__init.sql"))
                .containsExactly(Map.entry("uri", "db/migration/V1__init.sql"), Map.entry("uriBaseId", "%SRCROOT%"));
        assertThat(SarifLintRenderer.artifactLocation("./db/my migrations/V1:a#b%.sql"))
                .containsEntry("uri", "db/my%20migrations/V1%3Aa%23b%25.sql");
        assertThat(SarifLintRenderer.artifactLocation("db/größe.sql")).containsEntry("uri", "db/gr%C3%B6%C3%9Fe.sql");
        assertThat(SarifLintRenderer.artifactLocation("/home/ci/db/V1.sql"))
                .containsExactly(Map.entry("uri", "file:///home/ci/db/V1.sql"));
        assertThat(SarifLintRenderer.artifactLocation("C:\\work\\V1.sql"))
                .containsExactly(Map.entry("uri", "file:///C:/work/V1.sql"));
        assertThat(SarifLintRenderer.artifactLocation("classpath:db/changelog.xml"))
                .containsExactly(Map.entry("uri", "classpath:db/changelog.xml"));
    }

    @Test
    void reportsInputProblemsAsFailedExecutionNotifications() {
        Map<String, Object> withProblem = sarif(RenderFixture.report(), RenderFixture.options());
        Map<String, Object> clean = sarif(RenderFixture.report("V1.sql", "SELECT 1;"), RenderFixture.options());

        Map<String, Object> invocation = at(run(withProblem), "invocations", 0);
        assertThat(invocation.get("executionSuccessful")).isEqualTo(false);
        assertThat((String) at(invocation, "toolExecutionNotifications", 0, "message", "text"))
                .isEqualTo("cannot read: not UTF-8 text — save the file as UTF-8");
        assertThat((String) at(invocation, "toolExecutionNotifications", 0, "locations", 0, "physicalLocation",
                "artifactLocation", "uri")).isEqualTo("db/V0__broken.sql");
        assertThat(JsonTree.<Map<String, Object>>at(run(clean), "invocations", 0)).containsExactly(Map.entry("executionSuccessful", true));
        assertThat(results(clean)).isEmpty();
    }
}
