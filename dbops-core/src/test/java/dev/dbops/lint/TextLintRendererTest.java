package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextLintRendererTest {

    static final String EXPECTED = """
            db/V1__orders.sql:5:3: error[example-index] CREATE INDEX on orders takes SHARE (blocks writes) for the whole index build
                5 |   CREATE INDEX orders_created_idx
                  |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                6 |     ON orders (created_at)
              lock: SHARE (blocks writes); builds an index from the whole table
              fix:
                CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
              help: CREATE INDEX without CONCURRENTLY blocks writes. See docs/rules/example-index.md.

            db/V1__orders.sql:7:1: warning[example-rewrite] ALTER TABLE orders takes ACCESS EXCLUSIVE and rewrites it
                7 | ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)
                  | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
              lock: ACCESS EXCLUSIVE (blocks reads and writes); rewrites the table and its indexes
              help: ALTER TABLE may rewrite the table. See docs/rules/example-rewrite.md.

            db/V1__orders.sql:8:1: info[example-vacuum] VACUUM orders takes a while
                8 | VACUUM orders
                  | ^~~~~~~~~~~~~
              lock: SHARE UPDATE EXCLUSIVE (blocks other DDL, VACUUM and ANALYZE); scans the whole table
              help: VACUUM in a migration is slow. See docs/rules/example-vacuum.md.

            db/V0__broken.sql: problem: cannot read: not UTF-8 text — save the file as UTF-8

            6 statements in 2 files: 1 error, 1 warning, 1 info, 1 input problem (PostgreSQL 15)
            """;

    @Test
    void rendersEachViolationLikeACompilerThenProblemsAndASummary() {
        assertThat(LintFormat.TEXT.render(RenderFixture.report())).isEqualTo(EXPECTED);
    }

    @Test
    void rendersTheSameReportToTheSameText() {
        assertThat(LintFormat.TEXT.render(RenderFixture.report())).isEqualTo(LintFormat.TEXT.render(RenderFixture.report()));
    }

    @Test
    void printsOnlyTheSummaryWhenNothingIsFound() {
        LintReport report = RenderFixture.report("V1__ok.sql", "SELECT 1;\nSELECT 2;\n");

        assertThat(LintFormat.TEXT.render(report))
                .isEqualTo("2 statements in 1 file: 0 errors, 0 warnings, 0 infos (PostgreSQL 15)\n");
    }

    @Test
    void showsTheFirstThreeLinesOfALongStatementAndCountsTheRest() {
        LintReport report = RenderFixture.report("V2__long.sql",
                "ALTER TABLE orders\n  ADD COLUMN a int,\n  ADD COLUMN b int,\n  ADD COLUMN c int,\n  ADD COLUMN d int;\n");

        assertThat(LintFormat.TEXT.render(report)).contains("""
                    1 | ALTER TABLE orders
                      | ^~~~~~~~~~~~~~~~~~
                    2 |   ADD COLUMN a int,
                    3 |   ADD COLUMN b int,
                      | … 2 more lines
                """);
    }

    @Test
    void showsNoStatementForSuppressionChecksWhoseLocationIsTheComment() {
        LintReport report = RenderFixture.report("V3__s.sql", "-- dbops:ignore example-vacuum not needed\nSELECT 1;\n");

        assertThat(LintFormat.TEXT.render(report)).isEqualTo("""
                V3__s.sql:1:1: warning[unused-suppression] dbops:ignore example-vacuum suppresses nothing on the statement it precedes
                  help: Remove the suppression, or move it next to the statement it is meant for.

                1 statement in 1 file: 0 errors, 1 warning, 0 infos (PostgreSQL 15)
                """);
    }

    @Test
    void expandsTabsHidesControlCharactersAndNamesTheChangeSet() {
        SourceLocation at = new SourceLocation("changelog.xml", 12, 5, 12, 30, Optional.of("7::alice"));
        Violation violation = new Violation("example-rewrite", Severity.WARNING, "message", "help", at,
                "ALTER\tTABLE t \u001b[31mred", LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, Optional.of("a;\nb;\n"));
        LintReport report = new LintReport(16, List.of(new LintedStatement(at, violation.statement(), true,
                List.of(violation))), List.of());

        assertThat(LintFormat.TEXT.render(report)).isEqualTo("""
                changelog.xml:12:5: warning[example-rewrite] message
                   12 |     ALTER    TABLE t ?[31mred
                      |     ^~~~~~~~~~~~~~~~~~~~~~~~~
                  changeset: 7::alice
                  lock: ACCESS EXCLUSIVE (blocks reads and writes); no scan, no rewrite
                  fix:
                    a;
                    b;
                  help: help

                1 statement in 1 file: 0 errors, 1 warning, 0 infos (PostgreSQL 16)
                """);
    }
}
