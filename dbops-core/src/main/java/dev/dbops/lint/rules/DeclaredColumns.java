package dev.dbops.lint.rules;

import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The column types a statement declares — in {@code CREATE TABLE}, {@code ADD COLUMN} and
 * {@code ALTER COLUMN … TYPE} — which is where the schema-design rules look.
 */
final class DeclaredColumns {

    private DeclaredColumns() {
    }

    /** How the column gets its type. */
    enum Origin {
        /** A column of {@code CREATE TABLE}. */
        CREATE_TABLE,
        /** {@code ALTER TABLE … ADD COLUMN}. */
        ADD_COLUMN,
        /** {@code ALTER TABLE … ALTER COLUMN … TYPE}. */
        ALTER_TYPE
    }

    /**
     * One declared column type.
     *
     * @param table the table
     * @param column the column name
     * @param type the declared type
     * @param definition the full definition, except for {@code ALTER COLUMN … TYPE}
     * @param origin the statement part that declares it
     * @param primaryKey whether the column is (part of) the primary key declared in the same statement
     */
    record Declared(QualifiedName table, String column, TypeName type, Optional<ColumnDefinition> definition,
            Origin origin, boolean primaryKey) {

        /** The column as {@code table.column} for messages. */
        String display() {
            return table.display() + "." + QualifiedName.of(column).display();
        }
    }

    static List<Declared> of(Statement statement) {
        List<Declared> declared = new ArrayList<>();
        if (statement instanceof Statement.CreateTable create) {
            Set<String> keyColumns = new HashSet<>();
            for (TableConstraint constraint : create.constraints()) {
                if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY) {
                    keyColumns.addAll(constraint.columns());
                }
            }
            for (ColumnDefinition column : create.columns()) {
                declared.add(new Declared(create.table(), column.name(), column.type(), Optional.of(column),
                        Origin.CREATE_TABLE, column.primaryKey() || keyColumns.contains(column.name())));
            }
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddColumn add) {
                    declared.add(new Declared(alter.table(), add.column().name(), add.column().type(),
                            Optional.of(add.column()), Origin.ADD_COLUMN, add.column().primaryKey()));
                } else if (action instanceof AlterTableAction.AlterColumnType type) {
                    declared.add(new Declared(alter.table(), type.column(), type.type(), Optional.empty(),
                            Origin.ALTER_TYPE, false));
                }
            }
        }
        return declared;
    }
}
