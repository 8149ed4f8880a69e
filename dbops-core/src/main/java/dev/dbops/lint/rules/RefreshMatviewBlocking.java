package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import java.util.List;

/**
 * {@code REFRESH MATERIALIZED VIEW} without {@code CONCURRENTLY} holds ACCESS EXCLUSIVE on the view while
 * its whole query runs again, so every read of the view waits. {@code CONCURRENTLY} takes EXCLUSIVE, which
 * lets reads go on, and needs a unique index on plain columns of the view. Views created earlier in the
 * linted migrations are exempt.
 */
final class RefreshMatviewBlocking extends AbstractRule {

    RefreshMatviewBlocking() {
        super("refresh-matview-blocking", Severity.ERROR,
                "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view until its query has run.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.RefreshMaterializedView refresh) || refresh.concurrently()
                || context.isNewTable(refresh.view())) {
            return List.of();
        }
        String view = refresh.view().display();
        String lock = MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE);
        if (withNoData(refresh)) {
            String message = "REFRESH MATERIALIZED VIEW " + view + " WITH NO DATA takes " + lock
                    + " and empties the view: every query on " + view + " then fails (materialized view \""
                    + refresh.view().name() + "\" has not been populated) until a full refresh";
            String fix = "-- keep the view populated and refresh it without blocking its readers instead:\n"
                    + "REFRESH MATERIALIZED VIEW CONCURRENTLY " + view + ";";
            return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix));
        }
        String message = "REFRESH MATERIALIZED VIEW " + view + " takes " + lock + " on " + view
                + " while its whole query runs again and " + TableImpact.REWRITE.description()
                + ": every read of " + view + " waits until it is done";
        String index = hasUsableUniqueIndex(context, refresh.view()) ? ""
                : "-- CONCURRENTLY needs a unique index on plain columns of the view (no expression, no WHERE); once, "
                        + MaintenanceWording.OUTSIDE_TRANSACTION + ":\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY "
                        + MaintenanceWording.identifier(refresh.view().name() + "_key") + " ON " + view
                        + " (<columns that identify a row>);\n";
        String fix = index
                + "-- takes EXCLUSIVE lock instead: reads of the view go on; it needs the view populated and runs"
                + " longer than a plain refresh\n"
                + "REFRESH MATERIALIZED VIEW CONCURRENTLY " + view + ";";
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
    }

    private static boolean withNoData(Statement.RefreshMaterializedView refresh) {
        List<Token> tokens = refresh.source().tokens();
        int n = tokens.size();
        return n >= 3 && tokens.get(n - 3).is("with") && tokens.get(n - 2).is("no") && tokens.get(n - 1).is("data");
    }

    private static boolean hasUsableUniqueIndex(StatementContext context, QualifiedName view) {
        for (Statement earlier : context.earlierInMigration()) {
            if (earlier instanceof Statement.CreateIndex index && index.unique() && index.where().isEmpty()
                    && index.table().sameObjectAs(view)
                    && index.elements().stream().noneMatch(element -> element.contains("("))) {
                return true;
            }
        }
        return false;
    }
}
