package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses {@code CREATE TABLE} and {@code ALTER TABLE}; the cursor is just after the key word TABLE. */
final class TableStatementParser {

    private TableStatementParser() {
    }

    static Statement createTable(TokenCursor cursor, boolean temporary, boolean unlogged) {
        SqlStatement source = cursor.statement();
        boolean ifNotExists = cursor.accept("if", "not", "exists");
        Optional<QualifiedName> table = cursor.qualifiedName();
        if (table.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a table name"));
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        List<QualifiedName> likeTables = new ArrayList<>();
        Optional<QualifiedName> partitionOf = Optional.empty();
        if (cursor.accept("partition", "of")) {
            partitionOf = cursor.qualifiedName();
        } else if (cursor.accept("of")) {
            cursor.qualifiedName();
        }
        boolean asQuery = false;
        if (cursor.peekPunctuation("(")) {
            int start = cursor.position();
            if (!elements(cursor, columns, constraints, likeTables)) {
                cursor.reset(start);
                cursor.parenthesized();
            }
        }
        Optional<String> partitionBy = Optional.empty();
        Optional<String> partitionBound = Optional.empty();
        while (!cursor.atEnd()) {
            if (partitionOf.isPresent() && partitionBound.isEmpty()
                    && (cursor.peekWords("for", "values") || cursor.peekWords("default"))) {
                partitionBound = Optional.of(cursor.until("partition", "using", "with", "tablespace").text());
            } else if (cursor.accept("as")) {
                asQuery = true;
                cursor.rest();
            } else if (cursor.accept("partition", "by")) {
                partitionBy = Optional.of(cursor.until("using", "with", "tablespace", "on", "as").text());
            } else {
                cursor.next();
            }
        }
        return new Statement.CreateTable(source, table.get(), ifNotExists, temporary, unlogged, columns, constraints,
                likeTables, partitionOf, partitionBound, partitionBy, asQuery);
    }

    /** Reads {@code ( element, … )}; false when the list is a column-name list of CREATE TABLE … AS. */
    private static boolean elements(TokenCursor cursor, List<ColumnDefinition> columns,
            List<TableConstraint> constraints, List<QualifiedName> likeTables) {
        cursor.acceptPunctuation("(");
        while (!cursor.atEnd() && !cursor.peekPunctuation(")")) {
            int start = cursor.position();
            if (cursor.accept("like")) {
                cursor.qualifiedName().ifPresent(likeTables::add);
                cursor.until(",");
            } else if (DefinitionParser.atTableConstraint(cursor)) {
                DefinitionParser.tableConstraint(cursor).ifPresent(constraints::add);
            } else {
                Optional<ColumnDefinition> column = DefinitionParser.column(cursor);
                if (column.isEmpty()) {
                    cursor.reset(start);
                    cursor.until(",");
                } else {
                    columns.add(column.get());
                }
            }
            cursor.until(",");
            if (!cursor.acceptPunctuation(",") && cursor.position() == start) {
                cursor.next();
            }
        }
        cursor.acceptPunctuation(")");
        return true;
    }

    static Statement alterTable(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        if (cursor.peekWords("all", "in", "tablespace")) {
            return new Statement.Other(source, "ALTER TABLE ALL IN TABLESPACE", false);
        }
        boolean ifExists = cursor.accept("if", "exists");
        cursor.accept("only");
        Optional<QualifiedName> table = cursor.qualifiedName();
        if (table.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a table name"));
        }
        cursor.acceptPunctuation("*");
        List<AlterTableAction> actions = new ArrayList<>();
        while (!cursor.atEnd()) {
            int start = cursor.position();
            AlterTableAction action = AlterTableActionParser.action(cursor, start);
            actions.add(action);
            cursor.skipToComma();
            if (!cursor.acceptPunctuation(",") && cursor.position() == start) {
                cursor.next();
            }
        }
        if (actions.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("an ALTER TABLE action"));
        }
        return new Statement.AlterTable(source, table.get(), ifExists, actions);
    }
}
