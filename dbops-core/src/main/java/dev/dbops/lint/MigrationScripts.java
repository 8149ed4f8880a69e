package dev.dbops.lint;

import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.TransactionMode;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a loaded {@link MigrationSet} into the scripts the linter runs, with the transaction mode the
 * tool will really use: Flyway decides per script from its statements (a {@code CREATE INDEX
 * CONCURRENTLY} makes the whole script run without a transaction), Liquibase per changeset.
 */
final class MigrationScripts {

    private final List<MigrationScript> scripts = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();

    private MigrationScripts() {
    }

    static MigrationScripts of(MigrationSet set, boolean plainScriptsInTransaction) {
        MigrationScripts result = new MigrationScripts();
        for (MigrationProblem problem : set.problems()) {
            result.problems.add(new InputProblem(problem.location(), problem.line().orElse(0), problem.message()));
        }
        for (Migration migration : set.migrations()) {
            result.add(migration, plainScriptsInTransaction);
        }
        return result;
    }

    List<MigrationScript> scripts() {
        return scripts;
    }

    List<InputProblem> problems() {
        return problems;
    }

    private void add(Migration migration, boolean plainScriptsInTransaction) {
        boolean transactional;
        TransactionMode mode = migration.transactionMode();
        if (migration.kind() == MigrationKind.PLAIN_SQL) {
            transactional = plainScriptsInTransaction;
        } else if (mode == TransactionMode.AUTO || mode == TransactionMode.AUTO_MIXED) {
            List<SqlStatement> statements = SqlScript.parse(migration.sql()).statements();
            long outside = statements.stream().filter(TransactionMode::cannotRunInTransaction).count();
            if (outside > 0 && outside < statements.size() && mode.refusesMixedStatements()) {
                problems.add(new InputProblem(migration.location(), migration.firstLine(), "Flyway refuses this script: "
                        + "it mixes statements that cannot run in a transaction (" + outside + " of "
                        + statements.size() + ") with ones that can; move the non-transactional statement into its "
                        + "own migration, or set Flyway's mixed=true (then the whole script runs without a transaction)"));
            }
            transactional = mode.resolve(outside > 0) == TransactionMode.TRANSACTIONAL;
        } else {
            transactional = mode == TransactionMode.TRANSACTIONAL;
        }
        scripts.add(new MigrationScript(migration.location(), migration.sql(), migration.firstLine(), transactional,
                migration.changeSet().map(ref -> ref.id() + "::" + ref.author()), migration.verbatim()));
    }
}
