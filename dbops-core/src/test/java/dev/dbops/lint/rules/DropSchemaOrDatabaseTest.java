package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropSchemaOrDatabaseTest {

    private final LintFixture lint = LintFixture.rule("drop-schema-or-database");

    @Test
    void flagsDropSchemaCascade() {
        List<Violation> violations = lint.inTransaction("DROP SCHEMA reporting CASCADE;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.message()).contains("DROP SCHEMA reporting CASCADE drops every table",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes) on each of its tables");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("DROP TABLE reporting.<table>;").endsWith("DROP SCHEMA reporting;"));
        });
    }

    @Test
    void flagsDropDatabaseInsideTheToolTransactionOnPostgres12() {
        List<Violation> violations = lint.onPostgres(12).inTransaction("DROP DATABASE legacy;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("DROP DATABASE legacy", "cannot run inside a transaction block, which this migration runs in")
                .doesNotContain("WITH (FORCE)"));
    }

    @Test
    void mentionsForceOnPostgres13() {
        List<Violation> violations = lint.onPostgres(13).outsideTransaction("DROP DATABASE legacy;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("WITH (FORCE) terminates them").doesNotContain("which this migration runs in"));
    }

    @Test
    void acceptsDroppingASchemaCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE SCHEMA IF NOT EXISTS staging;")
                .inTransaction("DROP SCHEMA staging CASCADE;");

        assertThat(violations).isEmpty();
    }
}
