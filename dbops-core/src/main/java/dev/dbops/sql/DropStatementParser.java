package dev.dbops.sql;

import java.util.List;
import java.util.Optional;

/** Parses {@code DROP …}; the cursor is just after DROP. */
final class DropStatementParser {

    private DropStatementParser() {
    }

    static Statement drop(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Statement.ObjectKind kind = kind(cursor);
        if (kind == Statement.ObjectKind.OTHER) {
            int start = cursor.position();
            return new Statement.Other(source, "DROP " + cursor.keywords(start, 2),
                    cursor.remainingContains("exists"));
        }
        boolean concurrently = cursor.accept("concurrently");
        boolean ifExists = cursor.accept("if", "exists");
        Optional<QualifiedName> onTable = Optional.empty();
        List<QualifiedName> names;
        if (kind == Statement.ObjectKind.TRIGGER || kind == Statement.ObjectKind.POLICY
                || kind == Statement.ObjectKind.RULE) {
            names = cursor.name().map(name -> List.of(QualifiedName.of(name))).orElse(List.of());
            if (cursor.accept("on")) {
                onTable = cursor.qualifiedName();
            }
        } else if (kind == Statement.ObjectKind.FUNCTION || kind == Statement.ObjectKind.PROCEDURE) {
            names = cursor.qualifiedName().map(List::of).orElse(List.of());
            cursor.until("cascade", "restrict");
        } else {
            names = cursor.qualifiedNames();
        }
        if (names.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("the name of the object to drop"));
        }
        boolean cascade = cursor.remainingContains("cascade");
        return new Statement.Drop(source, kind, names, concurrently, ifExists, cascade, onTable);
    }

    private static Statement.ObjectKind kind(TokenCursor cursor) {
        if (cursor.accept("table")) {
            return Statement.ObjectKind.TABLE;
        }
        if (cursor.accept("index")) {
            return Statement.ObjectKind.INDEX;
        }
        if (cursor.accept("materialized", "view")) {
            return Statement.ObjectKind.MATERIALIZED_VIEW;
        }
        if (cursor.accept("view")) {
            return Statement.ObjectKind.VIEW;
        }
        if (cursor.accept("sequence")) {
            return Statement.ObjectKind.SEQUENCE;
        }
        if (cursor.accept("schema")) {
            return Statement.ObjectKind.SCHEMA;
        }
        if (cursor.accept("database")) {
            return Statement.ObjectKind.DATABASE;
        }
        if (cursor.accept("type")) {
            return Statement.ObjectKind.TYPE;
        }
        if (cursor.accept("domain")) {
            return Statement.ObjectKind.DOMAIN;
        }
        if (cursor.accept("function")) {
            return Statement.ObjectKind.FUNCTION;
        }
        if (cursor.accept("procedure")) {
            return Statement.ObjectKind.PROCEDURE;
        }
        if (cursor.accept("trigger")) {
            return Statement.ObjectKind.TRIGGER;
        }
        if (cursor.accept("policy")) {
            return Statement.ObjectKind.POLICY;
        }
        if (cursor.accept("extension")) {
            return Statement.ObjectKind.EXTENSION;
        }
        if (cursor.accept("rule")) {
            return Statement.ObjectKind.RULE;
        }
        return Statement.ObjectKind.OTHER;
    }
}
