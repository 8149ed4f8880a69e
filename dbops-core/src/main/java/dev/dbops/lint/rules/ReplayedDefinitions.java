package dev.dbops.lint.rules;

import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The definitions the column and table rules need from the migrations linted so far, replayed statement
 * by statement: column types, foreign keys and the tables they reference, domains and their
 * constraints, and the declared volatility of functions. Rules that need facts from earlier migrations
 * (the current type of a column, whether a type is a constrained domain, which tables a DROP TABLE also
 * locks) apply every statement in order from {@code LintRule.afterAll}. Anything created outside the
 * linted migrations is simply unknown. (Indexes and constraints for the index rules live in
 * {@code DeclaredSchema}.)
 */
final class ReplayedDefinitions {

    private final List<Table> tables = new ArrayList<>();
    private final Map<String, Domain> domains = new HashMap<>();
    private final Map<String, Function> functions = new HashMap<>();

    /** A function created by the linted migrations, with its declared volatility and language. */
    record Function(char volatility, String language) {

        /** Declared VOLATILE (the default) in a language PostgreSQL does not inline. */
        boolean certainlyVolatile() {
            return volatility == 'v' && !language.equals("sql");
        }

        /** Declared VOLATILE in SQL: volatile, unless PostgreSQL inlines a body that calls nothing volatile. */
        boolean maybeVolatile() {
            return volatility == 'v' && language.equals("sql");
        }
    }

    /** A domain created by the linted migrations: its base type and how many constraints it has. */
    record Domain(QualifiedName name, TypeName base, int constraints, List<Expression> checks, boolean notNull) {

        Domain {
            checks = List.copyOf(checks);
        }

        boolean constrained() {
            return constraints > 0;
        }
    }

    private static final class Table {
        QualifiedName name;
        final Map<String, TypeName> columns = new LinkedHashMap<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();

        Table(QualifiedName name) {
            this.name = name;
        }
    }

    /** A foreign key of a table: its columns and the table it references. */
    record ForeignKey(List<String> columns, QualifiedName references, Optional<String> name) {

        ForeignKey {
            columns = List.copyOf(columns);
        }
    }

    /** Records what {@code statement} declares; statements it does not understand change nothing. */
    void apply(Statement statement) {
        if (statement instanceof Statement.CreateTable create) {
            tables.removeIf(table -> table.name.equals(create.table()));
            Table table = new Table(create.table());
            for (ColumnDefinition column : create.columns()) {
                table.columns.put(column.name(), column.type());
                column.references().ifPresent(fk -> table.foreignKeys.add(
                        new ForeignKey(List.of(column.name()), fk.table(), Optional.empty())));
            }
            for (TableConstraint constraint : create.constraints()) {
                constraint.references().ifPresent(fk -> table.foreignKeys.add(
                        new ForeignKey(constraint.columns(), fk.table(), constraint.name())));
            }
            tables.add(table);
        } else if (statement instanceof Statement.AlterTable alter) {
            Table table = table(alter.table()).orElseGet(() -> {
                Table placeholder = new Table(alter.table());
                tables.add(placeholder);
                return placeholder;
            });
            for (AlterTableAction action : alter.actions()) {
                apply(table, action);
            }
        } else if (statement instanceof Statement.Drop drop) {
            applyDrop(drop);
        } else if (statement instanceof Statement.CreateDomain create) {
            int constraints = create.checks().size() + (create.notNull() ? 1 : 0);
            domains.put(key(create.domain()), new Domain(create.domain(), create.type(), constraints,
                    create.checks(), create.notNull()));
        } else if (statement instanceof Statement.AlterDomain alter) {
            applyAlterDomain(alter);
        } else if (statement instanceof Statement.Other other && other.command().equals("CREATE FUNCTION")) {
            declareFunction(other.source().tokens());
        }
    }

    /** The type of {@code table.column} as the linted migrations last declared it. */
    Optional<TypeName> columnType(QualifiedName table, String column) {
        return table(table).map(t -> t.columns.get(column));
    }

    /** The foreign keys the linted migrations declared on {@code table}. */
    List<ForeignKey> foreignKeys(QualifiedName table) {
        return table(table).map(t -> List.copyOf(t.foreignKeys)).orElse(List.of());
    }

    /** The tables whose foreign keys, as declared by the linted migrations, reference {@code table}. */
    List<QualifiedName> referencingTables(QualifiedName table) {
        List<QualifiedName> referencing = new ArrayList<>();
        for (Table candidate : tables) {
            for (ForeignKey fk : candidate.foreignKeys) {
                if (fk.references().sameObjectAs(table) && !candidate.name.sameObjectAs(table)
                        && !referencing.contains(candidate.name)) {
                    referencing.add(candidate.name);
                }
            }
        }
        return referencing;
    }

