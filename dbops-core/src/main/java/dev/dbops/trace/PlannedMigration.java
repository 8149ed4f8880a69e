package dev.dbops.trace;

import dev.dbops.lint.MigrationScript;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.TransactionMode;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A migration as the tool will run it: its statements, split as PostgreSQL splits them, and whether the
 * tool wraps them in one transaction — Flyway: one transaction per script unless a statement on its list
 * cannot run in one (then none; a script mixing both is refused unless {@code mixed=true}) or the script's
 * {@code .sql.conf} says otherwise; Liquibase: per changeset, as {@code runInTransaction} says; a plain
 * SQL file: one transaction per file, unless a statement cannot run in one (then statement by statement).
 *
 * @param migration the migration
 * @param statements its statements
 * @param transactional whether the tool runs them in one transaction
 * @param refusal why Flyway would refuse the script, when it would
 */
record PlannedMigration(Migration migration, List<PlannedStatement> statements, boolean transactional,
        Optional<String> refusal) {

    /**
     * One statement of a planned migration.
     *
     * @param source the statement as split
     * @param parsed the statement as dbops's parser reads it
     * @param line its 1-based line in the migration's file
     * @param outsideTransaction whether it cannot run inside a transaction block ({@code CONCURRENTLY}
     *     forms, {@code VACUUM}…), as far as the statement shows
     */
    record PlannedStatement(SqlStatement source, Statement parsed, int line, boolean outsideTransaction) {

        String text() {
            return source.text();
        }

        boolean isTruncate() {
            return parsed instanceof Statement.Truncate;
        }

        Optional<Statement.TransactionCommand> transactionCommand() {
            return parsed instanceof Statement.TransactionControl control ? Optional.of(control.command())
                    : Optional.empty();
        }
    }

    static PlannedMigration of(Migration migration) {
        List<PlannedStatement> statements = new ArrayList<>();
        long outsideCount = 0;
        for (SqlStatement source : SqlScript.parse(migration.sql()).statements()) {
            Statement parsed = parse(source);
            boolean toolList = TransactionMode.cannotRunInTransaction(source);
            outsideCount += toolList ? 1 : 0;
            statements.add(new PlannedStatement(source, parsed, migration.fileLine(source.start().line()),
                    toolList || isConcurrentOnly(parsed)));
        }
        TransactionMode mode = migration.transactionMode();
        if (migration.kind() == MigrationKind.PLAIN_SQL && mode == TransactionMode.TRANSACTIONAL) {
            mode = TransactionMode.AUTO_MIXED;
        }
        Optional<String> refusal = Optional.empty();
        if (mode.refusesMixedStatements() && outsideCount > 0 && outsideCount < statements.size()) {
            refusal = Optional.of(migration.location() + ": Flyway refuses this script: it mixes statements that cannot"
                    + " run in a transaction (" + outsideCount + " of " + statements.size() + ") with ones that can;"
                    + " move the non-transactional statement into its own migration, or set Flyway's mixed=true");
        }
        boolean transactional = mode.resolve(outsideCount > 0) == TransactionMode.TRANSACTIONAL;
        return new PlannedMigration(migration, List.copyOf(statements), transactional, refusal);
    }

    /** The script the linter checks: the same SQL, with the transaction the tool will really use. */
    MigrationScript lintScript() {
        return new MigrationScript(migration.location(), migration.sql(), migration.firstLine(), transactional,
                migration.changeSet().map(ref -> ref.id() + "::" + ref.author()), migration.verbatim());
    }

    /** Statements that cannot run in a transaction block but are not on Flyway's list. */
    private static boolean isConcurrentOnly(Statement statement) {
        if (statement instanceof Statement.Reindex reindex) {
            return reindex.concurrently();
        }
        if (statement instanceof Statement.AlterTable alter) {
            return alter.actions().stream().anyMatch(action -> action instanceof AlterTableAction.DetachPartition detach
                    && detach.concurrently());
        }
        return false;
    }

    private static Statement parse(SqlStatement source) {
        try {
            return StatementParser.parse(source);
        } catch (RuntimeException parserDefect) {
            return new Statement.Unparsed(source, "the parser failed on this statement: " + parserDefect);
        }
    }
}
