package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class UniqueConstraintBuildsIndexTest {

    private final LintFixture lint = LintFixture.rule("unique-constraint-builds-index");

    @Test
    void flagsAUniqueConstraintAddedToALiveTable() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE users ADD UNIQUE (email);"))
                .singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ADD UNIQUE users_email_key on users takes ACCESS EXCLUSIVE lock"
                + " (blocks reads and writes) and builds an index from the whole table while holding it");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("executeInTransaction=false",
                "\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n")
                .endsWith("\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;"));
    }

    @Test
    void carriesIncludeNullsNotDistinctAndDeferrableIntoTheSteps() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE users ADD CONSTRAINT users_email_uq"
                + " UNIQUE NULLS NOT DISTINCT (email) INCLUDE (id) DEFERRABLE INITIALLY DEFERRED;"))
                .singleElement().actual();

        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email) INCLUDE (id) NULLS NOT DISTINCT;",
                "ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_uq DEFERRABLE INITIALLY DEFERRED;"));
    }

    @Test
    void flagsANewUniqueColumnAndAddsItWithoutTheConstraintFirst() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE users ADD COLUMN handle text UNIQUE;"))
                .singleElement().actual();

        assertThat(violation.message()).startsWith("ADD COLUMN handle … UNIQUE on users takes ACCESS EXCLUSIVE");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("ALTER TABLE users ADD COLUMN handle text;\n")
                .contains("CREATE UNIQUE INDEX CONCURRENTLY users_handle_key ON users (handle);"));
    }

    @Test
    void acceptsAUniqueConstraintUsingAnIndexBuiltConcurrently() {
        assertThat(lint.after("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);")
                .inTransaction("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;"))
                .isEmpty();
    }

    @Test
    void acceptsAUniqueConstraintOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE users (id bigint, email text);")
                .inTransaction("ALTER TABLE users ADD UNIQUE (email);")).isEmpty();
    }
}
