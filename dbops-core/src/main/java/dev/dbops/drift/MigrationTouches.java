package dev.dbops.drift;

import dev.dbops.migration.Migration;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which statements of which migrations create, change or drop each object, found by parsing every
 * migration with the lint parser. Unqualified names are read in the default schema; constraints and
 * indexes declared without a name get the name PostgreSQL would choose ({@code orders_pkey},
 * {@code orders_email_key}, {@code orders_customer_id_fkey}, {@code orders_total_check}).
 */
final class MigrationTouches {

    private final String defaultSchema;
    private final Map<String, List<MigrationTouch>> byKey = new HashMap<>();

    private MigrationTouches(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** The touches of the migrations, in run order. */
    static MigrationTouches of(List<Migration> migrations, String defaultSchema) {
        MigrationTouches touches = new MigrationTouches(defaultSchema);
        for (Migration migration : migrations) {
            for (SqlStatement statement : SqlScript.parse(migration.sql()).statements()) {
                touches.statement(migration, StatementParser.parse(statement));
            }
        }
        return touches;
    }

    /** The touches of an object, by key ({@link Names#key}), in run order; empty when none. */
    List<MigrationTouch> get(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    private void statement(Migration migration, Statement statement) {
        Touch at = new Touch(migration, statement.source());
        if (statement instanceof Statement.CreateTable create) {
            createTable(at, create);
        } else if (statement instanceof Statement.AlterTable alter) {
            alterTable(at, alter);
        } else if (statement instanceof Statement.CreateIndex index) {
            String schema = schema(index.table());
            index.name().ifPresentOrElse(name -> at.add("INDEX", false, schema, name),
                    () -> at.add("TABLE", false, schema, index.table().name()));
        } else if (statement instanceof Statement.Drop drop) {
            drop(at, drop);
        } else if (statement instanceof Statement.CreateView view) {
            at.add("VIEW", false, schema(view.view()), view.view().name());
        } else if (statement instanceof Statement.CreateTrigger trigger) {
            at.add("TRIGGER", false, schema(trigger.table()), trigger.table().name(), trigger.name());
        } else if (statement instanceof Statement.CreateDomain domain) {
            at.add("TYPE", false, schema(domain.domain()), domain.domain().name());
        } else if (statement instanceof Statement.AlterDomain domain) {
            at.add("TYPE", false, schema(domain.domain()), domain.domain().name());
        } else if (statement instanceof Statement.AlterEnum type) {
            at.add("TYPE", type.ifNotExists(), schema(type.type()), type.type().name());
        } else if (statement instanceof Statement.DoBlock block) {
            block.statements().forEach(inner -> statement(migration, inner));
        } else if (statement instanceof Statement.Other other) {
            OtherStatements.touch(other, defaultSchema, at::addAction);
        }
    }

    private void createTable(Touch at, Statement.CreateTable create) {
        String schema = schema(create.table());
        String table = create.table().name();
        boolean ifNotExists = create.ifNotExists();
        at.add("TABLE", ifNotExists, schema, table);
        for (ColumnDefinition column : create.columns()) {
            at.addAction("COLUMN", ifNotExists, "CREATE TABLE " + create.table().display() + " (… " + column.name() + " "
                    + type(column.type()) + " …)", schema, table, column.name());
            columnConstraints(at, ifNotExists, schema, table, column);
        }
        for (TableConstraint constraint : create.constraints()) {
            constraint(at, ifNotExists, schema, table, constraint);
        }
    }

    private void alterTable(Touch at, Statement.AlterTable alter) {
        String schema = schema(alter.table());
        String table = alter.table().name();
        for (AlterTableAction action : alter.actions()) {
            String text = alter.actions().size() == 1 ? StatementChange.compact(alter.source().text())
                    : StatementChange.compact(alter.source().tokens().get(0).text() + " " + alter.source().tokens().get(1)
                    .text() + " " + alter.table().display() + " " + action.text());
            at.addAction("TABLE", false, text, schema, table);
            alterAction(at, text, schema, table, action);
        }
    }

    private static void alterAction(Touch at, String text, String schema, String table, AlterTableAction action) {
        if (action instanceof AlterTableAction.AddColumn add) {
            at.addAction("COLUMN", add.ifNotExists(), text, schema, table, add.column().name());
            columnConstraints(at, add.ifNotExists(), schema, table, add.column());
        } else if (action instanceof AlterTableAction.DropColumn drop) {
            at.addAction("COLUMN", false, text, schema, table, drop.column());
        } else if (action instanceof AlterTableAction.AlterColumnType type) {
            at.addAction("COLUMN", false, text, schema, table, type.column());
        } else if (action instanceof AlterTableAction.SetNotNull set) {
            at.addAction("COLUMN", false, text, schema, table, set.column());
        } else if (action instanceof AlterTableAction.DropNotNull drop) {
            at.addAction("COLUMN", false, text, schema, table, drop.column());
        } else if (action instanceof AlterTableAction.SetDefault set) {
            at.addAction("COLUMN", false, text, schema, table, set.column());
        } else if (action instanceof AlterTableAction.DropDefault drop) {
            at.addAction("COLUMN", false, text, schema, table, drop.column());
        } else if (action instanceof AlterTableAction.AddConstraint add) {
            constraint(at, false, schema, table, add.constraint());
        } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
            at.addAction("CONSTRAINT", false, text, schema, table, validate.name());
        } else if (action instanceof AlterTableAction.DropConstraint drop) {
            at.addAction("CONSTRAINT", false, text, schema, table, drop.name());
        } else if (action instanceof AlterTableAction.RenameColumn rename) {
            at.addAction("COLUMN", false, text, schema, table, rename.from());
            at.addAction("COLUMN", false, text, schema, table, rename.to());
        } else if (action instanceof AlterTableAction.RenameConstraint rename) {
            at.addAction("CONSTRAINT", false, text, schema, table, rename.from());
            at.addAction("CONSTRAINT", false, text, schema, table, rename.to());
        } else if (action instanceof AlterTableAction.RenameTable rename) {
            at.addAction("TABLE", false, text, schema, rename.to());
        }
    }

    private static void columnConstraints(Touch at, boolean ifNotExists, String schema, String table,
            ColumnDefinition column) {
        if (column.primaryKey()) {
            at.add("CONSTRAINT", ifNotExists, schema, table, table + "_pkey");
            at.add("INDEX", ifNotExists, schema, table + "_pkey");
        }
        if (column.unique()) {
            at.add("CONSTRAINT", ifNotExists, schema, table, table + "_" + column.name() + "_key");
            at.add("INDEX", ifNotExists, schema, table + "_" + column.name() + "_key");
        }
        if (column.references().isPresent()) {
            at.add("CONSTRAINT", ifNotExists, schema, table, table + "_" + column.name() + "_fkey");
        }
        if (!column.checks().isEmpty()) {
            at.add("CONSTRAINT", ifNotExists, schema, table, table + "_" + column.name() + "_check");
        }
    }

    private static void constraint(Touch at, boolean ifNotExists, String schema, String table,
            TableConstraint constraint) {
        String first = constraint.columns().isEmpty() ? "" : "_" + constraint.columns().get(0);
        String joined = String.join("_", constraint.columns());
        String generated = switch (constraint.kind()) {
            case PRIMARY_KEY -> table + "_pkey";
            case UNIQUE -> table + "_" + joined + "_key";
            case FOREIGN_KEY -> table + "_" + joined + "_fkey";
            case EXCLUDE -> table + first + "_excl";
            case CHECK -> table + first + "_check";
            case NOT_NULL -> table + first + "_not_null";
        };
        Optional<String> name = Optional.of(constraint.name().orElse(generated));
        name.ifPresent(n -> at.add("CONSTRAINT", ifNotExists, schema, table, n));
        if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY || constraint.kind() == TableConstraint.Kind.UNIQUE
                || constraint.kind() == TableConstraint.Kind.EXCLUDE) {
            name.ifPresent(n -> at.add("INDEX", ifNotExists, schema, constraint.usingIndex().orElse(n)));
        }
    }

