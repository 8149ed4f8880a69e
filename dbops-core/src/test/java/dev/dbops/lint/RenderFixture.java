package dev.dbops.lint;

import dev.dbops.LockMode;
import dev.dbops.lint.rules.BuiltInRules;
import dev.dbops.sql.Statement;
import java.util.List;

/**
 * Example rules of the renderer tests' own (the built-in ones are written elsewhere) and one migration set that
 * exercises every part of every format: an error with a fix on a statement spanning two lines, a warning
 * without fix, an info, a new-table exemption, a suppression, and an unreadable file.
 */
final class RenderFixture {

    static final String MIGRATION = """
            CREATE TABLE fresh (id bigint);
            CREATE INDEX fresh_id_idx ON fresh (id);
            -- dbops:ignore example-index built off-peak
            CREATE INDEX quiet_idx ON orders (customer_id);
              CREATE INDEX orders_created_idx
                ON orders (created_at);
            ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
            VACUUM orders;
            """;

    static final InputProblem UNREADABLE = new InputProblem("db/V0__broken.sql", 0,
            "cannot read: not UTF-8 text — save the file as UTF-8");

    private RenderFixture() {
    }

    /** Flags CREATE INDEX without CONCURRENTLY on a live table, as an error with a fix. */
    static final LintRule INDEX = new TestRule("example-index", Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY blocks writes.") {
        @Override
        public List<Finding> check(StatementContext context) {
            if (context.statement() instanceof Statement.CreateIndex index && !index.concurrently()
                    && context.isLiveTable(index.table())) {
                String name = index.name().orElse("");
                return List.of(Finding.of("CREATE INDEX on " + index.table().display()
                                + " takes SHARE (blocks writes) for the whole index build",
                        LockMode.SHARE, TableImpact.INDEX_BUILD,
                        "CREATE INDEX CONCURRENTLY " + name + " ON " + index.table().display() + " ("
                                + String.join(", ", index.elements()) + ");"));
            }
            return List.of();
        }
    };

    /** Flags every ALTER TABLE as a rewrite, as a warning without fix. */
    static final LintRule ALTER = new TestRule("example-rewrite", Severity.WARNING,
            "ALTER TABLE may rewrite the table.") {
        @Override
        public List<Finding> check(StatementContext context) {
            if (context.statement() instanceof Statement.AlterTable alter) {
                return List.of(Finding.withoutFix("ALTER TABLE " + alter.table().display()
                        + " takes ACCESS EXCLUSIVE and rewrites it", LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE));
            }
            return List.of();
        }
    };

    /** Notes every VACUUM, as an info. */
    static final LintRule VACUUM = new TestRule("example-vacuum", Severity.INFO, "VACUUM in a migration is slow.") {
        @Override
        public List<Finding> check(StatementContext context) {
            if (context.statement() instanceof Statement.Vacuum) {
                return List.of(Finding.withoutFix("VACUUM orders takes a while", LockMode.SHARE_UPDATE_EXCLUSIVE,
                        TableImpact.SCAN));
            }
            return List.of();
        }
    };

    static final List<LintRule> RULES = List.of(INDEX, ALTER, VACUUM);

    /** A linter with only the example rules: the built-in ones would change these tests' output as they land. */
    static MigrationLinter linter() {
        MigrationLinter.Builder builder = MigrationLinter.builder()
                .ignoreRules(BuiltInRules.all().stream().map(LintRule::id).toList());
        RULES.forEach(builder::addRule);
        return builder.build();
    }

    /** The report of {@link #MIGRATION} as {@code db/V1__orders.sql}, plus {@link #UNREADABLE}. */
    static LintReport report() {
        return linter().lint(List.of(MigrationScript.of("db/V1__orders.sql", MIGRATION, false)), List.of(UNREADABLE));
    }

    /** A report of one script, linted with the sample rules. */
    static LintReport report(String file, String sql) {
        return linter().lint(List.of(MigrationScript.of(file, sql, false)), List.of());
    }

    static LintRenderOptions options() {
        return LintRenderOptions.builder().rules(linter().rules()).build();
    }

    private abstract static class TestRule implements LintRule {
        private final String id;
        private final Severity severity;
        private final String title;

        TestRule(String id, Severity severity, String title) {
            this.id = id;
            this.severity = severity;
            this.title = title;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Severity severity() {
            return severity;
        }

        @Override
        public String title() {
            return title;
        }
    }
}
