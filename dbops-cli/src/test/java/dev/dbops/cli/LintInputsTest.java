package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Violation;
import dev.dbops.migration.Migration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintInputsTest {

    @TempDir
    Path dir;

    private Path write(String name, String sql) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    @Test
    void readsAFlywayLocationInFlywaysVersionOrder() throws Exception {
        write("V10__ten.sql", "SELECT 10;");
        write("V2__two.sql", "SELECT 2;");
        write("V1_1__one_one.sql", "SELECT 11;");
        write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        write("README.md", "not sql");

        LintInputs.Inputs inputs = LintInputs.read(List.of(dir));

        assertThat(inputs.problems()).isEmpty();
        assertThat(inputs.migrations().migrations()).extracting(Migration::id)
                .containsExactly("V1.1", "V2", "V10", "R__view");
    }

    @Test
    void lintsAConcurrentIndexScriptAsFlywayRunsIt() throws Exception {
        write("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);");
        write("V2__index.sql", "CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);");
        write("V3__in_transaction.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY other_idx ON live (x);\nCOMMIT;");

        LintReport report = MigrationLinter.builder().build().lint(LintInputs.read(List.of(dir)).migrations());

        assertThat(report.violations()).extracting(Violation::ruleId).doesNotContain("require-concurrent-index-creation");
        assertThat(report.violations()).filteredOn(v -> v.ruleId().equals("concurrently-in-transaction"))
                .extracting(v -> v.location().display()).containsExactly(dir.resolve("V3__in_transaction.sql") + ":2:1");
    }

    @Test
    void readsPlainSqlFilesInNaturalNameOrder() throws Exception {
        write("b10.sql", "SELECT 10;");
        write("b2.sql", "SELECT 2;");
        write("a.sql", "SELECT 1;");

        LintInputs.Inputs inputs = LintInputs.read(List.of(dir));

        assertThat(inputs.migrations().migrations()).extracting(m -> Path.of(m.location()).getFileName().toString())
                .containsExactly("a.sql", "b2.sql", "b10.sql");
    }

    @Test
    void readsALiquibaseFormattedSqlChangelog() throws Exception {
        Path changelog = write("changelog.sql", """
                --liquibase formatted sql

                --changeset alice:1
                CREATE TABLE t (id bigint PRIMARY KEY);

                --changeset bob:2
                CREATE INDEX t_idx ON t (id);
                """);

        LintInputs.Inputs inputs = LintInputs.read(List.of(changelog));

        assertThat(inputs.problems()).isEmpty();
        assertThat(inputs.migrations().migrations()).extracting(m -> m.changeSet().orElseThrow().author())
                .containsExactly("alice", "bob");
    }

    @Test
    void reportsMissingPathsAndDirectoriesWithoutMigrationsAsProblems() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(LintInputs.read(List.of(dir.resolve("nope"))).problems()).extracting(Object::toString)
                .containsExactly(dir.resolve("nope") + ": no such file or directory — check the path");
        assertThat(LintInputs.read(List.of(empty)).problems()).singleElement().asString()
                .contains("no migrations found");
    }
}
