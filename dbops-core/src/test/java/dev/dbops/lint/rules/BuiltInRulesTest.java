package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry's contract: every rule has a unique kebab-case id, a doc page, and a test class with both cases. */
class BuiltInRulesTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path RULE_TESTS = Path.of("src/test/java/dev/dbops/lint/rules");
    private static final Pattern TEST_METHOD = Pattern.compile("@Test\\s+void\\s+(\\w+)");

    @Test
    void hasAtLeastFortyFiveRulesWithUniqueKebabCaseIds() {
        List<String> ids = BuiltInRules.all().stream().map(LintRule::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(45).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "kebab-case");
    }

    @Test
    void everyRuleHasATitleAndADocPageThatNamesIt() throws IOException {
        for (LintRule rule : BuiltInRules.all()) {
            assertThat(rule.title()).as(rule.id()).isNotBlank().endsWith(".");
            Path page = PROJECT.resolve(rule.docPath());
            assertThat(page).as("doc page of " + rule.id()).exists();
            assertThat(Files.readString(page)).as(rule.docPath()).startsWith("# " + rule.id());
        }
        for (String metaRule : List.of("unused-suppression", "invalid-suppression")) {
            assertThat(PROJECT.resolve("docs/rules/" + metaRule + ".md")).exists();
        }
    }

    @Test
    void everyRuleHasATestClassWithAFailingAndAPassingCase() throws IOException {
        for (LintRule rule : BuiltInRules.all()) {
            String className = rule.getClass().getSimpleName();
            assertThat(className).as(rule.id()).isEqualTo(camelCase(rule.id()));
            Path test = RULE_TESTS.resolve(className + "Test.java");
            assertThat(test).as("test class of " + rule.id()).exists();
            String source = Files.readString(test);
            Matcher methods = TEST_METHOD.matcher(source);
            long count = methods.results().count();
            assertThat(count).as("test methods of " + rule.id()).isGreaterThanOrEqualTo(2);
            assertThat(source).as(rule.id() + " has a failing case").containsPattern("hasSize\\(\\d\\)|isNotEmpty|singleElement|first\\(\\)|element\\(0\\)|get\\(0\\)");
            assertThat(source).as(rule.id() + " has a passing case").contains("isEmpty()");
        }
    }

    private static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
