package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP TABLE} of an existing table. Dropping a table drops its foreign keys, and dropping a foreign
 * key takes ACCESS EXCLUSIVE on both ends (observed on PostgreSQL 14 and 18), so the tables it references
 * are locked too; with CASCADE also the tables referencing it. Application instances still using the
 * table fail.
 */
final class DropTable extends AbstractRule {

    DropTable() {
        super("drop-table", Severity.WARNING,
                "DROP TABLE also locks every table its foreign keys reference, and breaks code still using it.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that the foreign keys declared by earlier migrations can be named. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        ReplayedDefinitions schema = new ReplayedDefinitions();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.TABLE) {
                for (QualifiedName table : drop.names()) {
                    if (context.isLiveTable(table)) {
                        findings.add(new StatementFinding(context, finding(context, drop, table, schema)));
                    }
                }
            }
            if (!(context.statement() instanceof Statement.DoBlock)) {
                schema.apply(context.statement());
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, Statement.Drop drop, QualifiedName table,
            ReplayedDefinitions schema) {
        String t = table.display();
        List<ReplayedDefinitions.ForeignKey> foreignKeys = schema.foreignKeys(table);
        List<QualifiedName> referencing = schema.referencingTables(table);
        List<String> referenced = foreignKeys.stream().map(fk -> fk.references().display()).distinct().toList();
        String lockedToo = referenced.isEmpty() ? "every table its foreign keys (if any) reference"
                : "the tables its foreign keys reference (" + String.join(", ", referenced) + ")";
        String message = "DROP TABLE " + t + " takes an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + " on "
                + t + " and on " + lockedToo + ", because dropping a foreign key locks both of its tables; every"
                + " application instance still using " + t + " fails from the moment it commits";
        if (drop.cascade()) {
            message += "; CASCADE also drops the views on " + t + " and the foreign keys of the tables referencing it"
                    + (referencing.isEmpty() ? "" : " (" + String.join(", ",
                            referencing.stream().map(QualifiedName::display).toList()) + ")")
                    + ", locking those tables as well";
        }
        StringBuilder fix = new StringBuilder("-- 1. stop using " + t + " in the application and deploy that first\n"
                + "-- 2. drop the foreign keys one at a time, each a brief lock on its two tables:\n");
        fix.append(SafeAlternatives.lockTimeout(context));
        if (foreignKeys.isEmpty()) {
            fix.append("ALTER TABLE ").append(t).append(" DROP CONSTRAINT <each foreign key of ").append(t)
                    .append(">;\n");
        }
        for (ReplayedDefinitions.ForeignKey fk : foreignKeys) {
            String name = fk.name().orElseGet(() -> GeneratedNames.constraint(table.name(), fk.columns(), "fkey",
                    taken -> false));
            fix.append("ALTER TABLE ").append(t).append(" DROP CONSTRAINT ").append(SafeAlternatives.ident(name))
                    .append(";\n");
        }
        for (QualifiedName other : referencing) {
            fix.append("ALTER TABLE ").append(other.display()).append(" DROP CONSTRAINT <its foreign key to ")
                    .append(t).append(">;\n");
        }
        fix.append("-- 3. then drop the table (without CASCADE, so it fails rather than drop what still depends on"
                + " it):\n")
                .append("DROP TABLE ").append(drop.ifExists() ? "IF EXISTS " : "").append(t).append(';');
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix.toString());
    }
}
