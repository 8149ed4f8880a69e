package dev.dbops.lint.rules;

import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.ForeignKeyReference;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relations a statement affects without naming them, found in what earlier statements of the run declared:
 * the tables a dropped table's foreign keys connect it to, the tables of a dropped schema, the tables with a
 * column of an altered domain. What was created before the linted migrations stays unknown.
 */
final class EarlierDeclarations {

    private EarlierDeclarations() {
    }

    /** The tables {@code table} references or is referenced by through foreign keys declared in {@code earlier}. */
    static List<QualifiedName> foreignKeyPartners(QualifiedName table, List<Statement> earlier) {
        List<QualifiedName> partners = new ArrayList<>();
        for (Statement statement : earlier) {
            Optional<QualifiedName> owner = Optional.empty();
            List<ForeignKeyReference> references = new ArrayList<>();
            if (statement instanceof Statement.CreateTable create) {
                owner = Optional.of(create.table());
                create.columns().forEach(column -> column.references().ifPresent(references::add));
                create.constraints().forEach(constraint -> constraint.references().ifPresent(references::add));
            } else if (statement instanceof Statement.AlterTable alter) {
                owner = Optional.of(alter.table());
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddConstraint add) {
                        add.constraint().references().ifPresent(references::add);
                    } else if (action instanceof AlterTableAction.AddColumn add) {
                        add.column().references().ifPresent(references::add);
                    }
                }
            }
            for (ForeignKeyReference reference : references) {
                QualifiedName from = owner.orElseThrow();
                if (from.sameObjectAs(table) && !reference.table().sameObjectAs(table)) {
                    add(partners, reference.table());
                } else if (reference.table().sameObjectAs(table) && !from.sameObjectAs(table)) {
                    add(partners, from);
                }
            }
        }
        return List.copyOf(partners);
    }

    /** The tables {@code earlier} created in schema {@code schema}, named with that schema. */
    static List<QualifiedName> tablesIn(String schema, List<Statement> earlier) {
        List<QualifiedName> tables = new ArrayList<>();
        for (Statement statement : earlier) {
            if (statement instanceof Statement.CreateTable create
                    && create.table().schema().filter(schema::equals).isPresent()) {
                add(tables, create.table());
            }
        }
        return List.copyOf(tables);
    }

    /** The tables that have a column of type {@code domain}, as {@code earlier} declared their columns. */
    static List<QualifiedName> tablesUsing(QualifiedName domain, List<Statement> earlier) {
        List<QualifiedName> tables = new ArrayList<>();
        for (Statement statement : earlier) {
            if (statement instanceof Statement.CreateTable create) {
                for (ColumnDefinition column : create.columns()) {
                    if (isDomain(column.type(), domain)) {
                        add(tables, create.table());
                    }
                }
            } else if (statement instanceof Statement.AlterTable alter) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddColumn add && isDomain(add.column().type(), domain)
                            || action instanceof AlterTableAction.AlterColumnType type && isDomain(type.type(), domain)) {
                        add(tables, alter.table());
                    }
                }
            }
        }
        return List.copyOf(tables);
    }

    private static boolean isDomain(TypeName type, QualifiedName domain) {
        return !type.isArray() && type.name().equals(domain.name())
                && (type.schema().isEmpty() || domain.schema().isEmpty() || type.schema().equals(domain.schema()));
    }

    private static void add(List<QualifiedName> names, QualifiedName name) {
        if (names.stream().noneMatch(known -> known.sameObjectAs(name))) {
            names.add(name);
        }
    }
}
