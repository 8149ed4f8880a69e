package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER COLUMN … TYPE} that PostgreSQL performs without rewriting the table: varchar(n) →
 * varchar(m ≥ n) or text, numeric precision increase with the same scale, cidr → inet, time and
 * timestamp precision increase, bit varying widening, and (with the session TimeZone UTC) timestamp ↔
 * timestamptz. It is never reported as a rewrite. What remains is the ACCESS EXCLUSIVE lock: brief once
 * granted, but while it waits every later query on the table queues behind it, so it is reported (as INFO)
 * when no {@code lock_timeout} is set. It is always reported, as WARNING, when indexes on the column are
 * rebuilt under that lock, when the session time zone decides, or when dbops cannot see the column's
 * current type.
 */
final class ColumnTypeSafeWidening extends AbstractRule {

    ColumnTypeSafeWidening() {
        super("column-type-safe-widening", Severity.WARNING,
                "ALTER COLUMN … TYPE without a rewrite still takes ACCESS EXCLUSIVE; run it with lock_timeout.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that the column's current type, declared by earlier migrations, is known. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (ColumnTypeChanges.Change change : ColumnTypeChanges.in(statements)) {
            TypeChange.Outcome outcome = change.change().outcome();
            if (outcome == TypeChange.Outcome.REWRITE || change.statementRewrites()) {
                continue;
            }
            if (outcome == TypeChange.Outcome.METADATA_ONLY && change.context().lockTimeoutSet()) {
                continue;
            }
            Finding finding = finding(change);
            if (outcome == TypeChange.Outcome.METADATA_ONLY) {
                finding = finding.withSeverity(Severity.INFO);
            }
            findings.add(new StatementFinding(change.context(), finding));
        }
        return findings;
    }

    private static Finding finding(ColumnTypeChanges.Change change) {
        QualifiedName table = change.statement().table();
        AlterTableAction.AlterColumnType action = change.action();
        StatementContext context = change.context();
        String t = table.display();
        String c = SafeAlternatives.ident(action.column());
        String lock = SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE);
        String head = "ALTER COLUMN " + c + " TYPE " + action.type().text() + " on " + t;
        String queue = "; once granted it is brief, but while it waits for running transactions every later query on "
                + t + " queues behind it";
        TableImpact impact = TableImpact.NONE;
        String message;
        String preamble = "";
        switch (change.change().outcome()) {
            case METADATA_ONLY:
                message = head + " does not rewrite the table (" + change.change().reason() + "; indexes are kept),"
                        + " but it takes an " + lock + queue;
                break;
            case INDEXES_REBUILT:
                impact = TableImpact.INDEX_BUILD;
                message = head + " does not rewrite the table, but rebuilds every index containing " + c
                        + " from the whole table under an " + lock + ": " + change.change().reason();
                break;
            case TIME_ZONE_DEPENDENT:
                impact = TableImpact.INDEX_BUILD;
                message = head + ": " + change.change().reason() + " needs no rewrite only while the session TimeZone"
                        + " is UTC, which dbops cannot see (PgJDBC sets it from the JVM's time zone); otherwise it"
                        + " rewrites the table. Either way every index containing " + c + " is rebuilt under an "
                        + lock;
                preamble = (context.inTransaction() ? "SET LOCAL" : "SET") + " TimeZone = 'UTC';  -- makes the"
                        + " conversion rewrite-free\n";
                break;
            default:
                message = head + " is metadata-only if " + change.change().reason() + "; dbops cannot see the current"
                        + " type of " + c + " (" + t + " was created before the linted migrations), and from any other"
                        + " type it rewrites the table. Either way it takes an " + lock + queue;
                break;
        }
        String indexes = impact == TableImpact.INDEX_BUILD
                ? "-- on a large table, drop the indexes containing " + c + " with DROP INDEX CONCURRENTLY first and"
                        + " recreate them with CREATE INDEX CONCURRENTLY afterwards\n"
                : "";
        String fix = indexes + preamble
                + (context.lockTimeoutSet() ? "" : (context.inTransaction() ? "SET LOCAL" : "SET")
                        + " lock_timeout = '2s';  -- retry when it times out\n")
                + "ALTER TABLE " + t + " " + action.text() + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, impact, fix);
    }
}
