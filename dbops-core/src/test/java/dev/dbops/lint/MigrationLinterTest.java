package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.LockMode;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationLinterTest {

    /** A rule of the test's own: it records the context of every CREATE INDEX and reports it. */
    private static final class IndexProbe implements LintRule {
        final List<StatementContext> seen = new ArrayList<>();

        @Override
        public String id() {
            return "index-probe";
        }

        @Override
        public Severity severity() {
            return Severity.WARNING;
        }

        @Override
        public String title() {
            return "Reports every CREATE INDEX.";
        }

        @Override
        public List<Finding> check(StatementContext context) {
            if (!(context.statement() instanceof Statement.CreateIndex index)) {
                return List.of();
            }
            seen.add(context);
            return List.of(Finding.of("index on " + index.table().display(), LockMode.SHARE,
                    TableImpact.INDEX_BUILD, "CREATE INDEX CONCURRENTLY …"));
        }
    }

    private final IndexProbe probe = new IndexProbe();

    /** The probe alone: every built-in rule is ignored, so that only the engine's behaviour is under test. */
    private MigrationLinter linter() {
        return MigrationLinter.builder().addRule(probe)
                .ignoreRules(dev.dbops.lint.rules.BuiltInRules.all().stream().map(LintRule::id).toList()).build();
    }

    @Test
    void reportsFindingsWithRuleSeverityLocationLockAndFix() {
        LintReport report = linter().lintScript("V1__a.sql", "SELECT 1;\n\n  CREATE INDEX i ON orders (a);\n");

        assertThat(report.statements()).hasSize(2);
        Violation violation = report.violations().stream().filter(v -> v.ruleId().equals("index-probe"))
                .findFirst().orElseThrow();
        assertThat(violation.severity()).isEqualTo(Severity.WARNING);
        assertThat(violation.location().display()).isEqualTo("V1__a.sql:3:3");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).contains("CREATE INDEX CONCURRENTLY …");
        assertThat(violation.help()).contains("docs/rules/index-probe.md");
        assertThat(violation.statement()).isEqualTo("CREATE INDEX i ON orders (a)");
    }

    @Test
    void tracksTransactionsTimeoutsAndTablesCreatedByEarlierMigrations() {
        MigrationLinter linter = linter();
        linter.lint(List.of(
                MigrationScript.of("V1__create.sql", "CREATE TABLE fresh (a int);", true),
                MigrationScript.of("V2__index.sql", """
                        CREATE INDEX a ON fresh (a);
                        CREATE INDEX b ON live (a);
                        BEGIN;
                        SET LOCAL lock_timeout = '2s';
                        CREATE INDEX c ON live (a);
                        COMMIT;
                        CREATE INDEX d ON live (a);
                        SET lock_timeout = '1s';
                        CREATE INDEX e ON live (a);
                        SET lock_timeout = 0;
                        CREATE INDEX f ON live (a);
                        """, false)), List.of());

        assertThat(probe.seen).extracting(c -> c.isNewTable(((Statement.CreateIndex) c.statement()).table()))
                .containsExactly(true, false, false, false, false, false);
        assertThat(probe.seen).extracting(StatementContext::inTransaction)
                .containsExactly(false, false, true, false, false, false);
        assertThat(probe.seen).extracting(StatementContext::lockTimeoutSet)
                .containsExactly(false, false, true, false, true, false);
        assertThat(probe.seen.get(2).earlierInTransaction()).hasSize(2);
        assertThat(probe.seen.get(0).earlierInMigration()).isEmpty();
        assertThat(probe.seen.get(0).laterInMigration()).hasSize(10);
    }

    @Test
    void judgesTablesOfEarlierMigrationsLiveWhenTheyAreTakenAsAppliedAndNewTablesOfTheSameMigrationStillNew() {
        List<MigrationScript> history = List.of(
                MigrationScript.of("V1__create.sql", "CREATE TABLE orders (id int, quantity int);", true),
                MigrationScript.of("V2__widen.sql", """
                        CREATE TABLE audit (id int);
                        CREATE INDEX audit_id_idx ON audit (id);
                        ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
                        """, true));

        LintReport together = MigrationLinter.builder().build().lint(history, List.of());
        LintReport applied = MigrationLinter.builder().earlierMigrationsApplied(true).build().lint(history, List.of());

        assertThat(together.violationsAtLeast(Severity.ERROR)).isEmpty();
        assertThat(applied.violationsAtLeast(Severity.ERROR)).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo("column-type-rewrite");
            assertThat(violation.location().display()).isEqualTo("V2__widen.sql:3:1");
        });
    }

    @Test
    void treatsEveryStatementOfAToolTransactionAsOneTransaction() {
        linter().lint(List.of(MigrationScript.of("V1__x.sql",
                "SET lock_timeout = '1s'; CREATE INDEX a ON t (x); CREATE INDEX b ON t (y);", true)), List.of());

        assertThat(probe.seen).allMatch(StatementContext::inTransaction).allMatch(StatementContext::lockTimeoutSet);
        assertThat(probe.seen.get(1).earlierInTransaction()).hasSize(2);
    }

    @Test
    void checksThePlainStatementsInsideDoBlocks() {
        LintReport report = linter().lintScript("V1__do.sql", "DO $$\nBEGIN\n  CREATE INDEX i ON t (a);\nEND $$;");

        assertThat(report.violations()).extracting(v -> v.location().display()).containsExactly("V1__do.sql:3:3");
        assertThat(report.statements()).hasSize(1);
    }

    @Test
    void appliesSuppressionsOnTheStatementTheyPrecedeOrTrail() {
        LintReport report = linter().lintScript("V1__s.sql", """
                -- dbops:ignore index-probe built during the maintenance window
                CREATE INDEX a ON t (x);
                CREATE INDEX b ON t (x); -- dbops:ignore index-probe small table
                CREATE INDEX c ON t (x);
                """);

        assertThat(report.violations()).extracting(v -> v.location().line()).containsExactly(4);
    }

    @Test
    void reportsSuppressionsThatSuppressNothingOrNameUnknownRules() {
        LintReport report = linter().lintScript("V1__s.sql", """
                -- dbops:ignore-file index-probe legacy file
                -- dbops:ignore index-probe,no-such-rule reason
                SELECT 1;
                -- dbops:ignore index-probe
                CREATE INDEX a ON t (x);
                """);

        assertThat(report.violations()).extracting(Violation::ruleId, v -> v.location().line()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("unused-suppression", 2),
                org.assertj.core.groups.Tuple.tuple("invalid-suppression", 2),
                org.assertj.core.groups.Tuple.tuple("invalid-suppression", 4));
        assertThat(report.violationsAtLeast(Severity.ERROR)).hasSize(2);
    }

    @Test
    void reportsUnterminatedSqlAsAnInputProblemAndLintsTheRest() {
        LintReport report = linter().lint(List.of(
                MigrationScript.of("V1__bad.sql", "SELECT 'oops;\n", false),
                new MigrationScript("changelog.sql", "CREATE INDEX a ON t (x);", 7, true, Optional.of("1::alice"))),
                List.of(new InputProblem("V0__unreadable.sql", 0, "permission denied")));

        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(1).file()).isEqualTo("V1__bad.sql");
        Violation violation = report.violations().get(0);
        assertThat(violation.location().line()).isEqualTo(7);
        assertThat(violation.location().changeSet()).contains("1::alice");
    }

    @Test
    void rejectsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> MigrationLinter.builder().pgVersion(11).ignoreRules(List.of("nope"))
                .severity("also-nope", Severity.INFO).build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("PostgreSQL version 11")
                .hasMessageContaining("'nope'")
                .hasMessageContaining("'also-nope'")
                .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }
}
