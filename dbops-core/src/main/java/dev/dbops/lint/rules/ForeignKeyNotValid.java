package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.LATER_MIGRATION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnList;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnWithoutKeys;
import static dev.dbops.lint.rules.IndexAndConstraintRules.lock;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.ForeignKeyReference;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code foreign-key-not-valid}: adding a validated foreign key to an existing table takes SHARE ROW
 * EXCLUSIVE on both tables, blocking their writes, while it checks every row of the referencing table.
 * {@code NOT VALID} skips the check (the lock is then brief), and {@code VALIDATE CONSTRAINT} in a later
 * transaction checks the rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
 *
 * <p>A key on a table created earlier in the migrations is not reported: there are no rows to check, and
 * the referenced table is locked only for a moment. An inline {@code ADD COLUMN … REFERENCES} is reported
 * only when the new column gets a value (DEFAULT, serial, generated): without one every row holds NULL and
 * PostgreSQL skips the check. PostgreSQL 18's {@code NOT ENFORCED} keys are not checked either.
 *
 * <p>Reports from {@link #afterAll}: whether the table is partitioned (before PostgreSQL 18 a partitioned
 * table refuses NOT VALID keys, so the fix goes through its partitions) may show in an earlier migration.
 */
final class ForeignKeyNotValid extends AbstractRule {

    private static final Pattern NOT_ENFORCED = Pattern.compile("(?i)\\bnot\\s+enforced\\b");
    private static final Pattern LEADING_ADD = Pattern.compile(
            "(?i)^add\\s+(constraint\\s+(\"([^\"]|\"\")*\"|[\\p{L}_][\\p{L}\\p{N}_$]*)\\s+)?(?=foreign\\b)");
    private static final Pattern REFERENTIAL_ACTION = Pattern.compile(
            "(?i)\\bon\\s+(delete|update)\\s+(no\\s+action|restrict|cascade|set\\s+null|set\\s+default)"
                    + "(\\s*\\([^)]*\\))?");

