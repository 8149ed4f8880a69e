package dev.dbops.sql;

import java.util.Optional;

/**
 * Turns one split statement into the typed {@link Statement} model lint rules read. Never throws on
 * bad or unknown SQL: what it cannot classify becomes {@link Statement.Unparsed} with the reason.
 */
public final class StatementParser {

    private StatementParser() {
    }

    /** Parses one statement produced by {@link SqlScript}. */
    public static Statement parse(SqlStatement statement) {
        TokenCursor cursor = new TokenCursor(statement);
        if (cursor.atEnd()) {
            return new Statement.Unparsed(statement, "the statement is empty");
        }
        if (cursor.accept("create")) {
            return CreateStatementParser.create(cursor);
        }
        if (cursor.accept("alter")) {
            return alter(cursor);
        }
        if (cursor.accept("drop")) {
            return DropStatementParser.drop(cursor);
        }
        return MaintenanceStatementParser.parse(cursor);
    }

    private static Statement alter(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        if (cursor.accept("table")) {
            return TableStatementParser.alterTable(cursor);
        }
        if (cursor.accept("type")) {
            return alterType(cursor);
        }
        if (cursor.accept("domain")) {
            return alterDomain(cursor);
        }
        int start = cursor.position() - 1;
        String command = cursor.keywords(start, cursor.peekWords("materialized", "view") ? 3 : 2);
        return new Statement.Other(source, command, cursor.remainingContains("exists"));
    }

    private static Statement alterType(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Optional<QualifiedName> type = cursor.qualifiedName();
        if (type.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a type name"));
        }
        if (cursor.accept("add", "value")) {
            boolean ifNotExists = cursor.accept("if", "not", "exists");
            Optional<Token> value = cursor.peek().filter(token -> token.kind() == TokenKind.STRING);
            if (value.isEmpty()) {
                return new Statement.Unparsed(source, cursor.fail("the new enum value as a string"));
            }
            return new Statement.AlterEnum(source, type.get(), true, value.get().value(), Optional.empty(), ifNotExists);
        }
        if (cursor.accept("rename", "value")) {
            Optional<Token> from = cursor.peek().filter(token -> token.kind() == TokenKind.STRING);
            if (from.isPresent()) {
                cursor.next();
                cursor.accept("to");
                Optional<Token> to = cursor.peek().filter(token -> token.kind() == TokenKind.STRING);
                if (to.isPresent()) {
                    return new Statement.AlterEnum(source, type.get(), false, to.get().value(),
                            Optional.of(from.get().value()), false);
                }
            }
            return new Statement.Unparsed(source, cursor.fail("RENAME VALUE 'old' TO 'new'"));
        }
        return new Statement.Other(source, "ALTER TYPE", false);
    }

    private static Statement alterDomain(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Optional<QualifiedName> domain = cursor.qualifiedName();
        if (domain.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a domain name"));
        }
        int start = cursor.position();
        if (cursor.accept("add")) {
            Optional<String> name = Optional.empty();
            if (cursor.accept("constraint")) {
                name = cursor.name();
            }
            Optional<Expression> check = Optional.empty();
            String change = "ADD";
            if (cursor.accept("check")) {
                check = cursor.parenthesized();
            } else if (cursor.accept("not", "null")) {
                change = "ADD NOT NULL";
            }
            boolean notValid = cursor.accept("not", "valid");
            return new Statement.AlterDomain(source, domain.get(), change, name, check, notValid);
        }
        boolean namesConstraint = cursor.peekWords("validate", "constraint") || cursor.peekWords("drop", "constraint")
                || cursor.peekWords("rename", "constraint");
        String change = cursor.keywords(start, namesConstraint ? 2 : 3);
        Optional<String> name = Optional.empty();
        if (namesConstraint) {
            cursor.next();
            cursor.next();
            cursor.accept("if", "exists");
            name = cursor.name();
        }
        return new Statement.AlterDomain(source, domain.get(), change, name, Optional.empty(), false);
    }
}