    /** The domain {@code type} names, when the linted migrations created it. */
    Optional<Domain> domain(TypeName type) {
        if (type.isArray()) {
            return Optional.empty();
        }
        QualifiedName name = new QualifiedName(type.schema(), type.name());
        return domains.values().stream().filter(domain -> domain.name().sameObjectAs(name)).findFirst();
    }

    /** The function {@code name} (without schema), when the linted migrations created it. */
    Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    private Optional<Table> table(QualifiedName name) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (tables.get(i).name.sameObjectAs(name)) {
                return Optional.of(tables.get(i));
            }
        }
        return Optional.empty();
    }

    private static void apply(Table table, AlterTableAction action) {
        if (action instanceof AlterTableAction.AddColumn add) {
            table.columns.put(add.column().name(), add.column().type());
            add.column().references().ifPresent(fk -> table.foreignKeys.add(
                    new ForeignKey(List.of(add.column().name()), fk.table(), Optional.empty())));
        } else if (action instanceof AlterTableAction.DropColumn drop) {
            table.columns.remove(drop.column());
            table.foreignKeys.removeIf(fk -> fk.columns().contains(drop.column()));
        } else if (action instanceof AlterTableAction.AlterColumnType change) {
            table.columns.put(change.column(), change.type());
        } else if (action instanceof AlterTableAction.RenameColumn rename) {
            TypeName type = table.columns.remove(rename.from());
            if (type != null) {
                table.columns.put(rename.to(), type);
            }
        } else if (action instanceof AlterTableAction.RenameTable rename) {
            table.name = new QualifiedName(table.name.schema(), rename.to());
        } else if (action instanceof AlterTableAction.SetSchema move) {
            table.name = QualifiedName.of(move.schema(), table.name.name());
        } else if (action instanceof AlterTableAction.AddConstraint add) {
            TableConstraint constraint = add.constraint();
            constraint.references().ifPresent(fk -> table.foreignKeys.add(
                    new ForeignKey(constraint.columns(), fk.table(), constraint.name())));
        } else if (action instanceof AlterTableAction.DropConstraint drop) {
            table.foreignKeys.removeIf(fk -> fk.name().filter(drop.name()::equals).isPresent());
        }
    }

    private void applyDrop(Statement.Drop drop) {
        for (QualifiedName name : drop.names()) {
            if (drop.kind() == Statement.ObjectKind.TABLE) {
                tables.removeIf(table -> table.name.sameObjectAs(name));
            } else if (drop.kind() == Statement.ObjectKind.DOMAIN || drop.kind() == Statement.ObjectKind.TYPE) {
                domains.remove(key(name));
            } else if (drop.kind() == Statement.ObjectKind.FUNCTION) {
                functions.remove(name.name());
            }
        }
    }

    private void applyAlterDomain(Statement.AlterDomain alter) {
        Domain domain = domains.get(key(alter.domain()));
        if (domain == null) {
            return;
        }
        String change = alter.change();
        int constraints = domain.constraints();
        List<Expression> checks = new ArrayList<>(domain.checks());
        boolean notNull = domain.notNull();
        if (change.startsWith("ADD")) {
            constraints++;
            alter.check().ifPresent(checks::add);
            notNull |= change.contains("NOT NULL");
        } else if (change.startsWith("SET NOT NULL")) {
            constraints++;
            notNull = true;
        } else if (change.startsWith("DROP CONSTRAINT") || change.startsWith("DROP NOT NULL")) {
            constraints = Math.max(0, constraints - 1);
        }
        domains.put(key(alter.domain()), new Domain(domain.name(), domain.base(), constraints, checks, notNull));
    }

    /** Reads {@code CREATE [OR REPLACE] FUNCTION name(…) … [LANGUAGE l] [IMMUTABLE|STABLE|VOLATILE] …}. */
    private void declareFunction(List<Token> tokens) {
        int at = 0;
        while (at < tokens.size() && !tokens.get(at).is("function")) {
            at++;
        }
        String name = null;
        for (int i = at + 1; i < tokens.size() && !tokens.get(i).isPunctuation("("); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER) {
                name = token.value();
            }
        }
        if (name == null) {
            return;
        }
        char volatility = 'v';
        String language = "sql";
        for (int i = at; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is("immutable")) {
                volatility = 'i';
            } else if (token.is("stable")) {
                volatility = 's';
            } else if (token.is("volatile")) {
                volatility = 'v';
            } else if (token.is("language") && i + 1 < tokens.size()) {
                language = tokens.get(i + 1).value().toLowerCase(Locale.ROOT);
            }
        }
        functions.put(name, new Function(volatility, language));
    }

    private static String key(QualifiedName name) {
        return name.schema().map(s -> s + ".").orElse("") + name.name();
    }
}