    ForeignKeyNotValid() {
        super("foreign-key-not-valid", Severity.ERROR,
                "A foreign key added without NOT VALID blocks writes to both tables while it checks every row.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        DeclaredSchema schema = new DeclaredSchema();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.AlterTable alter && context.isLiveTable(alter.table())) {
                for (Finding finding : check(context, alter, schema)) {
                    findings.add(new StatementFinding(context, finding));
                }
            }
            schema.apply(context.statement());
        }
        return findings;
    }

    private static List<Finding> check(StatementContext context, Statement.AlterTable alter, DeclaredSchema schema) {
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY && !add.constraint().notValid()
                    && add.constraint().references().isPresent() && !NOT_ENFORCED.matcher(add.text()).find()) {
                boolean partitionedBefore18 = context.pgVersion() < 18 && schema.isPartitioned(alter.table());
                findings.add(addConstraint(alter, add,
                        partitionedBefore18 ? schema.partitionsOf(alter.table()) : List.of(), partitionedBefore18));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().references().isPresent()
                    && getsValue(add.column())) {
                findings.add(addColumn(alter, add));
            }
        }
        return findings;
    }

    private static Finding addConstraint(Statement.AlterTable alter, AlterTableAction.AddConstraint add,
            List<QualifiedName> partitions, boolean partitioned) {
        QualifiedName table = alter.table();
        TableConstraint constraint = add.constraint();
        ForeignKeyReference reference = constraint.references().get();
        String name = constraint.name().orElseGet(() -> generatedName(table, constraint.columns()));
        String definition = definition(add.text()).orElseGet(() -> "FOREIGN KEY " + columnList(constraint.columns())
                + " REFERENCES " + target(reference));
        String message = "ADD FOREIGN KEY " + quote(name) + " on " + (partitioned ? "partitioned table " : "")
                + table.display() + " → " + reference.table().display() + " takes "
                + lock(LockMode.SHARE_ROW_EXCLUSIVE) + " on " + table.display() + " and on "
                + reference.table().display() + " and " + TableImpact.SCAN.description() + " (" + table.display()
                + ") to check every row against " + reference.table().display() + " while holding them";
        if (partitioned) {
            return Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.SCAN,
                    partitionedSteps(table, name, definition, partitions));
        }
        String fix = alterTable(alter) + "ADD CONSTRAINT " + quote(name) + " " + definition + " NOT VALID;"
                + (alter.actions().size() > 1 ? "  -- the statement's other subcommands stay as they are" : "")
                + "\n" + validate(alter, table, name, reference);
        return Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.SCAN, fix);
    }

    /**
     * Before PostgreSQL 18 a partitioned table refuses NOT VALID foreign keys; keys added NOT VALID to each
     * partition and validated there are adopted by the parent's key without a scan.
     */
    private static String partitionedSteps(QualifiedName table, String name, String definition,
            List<QualifiedName> partitions) {
        List<String> children = new ArrayList<>();
        for (QualifiedName partition : partitions) {
            children.add(partition.display());
        }
        StringBuilder fix = new StringBuilder("-- PostgreSQL 12 to 17 refuse NOT VALID for a foreign key on a"
                + " partitioned table; add it to each partition first");
        if (children.isEmpty()) {
            fix.append(" (no partition of ").append(table.display())
                    .append(" is created in these migrations: list them with \\d+ ").append(table.display())
                    .append(')');
            children.add("<partition>");
        }
        fix.append(":\n");
        for (String child : children) {
            fix.append("ALTER TABLE ").append(child).append(" ADD CONSTRAINT ").append(quote(name)).append(' ')
                    .append(definition).append(" NOT VALID;\n");
        }
        fix.append(LATER_MIGRATION).append('\n');
        for (String child : children) {
            fix.append("ALTER TABLE ").append(child).append(" VALIDATE CONSTRAINT ").append(quote(name)).append(";\n");
        }
        fix.append("-- then the parent's key adopts the validated keys of the partitions without a scan:\n")
                .append("ALTER TABLE ").append(table.display()).append(" ADD CONSTRAINT ").append(quote(name))
                .append(' ').append(definition).append(';');
        return fix.toString();
    }

    /** The constraint as written after its leading {@code ADD [CONSTRAINT name]}: {@code FOREIGN KEY …}. */
    private static Optional<String> definition(String subcommand) {
        Matcher leading = LEADING_ADD.matcher(subcommand.strip());
        return leading.find() ? Optional.of(subcommand.strip().substring(leading.end())) : Optional.empty();
    }

    private static Finding addColumn(Statement.AlterTable alter, AlterTableAction.AddColumn add) {
        QualifiedName table = alter.table();
        ColumnDefinition column = add.column();
        ForeignKeyReference reference = column.references().get();
        String name = generatedName(table, List.of(column.name()));
        StringBuilder actions = new StringBuilder();
        Matcher action = REFERENTIAL_ACTION.matcher(add.text());
        while (action.find()) {
            actions.append(' ').append(action.group().strip());
        }
        String message = "ADD COLUMN " + quote(column.name()) + " … REFERENCES " + reference.table().display()
                + " gives every existing row of " + table.display() + " a value, so it takes "
                + lock(LockMode.ACCESS_EXCLUSIVE) + " on " + table.display() + " and "
                + lock(LockMode.SHARE_ROW_EXCLUSIVE) + " on " + reference.table().display() + " and "
                + TableImpact.SCAN.description() + " (" + table.display() + ") to check the new values while holding"
                + " them";
        String fix = alterTable(alter) + "ADD COLUMN " + (add.ifNotExists() ? "IF NOT EXISTS " : "")
                + columnWithoutKeys(column) + ";\n"
                + alterTable(alter) + "ADD CONSTRAINT " + quote(name) + " FOREIGN KEY (" + quote(column.name())
                + ") REFERENCES " + target(reference) + actions + " NOT VALID;\n"
                + validate(alter, table, name, reference);
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix);
    }

    private static String validate(Statement.AlterTable alter, QualifiedName table, String name,
            ForeignKeyReference reference) {
        return LATER_MIGRATION + "\n" + alterTable(alter) + "VALIDATE CONSTRAINT " + quote(name) + ";  -- "
                + LockMode.SHARE_UPDATE_EXCLUSIVE.sqlName() + " on " + table.display() + ", "
                + LockMode.ROW_SHARE.sqlName() + " on " + reference.table().display() + ": reads and writes go on";
    }

    private static String alterTable(Statement.AlterTable alter) {
        return "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "") + alter.table().display() + " ";
    }

    private static String target(ForeignKeyReference reference) {
        return reference.table().display()
                + (reference.columns().isEmpty() ? "" : " " + columnList(reference.columns()));
    }

    private static String generatedName(QualifiedName table, List<String> columns) {
        return GeneratedNames.constraint(table.name(), columns, "fkey", n -> false);
    }

    /** Whether ADD COLUMN fills existing rows, so that PostgreSQL validates the new key (it skips it for NULLs). */
    private static boolean getsValue(ColumnDefinition column) {
        return column.defaultValue().isPresent() || column.generated().isPresent() || column.isSerial();
    }
}
