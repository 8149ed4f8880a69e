package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads column definitions and table constraints, shared by CREATE TABLE and ALTER TABLE. */
final class DefinitionParser {

    private static final String[] COLUMN_CONSTRAINT_STARTS = {",", "not", "null", "check", "default", "generated",
        "unique", "primary", "references", "constraint", "collate", "deferrable", "initially", "compression",
        "storage"};

    private DefinitionParser() {
    }

    /** Whether the cursor is at a table constraint rather than a column definition. */
    static boolean atTableConstraint(TokenCursor cursor) {
        return cursor.peekWords("constraint") || cursor.peekWords("check") || cursor.peekWords("unique")
                || cursor.peekWords("primary", "key") || cursor.peekWords("foreign", "key")
                || cursor.peekWords("exclude") || (cursor.peekWords("not", "null") && cursor.peek(2).isPresent());
    }

    /** Reads {@code name type [constraints…]}; empty when no name and type can be read. */
    static Optional<ColumnDefinition> column(TokenCursor cursor) {
        Optional<String> name = cursor.name();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<TypeName> type = TypeNameParser.parse(cursor);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        ColumnBuilder column = new ColumnBuilder(name.get(), type.get());
        while (!cursor.atEnd() && !cursor.peekPunctuation(",") && !cursor.peekPunctuation(")")) {
            int before = cursor.position();
            columnConstraint(cursor, column);
            if (cursor.position() == before) {
                cursor.next();
            }
        }
        return Optional.of(column.build());
    }

    private static void columnConstraint(TokenCursor cursor, ColumnBuilder column) {
        if (cursor.accept("constraint")) {
            cursor.name();
        } else if (cursor.accept("not", "null")) {
            column.notNull = true;
        } else if (cursor.accept("null")) {
            column.notNull = false;
        } else if (cursor.accept("check")) {
            cursor.parenthesized().ifPresent(column.checks::add);
            cursor.accept("no", "inherit");
        } else if (cursor.accept("default")) {
            column.defaultValue = Optional.of(cursor.until(COLUMN_CONSTRAINT_STARTS));
        } else if (cursor.accept("generated")) {
            generated(cursor, column);
        } else if (cursor.accept("unique")) {
            column.unique = true;
            indexParameters(cursor);
        } else if (cursor.accept("primary", "key")) {
            column.primaryKey = true;
            indexParameters(cursor);
        } else if (cursor.accept("references")) {
            column.references = references(cursor);
        } else if (cursor.accept("collate")) {
            column.collation = cursor.qualifiedName().map(QualifiedName::display);
        } else {
            cursor.until(COLUMN_CONSTRAINT_STARTS);
        }
    }

    private static void generated(TokenCursor cursor, ColumnBuilder column) {
        if (cursor.accept("always", "as", "identity")) {
            column.identity = Optional.of("ALWAYS");
            cursor.parenthesized();
        } else if (cursor.accept("by", "default", "as", "identity")) {
            column.identity = Optional.of("BY DEFAULT");
            cursor.parenthesized();
        } else if (cursor.accept("always", "as")) {
            column.generated = cursor.parenthesized();
            column.generatedStored = cursor.accept("stored");
            cursor.accept("virtual");
        }
    }