    private void drop(Touch at, Statement.Drop drop) {
        String group = switch (drop.kind()) {
            case TABLE, INDEX, SEQUENCE, SCHEMA, EXTENSION, TRIGGER, POLICY -> drop.kind().name();
            case VIEW, MATERIALIZED_VIEW -> "VIEW";
            case TYPE, DOMAIN -> "TYPE";
            case FUNCTION, PROCEDURE -> "FUNCTION";
            default -> null;
        };
        if (group == null) {
            return;
        }
        for (QualifiedName name : drop.names()) {
            if (drop.onTable().isPresent()) {
                QualifiedName table = drop.onTable().get();
                at.add(group, false, schema(table), table.name(), name.name());
            } else if (group.equals("SCHEMA") || group.equals("EXTENSION")) {
                at.add(group, false, name.name());
            } else {
                at.add(group, false, schema(name), name.name());
            }
        }
    }

    private String schema(QualifiedName name) {
        return name.schema().orElse(defaultSchema);
    }

    static String type(TypeName type) {
        String text = type.schema().map(s -> s + ".").orElse("") + type.name()
                + (type.modifiers().isEmpty() ? "" : "(" + String.join(",", type.modifiers()) + ")");
        return text + "[]".repeat(type.arrayDimensions());
    }

    /** Receives one touch: the key group, whether it is IF NOT EXISTS, the action text, the name parts. */
    @FunctionalInterface
    interface Sink {
        void add(String group, boolean ifNotExists, String action, String... parts);
    }

    /** Records touches for one statement of one migration. */
    private final class Touch {
        private final Migration migration;
        private final SqlStatement source;

        Touch(Migration migration, SqlStatement source) {
            this.migration = migration;
            this.source = source;
        }

        void add(String group, boolean ifNotExists, String... parts) {
            addAction(group, ifNotExists, StatementChange.compact(source.text()), parts);
        }

        void addAction(String group, boolean ifNotExists, String action, String... parts) {
            String shown = action.length() > 160 ? action.substring(0, 159) + "…" : action;
            List<MigrationTouch> list = byKey.computeIfAbsent(Names.key(group, parts), k -> new ArrayList<>());
            MigrationTouch touch = new MigrationTouch(migration.id(), migration.location(),
                    migration.fileLine(source.start().line()), shown, ifNotExists);
            if (!list.contains(touch)) {
                list.add(touch);
            }
        }
    }
}
