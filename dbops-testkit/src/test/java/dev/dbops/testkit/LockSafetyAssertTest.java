package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockSafetyAssertTest {

    @Test
    void passesForMigrationsThatTakeNoDangerousLock() {
        assertThat(migrations("classpath:db/traced")).areLockSafe();
    }

    @Test
    void failsALockOnATableAnEarlierMigrationCreatedUnlessTheMigrationsAreJudgedAsOneBatch() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).areLockSafe())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/safe] to be lock-safe on PostgreSQL 15"
                        + " (failing on error or worse),\nbut found 1 violation:\n\n")
                .hasMessageContaining("classpath:db/safe/V2__index_users_email.sql:1:1: error"
                        + "[require-concurrent-index-creation]")
                .hasMessageContaining("CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);");

        assertThat(migrations("classpath:db/safe")).judgingAsOneBatch().areLockSafe();
    }

    @Test
    void saysWhenItJudgedTheMigrationsAsOneBatch() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe")).judgingAsOneBatch().areLockSafe())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/unsafe] to be lock-safe on"
                        + " PostgreSQL 15, the migrations judged as one batch on a fresh database (failing on error or"
                        + " worse),\nbut found ");
    }

    @Test
    void listsEveryViolationWithItsFileLineAndFix() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe")).areLockSafe())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/unsafe] to be lock-safe on PostgreSQL 15"
                        + " (failing on error or worse),\nbut found 3 violations:\n\n")
                .hasMessageContaining("classpath:db/unsafe/V7__index_orders_created_at.sql:2:1: error"
                        + "[require-concurrent-index-creation]")
                .hasMessageContaining("  fix:\n    -- in a migration of its own that runs outside a transaction")
                .hasMessageContaining("\n    CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\n")
                .hasMessageContaining("classpath:db/unsafe/V8__require_order_status.sql:3:1: error[check-not-valid] ADD"
                        + " CHECK orders_total_positive on orders takes ACCESS EXCLUSIVE lock")
                .hasMessageContaining("classpath:db/unsafe/V8__require_order_status.sql:3:1:"
                        + " error[statements-after-access-exclusive]")
                .hasMessageContaining("\n3 statements in 2 files: 3 errors, 0 warnings, 0 infos (PostgreSQL 15)\n")
                .hasMessageEndingWith("(6 violations below error are not shown: they do not fail the assertion)\n");
    }

    @Test
    void failsOnWarningsWhenTheThresholdIsLowered() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe")).failingOn(Severity.WARNING).areLockSafe())
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/unsafe] to be lock-safe on PostgreSQL 15"
                        + " (failing on warning or worse),\nbut found 8 violations:")
                .hasMessageContaining("V8__require_order_status.sql:1:1: warning[require-lock-timeout]")
                .hasMessageEndingWith("(1 violation below warning is not shown: it does not fail the assertion)\n");
    }

    @Test
    void leavesIgnoredRulesOutAndSaysSo() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe"))
                        .ignoringRules("require-concurrent-index-creation").areLockSafe())
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/unsafe] to be lock-safe on PostgreSQL 15"
                        + " (failing on error or worse, ignoring require-concurrent-index-creation),\nbut found 2 violations:")
                .hasMessageNotContaining("error[require-concurrent-index-creation]");
    }

    @Test
    void judgesForThePostgresVersionGiven() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe")).onPostgres(12).areLockSafe())
                .hasMessageContaining("to be lock-safe on PostgreSQL 12 ");
    }

    @Test
    void rejectsAnUnknownRuleIdSuggestingTheNearestOne() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).ignoringRules("require-lock-timout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid lint configuration: cannot ignore unknown rule 'require-lock-timout'; see docs/rules/"
                        + " for the rule ids; did you mean 'require-lock-timeout'");
    }

    @Test
    void rejectsAPostgresVersionTheRulesDoNotKnow() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).onPostgres(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid lint configuration: PostgreSQL version 11 is not supported; use 12 to 18");
    }

    @Test
    void failsForALocationThatDoesNotExist() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/migrashun")).areLockSafe())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting migrations at [classpath:db/migrashun],\nbut migration location"
                        + " classpath:db/migrashun is not on the classpath: check the path (resources from"
                        + " src/main/resources sit at the classpath root), or give a file system path");
    }

    @Test
    void rejectsAnEmptyLocationAtOnce() {
        assertThatThrownBy(() -> migrations("classpath:db/safe", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid MigrationSource configuration: a location is empty: give a directory, a file, or"
                        + " classpath:path");
    }

    @Test
    void failsForALocationWithoutMigrations(@TempDir Path empty) {
        assertThatThrownBy(() -> assertThat(migrations(empty.toString())).areLockSafe())
                .hasMessage("Expecting migrations at [" + empty + "],\nbut there are none: check the location, and that"
                        + " Flyway files are named V<version>__<description>.sql");
    }

    @Test
    void reportsAFileThatCannotBeLintedAsAFailure(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__uses_placeholder.sql"), "CREATE TABLE ${table} (id bigint);\n");

        assertThatThrownBy(() -> assertThat(migrations("filesystem:" + dir)).areLockSafe())
                .hasMessageContaining("but found 0 violations and 1 file that could not be linted:")
                .hasMessageContaining("V1__uses_placeholder.sql:1: problem: ");
    }

    @Test
    void prefixesTheFailureWithTheDescriptionGiven() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/unsafe")).as("release 7").areLockSafe())
                .hasMessageStartingWith("[release 7] Expecting the migrations at [classpath:db/unsafe]");
    }
}
