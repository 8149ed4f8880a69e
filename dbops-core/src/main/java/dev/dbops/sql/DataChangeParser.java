package dev.dbops.sql;

import java.util.Optional;

/** Parses {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE} and {@code COPY … FROM}, also after a {@code WITH}. */
final class DataChangeParser {

    private DataChangeParser() {
    }

    static Optional<Statement> parse(TokenCursor cursor) {
        int start = cursor.position();
        if (cursor.accept("with")) {
            skipCommonTableExpressions(cursor);
            Optional<Statement> main = parse(cursor);
            if (main.isEmpty()) {
                cursor.reset(start);
            }
            return main;
        }
        SqlStatement source = cursor.statement();
        Statement.DataChangeKind kind;
        if (cursor.accept("insert", "into")) {
            kind = Statement.DataChangeKind.INSERT;
        } else if (cursor.accept("update")) {
            kind = Statement.DataChangeKind.UPDATE;
        } else if (cursor.accept("delete", "from")) {
            kind = Statement.DataChangeKind.DELETE;
        } else if (cursor.accept("merge", "into")) {
            kind = Statement.DataChangeKind.MERGE;
        } else if (cursor.peekWords("copy") && cursor.remainingContainsAtTopLevel("from")) {
            cursor.next();
            kind = Statement.DataChangeKind.COPY;
        } else {
            return Optional.empty();
        }
        cursor.accept("only");
        Optional<QualifiedName> table = cursor.qualifiedName();
        if (table.isEmpty()) {
            return Optional.of(new Statement.Unparsed(source, cursor.fail("a table name")));
        }
        boolean filtered = (kind == Statement.DataChangeKind.UPDATE || kind == Statement.DataChangeKind.DELETE)
                && cursor.remainingContainsAtTopLevel("where");
        return Optional.of(new Statement.DataChange(source, kind, table.get(), filtered));
    }

    private static void skipCommonTableExpressions(TokenCursor cursor) {
        cursor.accept("recursive");
        do {
            cursor.name();
            cursor.nameList();
            cursor.accept("as");
            cursor.accept("not");
            cursor.accept("materialized");
            cursor.parenthesized();
        } while (cursor.acceptPunctuation(","));
    }
}
