package dev.dbops.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code SET}, {@code RESET} and {@code SELECT set_config(…)} into {@link Statement.SetParameter}. */
final class SettingParser {

    private SettingParser() {
    }

    static Optional<Statement> parse(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        if (cursor.accept("reset")) {
            Optional<String> name = cursor.name();
            return Optional.of(name.<Statement>map(n -> new Statement.SetParameter(source, n, Optional.empty(), false))
                    .orElseGet(() -> new Statement.Unparsed(source, cursor.fail("a parameter name or ALL"))));
        }
        if (cursor.peekWords("select") || cursor.peekWords("perform")) {
            return setConfig(cursor);
        }
        if (!cursor.accept("set")) {
            return Optional.empty();
        }
        boolean local = cursor.accept("local");
        if (!local) {
            cursor.accept("session");
        }
        if (cursor.accept("time", "zone")) {
            Optional<String> zone = cursor.peekWords("default") || cursor.peekWords("local") ? Optional.empty()
                    : Optional.of(value(cursor.rest()));
            return Optional.of(new Statement.SetParameter(source, "timezone", zone, local));
        }
        if (cursor.peekWords("transaction") || cursor.peekWords("constraints") || cursor.peekWords("role")
                || cursor.peekWords("authorization") || cursor.peekWords("characteristics")) {
            return Optional.of(new Statement.Other(source, "SET " + cursor.keywords(cursor.position(), 1), false));
        }
        Optional<QualifiedName> name = cursor.qualifiedName();
        if (name.isEmpty()) {
            return Optional.of(new Statement.Unparsed(source, cursor.fail("a parameter name")));
        }
        String parameter = name.get().schema().map(s -> s + ".").orElse("") + name.get().name();
        if (!cursor.accept("to") && !cursor.acceptPunctuation("=") && !acceptEqualsOperator(cursor)) {
            return Optional.of(new Statement.Other(source, "SET", false));
        }
        Optional<String> value = cursor.peekWords("default") ? Optional.empty() : Optional.of(value(cursor.rest()));
        return Optional.of(new Statement.SetParameter(source, parameter, value, local));
    }

    private static boolean acceptEqualsOperator(TokenCursor cursor) {
        if (cursor.peek().filter(token -> token.text().equals("=")).isPresent()) {
            cursor.next();
            return true;
        }
        return false;
    }

    /** {@code SELECT set_config('name', 'value', is_local)} (also {@code pg_catalog.set_config} and PERFORM). */
    private static Optional<Statement> setConfig(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        int start = cursor.position();
        cursor.next();
        cursor.accept("pg_catalog");
        cursor.acceptPunctuation(".");
        if (!cursor.accept("set_config") || !cursor.peekPunctuation("(")) {
            cursor.reset(start);
            return Optional.empty();
        }
        Expression arguments = cursor.parenthesized().orElseThrow();
        List<Token> tokens = arguments.tokens();
        if (tokens.size() < 5 || tokens.get(0).kind() != TokenKind.STRING || tokens.get(2).kind() != TokenKind.STRING) {
            cursor.reset(start);
            return Optional.empty();
        }
        boolean local = tokens.get(tokens.size() - 1).is("true");
        String name = tokens.get(0).value().toLowerCase(Locale.ROOT);
        return Optional.of(new Statement.SetParameter(source, name, Optional.of(tokens.get(2).value()), local));
    }

    private static String value(Expression expression) {
        StringBuilder value = new StringBuilder();
        for (Token token : expression.tokens()) {
            value.append(value.isEmpty() ? "" : " ").append(token.value());
        }
        return value.toString();
    }
}
