package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTypeSafeWideningTest {

    private final LintFixture lint = LintFixture.rule("column-type-safe-widening");

    @Test
    void flagsAVarcharWideningWithoutLockTimeoutButNotAsARewrite() {
        List<Violation> violations = lint.after("ALTER TABLE users ADD COLUMN name varchar(100);")
                .inTransaction("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.INFO);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("ALTER COLUMN name TYPE varchar(200) on users does not rewrite the table",
                    "varchar(100) to varchar(200) only raises the length limit; indexes are kept",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes)", "every later query on users queues behind it");
            assertThat(v.fix()).contains("SET LOCAL lock_timeout = '2s';  -- retry when it times out\n"
                    + "ALTER TABLE users ALTER COLUMN name TYPE varchar(200);");
        });
    }

    @Test
    void acceptsAWideningRunWithLockTimeout() {
        List<Violation> violations = lint.after("ALTER TABLE users ADD COLUMN name varchar(100);")
                .inTransaction("SET LOCAL lock_timeout = '2s'; ALTER TABLE users ALTER COLUMN name TYPE text;");

        assertThat(violations).isEmpty();
    }

    @Test
    void statesTheConditionWhenTheCurrentTypeIsUnknown() {
        List<Violation> violations = lint.withLockTimeoutConfigured()
                .inTransaction("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).contains("is metadata-only if name is currently varchar(n) with n <= 200",
                    "dbops cannot see the current type of name", "from any other type it rewrites the table");
            assertThat(v.fix()).contains("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);");
        });
    }

    @Test
    void warnsThatTimestampToTimestamptzDependsOnTheSessionTimeZoneOnPostgres12() {
        List<Violation> violations = lint.onPostgres(12).after("ALTER TABLE events ADD COLUMN at timestamp;")
                .outsideTransaction("ALTER TABLE events ALTER COLUMN at TYPE timestamptz;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.impact()).isEqualTo(TableImpact.INDEX_BUILD);
            assertThat(v.message()).contains("needs no rewrite only while the session TimeZone is UTC",
                    "otherwise it rewrites the table", "every index containing at is rebuilt");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("SET TimeZone = 'UTC';").contains("SET lock_timeout = '2s';")
                    .contains("ALTER TABLE events ALTER COLUMN at TYPE timestamptz;"));
        });
    }

    @Test
    void reportsIndexRebuildsEvenWithLockTimeout() {
        List<Violation> violations = lint.withLockTimeoutConfigured()
                .after("ALTER TABLE users ADD COLUMN email text;")
                .inTransaction("ALTER TABLE users ALTER COLUMN email TYPE citext;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.impact()).isEqualTo(TableImpact.INDEX_BUILD);
            assertThat(v.message()).contains("rebuilds every index containing email");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).doesNotContain("lock_timeout")
                    .contains("DROP INDEX CONCURRENTLY"));
        });
    }

    @Test
    void staysSilentWhenAnotherActionOfTheStatementRewritesTheTable() {
        List<Violation> violations = lint.after("ALTER TABLE users ADD COLUMN name varchar(100), ADD COLUMN n int;")
                .inTransaction("ALTER TABLE users ALTER COLUMN name TYPE varchar(200), ALTER COLUMN n TYPE bigint;");

        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsTypeChangesOnTablesCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE users (name varchar(100));")
                .inTransaction("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);");

        assertThat(violations).isEmpty();
    }
}
