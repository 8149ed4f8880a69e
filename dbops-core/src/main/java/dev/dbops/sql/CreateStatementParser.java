package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the {@code CREATE …} statements; the cursor is just after CREATE. */
final class CreateStatementParser {

    private CreateStatementParser() {
    }

    static Statement create(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        int afterCreate = cursor.position();
        boolean orReplace = cursor.accept("or", "replace");
        boolean temporary = false;
        boolean unlogged = false;
        if (cursor.accept("global") || cursor.accept("local")) {
            temporary = true;
        }
        if (cursor.accept("temporary") || cursor.accept("temp")) {
            temporary = true;
        } else if (cursor.accept("unlogged")) {
            unlogged = true;
        }
        if (cursor.accept("table")) {
            return TableStatementParser.createTable(cursor, temporary, unlogged);
        }
        if (cursor.peekWords("unique", "index") || cursor.peekWords("index")) {
            return createIndex(cursor);
        }
        cursor.accept("recursive");
        boolean materialized = cursor.accept("materialized");
        if (cursor.accept("view")) {
            return createView(cursor, orReplace, materialized);
        }
        cursor.accept("constraint");
        if (cursor.accept("trigger")) {
            Optional<String> name = cursor.name();
            Optional<QualifiedName> table = Optional.empty();
            while (!cursor.atEnd() && table.isEmpty()) {
                if (cursor.accept("on")) {
                    table = cursor.qualifiedName();
                } else {
                    cursor.next();
                }
            }
            if (name.isEmpty() || table.isEmpty()) {
                return new Statement.Unparsed(source, "expected CREATE TRIGGER name … ON table");
            }
            return new Statement.CreateTrigger(source, name.get(), table.get(), orReplace);
        }
        if (cursor.accept("domain")) {
            return createDomain(cursor);
        }
        cursor.reset(afterCreate);
        cursor.accept("or", "replace");
        int typeStart = cursor.position();
        boolean twoWords = cursor.peekWords("foreign") || cursor.peekWords("event") || cursor.peekWords("text")
                || cursor.peekWords("access") || cursor.peekWords("user", "mapping")
                || cursor.peekWords("default", "privileges");
        String command = "CREATE " + cursor.keywords(typeStart, twoWords ? 2 : 1);
        boolean idempotent = orReplace || cursor.remainingContains("exists");
        return new Statement.Other(source, command.strip(), idempotent);
    }

    private static Statement createIndex(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        boolean unique = cursor.accept("unique");
        cursor.accept("index");
        boolean concurrently = cursor.accept("concurrently");
        boolean ifNotExists = cursor.accept("if", "not", "exists");
        Optional<String> name = Optional.empty();
        if (!cursor.peekWords("on")) {
            name = cursor.name();
        }
        if (!cursor.accept("on")) {
            return new Statement.Unparsed(source, cursor.fail("ON table"));
        }
        boolean only = cursor.accept("only");
        Optional<QualifiedName> table = cursor.qualifiedName();
        if (table.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a table name"));
        }
        String method = "btree";
        if (cursor.accept("using")) {
            method = cursor.name().orElse(method);
        }
        List<String> elements = new ArrayList<>();
        if (cursor.acceptPunctuation("(")) {
            while (!cursor.atEnd() && !cursor.peekPunctuation(")")) {
                Expression element = cursor.until(",", ")");
                if (element.tokens().isEmpty()) {
                    cursor.next();
                } else {
                    elements.add(element.tokens().size() == 1 && TokenCursor.isName(element.tokens().get(0))
                            ? element.tokens().get(0).value() : element.text());
                }
                cursor.acceptPunctuation(",");
            }
            cursor.acceptPunctuation(")");
        }
        Optional<Expression> where = Optional.empty();
        while (!cursor.atEnd()) {
            if (cursor.accept("where")) {
                where = Optional.of(cursor.rest());
            } else {
                cursor.next();
            }
        }
        return new Statement.CreateIndex(source, name, table.get(), unique, concurrently, ifNotExists, only, method,
                elements, where);
    }

    private static Statement createView(TokenCursor cursor, boolean orReplace, boolean materialized) {
        SqlStatement source = cursor.statement();
        cursor.accept("if", "not", "exists");
        Optional<QualifiedName> view = cursor.qualifiedName();
        if (view.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a view name"));
        }
        boolean withNoData = false;
        while (!cursor.atEnd()) {
            if (cursor.accept("with", "no", "data")) {
                withNoData = true;
            } else {
                cursor.next();
            }
        }
        return new Statement.CreateView(source, view.get(), orReplace, materialized, withNoData);
    }

    private static Statement createDomain(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Optional<QualifiedName> domain = cursor.qualifiedName();
        cursor.accept("as");
        Optional<TypeName> type = TypeNameParser.parse(cursor);
        if (domain.isEmpty() || type.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("CREATE DOMAIN name AS type"));
        }
        boolean notNull = false;
        List<Expression> checks = new ArrayList<>();
        while (!cursor.atEnd()) {
            if (cursor.accept("not", "null")) {
                notNull = true;
            } else if (cursor.accept("check")) {
                cursor.parenthesized().ifPresent(checks::add);
            } else {
                cursor.next();
            }
        }
        return new Statement.CreateDomain(source, domain.get(), type.get(), notNull, checks);
    }
}
