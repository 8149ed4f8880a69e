package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLintRendererTest {

    private static Map<String, Object> render(LintReport report) {
        return JsonTree.map(Json.parse(LintFormat.JSON.render(report, RenderFixture.options())));
    }

    @Test
    void writesVersionedJsonWithSummaryViolationsAndProblemsInTheDocumentedKeyOrder() {
        Map<String, Object> document = render(RenderFixture.report());

        assertThat(document.keySet()).containsExactly("formatVersion", "pgVersion", "summary", "violations", "problems");
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        assertThat(document.get("pgVersion")).isEqualTo(15L);
        assertThat(JsonTree.map(document.get("summary"))).containsExactly(Map.entry("files", 2L),
                Map.entry("statements", 6L), Map.entry("errors", 1L), Map.entry("warnings", 1L),
                Map.entry("infos", 1L), Map.entry("problems", 1L));
        List<Object> violations = JsonTree.list(document.get("violations"));
        assertThat(violations).hasSize(3);
        Map<String, Object> first = JsonTree.map(violations.get(0));
        assertThat(first.keySet()).containsExactly("ruleId", "severity", "message", "help", "docs", "location",
                "statement", "lock", "blocks", "impact", "impactDescription", "fix");
        assertThat(first.get("ruleId")).isEqualTo("example-index");
        assertThat(first.get("severity")).isEqualTo("error");
        assertThat(first.get("docs")).isEqualTo("docs/rules/example-index.md");
        assertThat(JsonTree.map(first.get("location"))).containsExactly(Map.entry("file", "db/V1__orders.sql"),
                Map.entry("line", 5L), Map.entry("column", 3L), Map.entry("endLine", 6L), Map.entry("endColumn", 27L));
        assertThat(first.get("statement")).isEqualTo("CREATE INDEX orders_created_idx\n    ON orders (created_at)");
        assertThat(first.get("lock")).isEqualTo("SHARE");
        assertThat(first.get("blocks")).isEqualTo("blocks writes");
        assertThat(first.get("impact")).isEqualTo("index-build");
        assertThat(first.get("fix")).isEqualTo("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);");
        assertThat(JsonTree.map(violations.get(1)).get("fix")).isSameAs(Json.NULL);
        assertThat(JsonTree.list(document.get("problems"))).containsExactly(Map.of("file", "db/V0__broken.sql", "line", 0L,
                "message", "cannot read: not UTF-8 text — save the file as UTF-8"));
    }

    @Test
    void writesNullLockForSuppressionChecksAndPointsThemToTheSuppressionDocs() {
        Map<String, Object> document = render(RenderFixture.report("V1__s.sql", "-- dbops:ignore no-such-rule because\nSELECT 1;"));

        Map<String, Object> violation = JsonTree.map(JsonTree.list(document.get("violations")).get(0));
        assertThat(violation.get("ruleId")).isEqualTo("invalid-suppression");
        assertThat(violation.get("lock")).isSameAs(Json.NULL);
        assertThat(violation.get("blocks")).isEqualTo("blocks nothing");
        assertThat(violation.get("impact")).isEqualTo("none");
        assertThat(violation.get("docs")).isEqualTo("docs/lint.md#suppressions");
    }

    @Test
    void writesTheChangeSetOnlyWhenTheSqlCameFromOne() {
        LintReport report = RenderFixture.linter().lint(List.of(new MigrationScript("changelog.xml",
                "ALTER TABLE orders ADD COLUMN a int;", 40, true, Optional.of("7::alice"))), List.of());

        Map<String, Object> violation = JsonTree.map(JsonTree.list(render(report).get("violations")).get(0));
        assertThat(JsonTree.map(violation.get("location"))).containsEntry("line", 40L).containsEntry("changeSet",
                "7::alice");
        Map<String, Object> plain = JsonTree.map(JsonTree.list(render(RenderFixture.report()).get("violations")).get(0));
        assertThat(JsonTree.map(plain.get("location"))).doesNotContainKey("changeSet");
    }

    @Test
    void takesTheDocPathFromTheRuleAndFallsBackToTheConventionWithoutRules() {
        LintRule documentedElsewhere = new LintRule() {
            @Override
            public String id() {
                return "example-index";
            }

            @Override
            public Severity severity() {
                return Severity.ERROR;
            }

            @Override
            public String title() {
                return "t";
            }

            @Override
            public List<Finding> check(StatementContext context) {
                return List.of();
            }

            @Override
            public String docPath() {
                return "docs/rules/indexes.md#example-index";
            }
        };
        LintRenderOptions options = LintRenderOptions.builder().rules(List.of(documentedElsewhere)).build();

        Map<String, Object> withRule = JsonTree.map(Json.parse(LintFormat.JSON.render(RenderFixture.report(), options)));
        Map<String, Object> withoutRules = JsonTree.map(Json.parse(LintFormat.JSON.render(RenderFixture.report())));
        assertThat(JsonTree.map(JsonTree.list(withRule.get("violations")).get(0)).get("docs"))
                .isEqualTo("docs/rules/indexes.md#example-index");
        assertThat(JsonTree.map(JsonTree.list(withoutRules.get("violations")).get(0)).get("docs"))
                .isEqualTo("docs/rules/example-index.md");
    }
}
