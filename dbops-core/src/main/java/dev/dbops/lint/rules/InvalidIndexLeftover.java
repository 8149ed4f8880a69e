package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.lock;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.List;

/**
 * {@code invalid-index-leftover}: a {@code CREATE INDEX CONCURRENTLY} that fails or is cancelled leaves an
 * INVALID index behind ({@code pg_index.indisvalid = false}), still maintained on every write but never
 * used. Two ways of writing the statement make a retry go wrong, and both can be seen in the SQL:
 * <ul>
 *   <li>{@code IF NOT EXISTS} with no {@code DROP INDEX … IF EXISTS} of the same name before it in the
 *       migration: the retry finds the invalid leftover, skips the build and succeeds without a usable index;</li>
 *   <li>no index name: the retry builds a second index under a new name ({@code …_idx1}) and the invalid
 *       one stays for good.</li>
 * </ul>
 */
final class InvalidIndexLeftover extends AbstractRule {

    InvalidIndexLeftover() {
        super("invalid-index-leftover", Severity.WARNING,
                "A retried CREATE INDEX CONCURRENTLY can keep the INVALID index a failed attempt left behind.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.CreateIndex create) || !create.concurrently()
                || context.isNewTable(create.table())) {
            return List.of();
        }
        QualifiedName table = create.table();
        String tail = StatementText.fromWord(create.source(), "on").orElse("ON " + table.display() + " (…)");
        String head = "CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS ";
        if (create.name().isEmpty()) {
            String name = GeneratedNames.index(table.name(), create.elements(), n -> false);
            return List.of(Finding.of("CREATE INDEX CONCURRENTLY on " + table.display() + " has no index name:"
                    + " if it fails or is cancelled it leaves an INVALID index " + quote(name) + ", and running the"
                    + " migration again builds a second index " + quote(name + "1") + " while the invalid one stays,"
                    + " slowing every write; the build takes " + lock(LockMode.SHARE_UPDATE_EXCLUSIVE),
                    LockMode.SHARE_UPDATE_EXCLUSIVE, TableImpact.INDEX_BUILD,
                    fix(table, name, head + quote(name) + " " + tail)));
        }
        String name = create.name().get();
        if (!create.ifNotExists() || droppedEarlier(context, name)) {
            return List.of();
        }
        return List.of(Finding.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + quote(name) + " on " + table.display()
                + ": if an earlier attempt failed or was cancelled it left an INVALID index " + quote(name)
                + ", which IF NOT EXISTS keeps without building it, so the migration succeeds without a usable index;"
                + " the build takes " + lock(LockMode.SHARE_UPDATE_EXCLUSIVE), LockMode.SHARE_UPDATE_EXCLUSIVE,
                TableImpact.INDEX_BUILD, fix(table, name, head + quote(name) + " " + tail)));
    }

    private static String fix(QualifiedName table, String name, String create) {
        return OUTSIDE_TRANSACTION + "\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS " + new QualifiedName(table.schema(), name).display()
                + ";  -- removes an invalid leftover of a failed attempt\n"
                + create + ";";
    }

    private static boolean droppedEarlier(StatementContext context, String name) {
        for (Statement earlier : context.earlierInMigration()) {
            if (earlier instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.INDEX
                    && drop.names().stream().anyMatch(n -> n.name().equals(name))) {
                return true;
            }
        }
        return false;
    }
}