    /** Reads a table constraint, with an optional leading {@code CONSTRAINT name}. */
    static Optional<TableConstraint> tableConstraint(TokenCursor cursor) {
        Optional<String> name = Optional.empty();
        if (cursor.accept("constraint")) {
            name = cursor.name();
        }
        TableConstraint.Kind kind;
        List<String> columns = List.of();
        Optional<Expression> expression = Optional.empty();
        Optional<ForeignKeyReference> references = Optional.empty();
        Optional<String> usingIndex = Optional.empty();
        if (cursor.accept("check")) {
            kind = TableConstraint.Kind.CHECK;
            expression = cursor.parenthesized();
        } else if (cursor.peekWords("unique") || cursor.peekWords("primary", "key")) {
            kind = cursor.accept("unique") ? TableConstraint.Kind.UNIQUE : TableConstraint.Kind.PRIMARY_KEY;
            cursor.accept("primary", "key");
            cursor.accept("nulls", "not", "distinct");
            cursor.accept("nulls", "distinct");
            if (cursor.accept("using", "index")) {
                usingIndex = cursor.name();
            } else {
                columns = cursor.nameList();
                indexParameters(cursor);
            }
        } else if (cursor.accept("foreign", "key")) {
            kind = TableConstraint.Kind.FOREIGN_KEY;
            columns = cursor.nameList();
            if (!cursor.accept("references")) {
                return Optional.empty();
            }
            references = referenceTarget(cursor);
        } else if (cursor.accept("exclude")) {
            kind = TableConstraint.Kind.EXCLUDE;
            if (cursor.accept("using")) {
                cursor.name();
            }
            expression = cursor.parenthesized();
            indexParameters(cursor);
            if (cursor.accept("where")) {
                cursor.parenthesized();
            }
        } else if (cursor.accept("not", "null")) {
            kind = TableConstraint.Kind.NOT_NULL;
            columns = cursor.name().map(List::of).orElse(List.of());
            cursor.accept("no", "inherit");
        } else {
            return Optional.empty();
        }
        boolean notValid = constraintAttributes(cursor);
        return Optional.of(new TableConstraint(name, kind, columns, expression, references, usingIndex, notValid));
    }

    private static Optional<ForeignKeyReference> references(TokenCursor cursor) {
        Optional<ForeignKeyReference> target = referenceTarget(cursor);
        constraintAttributes(cursor);
        return target;
    }

    private static Optional<ForeignKeyReference> referenceTarget(TokenCursor cursor) {
        Optional<QualifiedName> table = cursor.qualifiedName();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = cursor.nameList();
        while (true) {
            if (cursor.accept("match")) {
                cursor.next();
            } else if (cursor.accept("on", "delete") || cursor.accept("on", "update")) {
                referentialAction(cursor);
            } else {
                break;
            }
        }
        return Optional.of(new ForeignKeyReference(table.get(), columns));
    }

    private static void referentialAction(TokenCursor cursor) {
        if (cursor.accept("set", "null") || cursor.accept("set", "default")) {
            cursor.nameList();
        } else if (!cursor.accept("no", "action") && !cursor.accept("cascade")) {
            cursor.accept("restrict");
        }
    }

    /** Reads DEFERRABLE/INITIALLY/NOT VALID/NO INHERIT in any order; returns whether NOT VALID was given. */
    private static boolean constraintAttributes(TokenCursor cursor) {
        boolean notValid = false;
        while (true) {
            if (cursor.accept("not", "valid")) {
                notValid = true;
            } else if (cursor.accept("not", "deferrable") || cursor.accept("deferrable")
                    || cursor.accept("initially", "deferred") || cursor.accept("initially", "immediate")
                    || cursor.accept("no", "inherit") || cursor.accept("not", "enforced") || cursor.accept("enforced")) {
                continue;
            } else {
                return notValid;
            }
        }
    }

    private static void indexParameters(TokenCursor cursor) {
        while (true) {
            if (cursor.accept("include") || cursor.accept("with")) {
                cursor.parenthesized();
            } else if (cursor.accept("using", "index", "tablespace")) {
                cursor.name();
            } else {
                return;
            }
        }
    }

    private static final class ColumnBuilder {
        final String name;
        final TypeName type;
        boolean notNull;
        Optional<Expression> defaultValue = Optional.empty();
        Optional<Expression> generated = Optional.empty();
        boolean generatedStored;
        Optional<String> identity = Optional.empty();
        boolean primaryKey;
        boolean unique;
        Optional<ForeignKeyReference> references = Optional.empty();
        final List<Expression> checks = new ArrayList<>();
        Optional<String> collation = Optional.empty();

        ColumnBuilder(String name, TypeName type) {
            this.name = name;
            this.type = type;
        }

        ColumnDefinition build() {
            return new ColumnDefinition(name, type, notNull, defaultValue, generated, generatedStored, identity,
                    primaryKey, unique, references, checks, collation);
        }
    }
}
