package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code DO} blocks: the PL/pgSQL body is split like a script, control flow ({@code IF … THEN},
 * loops, {@code EXCEPTION WHEN … THEN}) is stepped over, and the plain SQL statements inside are parsed
 * with their positions in the file. Dynamic SQL ({@code EXECUTE}) and other languages cannot be
 * followed; the block then says it was not fully inspected.
 */
final class DoBlockParser {

    private static final Set<String> HARMLESS_PLPGSQL = Set.of("end", "return", "raise", "null", "get", "assert",
            "exit", "continue", "open", "fetch", "close", "move", "else", "loop");
    private static final Set<String> SQL_STARTS = Set.of("create", "alter", "drop", "reindex", "refresh", "lock",
            "vacuum", "cluster", "truncate", "insert", "update", "delete", "merge", "set", "reset", "comment", "grant",
            "revoke", "analyze", "select", "perform", "with", "call", "commit", "rollback");

    private DoBlockParser() {
    }

    static Statement parse(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        cursor.accept("do");
        String language = "plpgsql";
        Optional<Token> body = Optional.empty();
        while (!cursor.atEnd()) {
            if (cursor.accept("language")) {
                Token name = cursor.next();
                language = name.value().toLowerCase(Locale.ROOT);
            } else {
                Token token = cursor.next();
                if (token.kind() == TokenKind.STRING && body.isEmpty()) {
                    body = Optional.of(token);
                }
            }
        }
        if (body.isEmpty()) {
            return new Statement.Unparsed(source, "expected the DO block's body as a string");
        }
        if (!language.equals("plpgsql")) {
            return new Statement.DoBlock(source, language, List.of(), false);
        }
        return plpgsql(source, body.get());
    }

    private static Statement plpgsql(SqlStatement source, Token body) {
        int contentOffset = contentOffset(body.text());
        Shift shift = new Shift(body.start() + contentOffset, body.line(), body.column() + contentOffset);
        List<Statement> statements = new ArrayList<>();
        boolean fullyInspected = true;
        boolean inDeclarations = true;
        for (SqlStatement piece : SqlScript.parse(body.value()).statements()) {
            List<Token> tokens = piece.tokens();
            int k = 0;
            if (inDeclarations) {
                int begin = indexOfWord(tokens, "begin", 0);
                if (begin < 0) {
                    continue;
                }
                inDeclarations = false;
                k = begin + 1;
            }
            k = skipControlFlow(tokens, k);
            if (k >= tokens.size()) {
                continue;
            }
            Token first = tokens.get(k);
            if (first.is("execute")) {
                fullyInspected = false;
                continue;
            }
            if (isAssignment(tokens, k) || (first.kind() == TokenKind.WORD && HARMLESS_PLPGSQL.contains(first.value()))) {
                continue;
            }
            if (first.kind() != TokenKind.WORD || !SQL_STARTS.contains(first.value())) {
                fullyInspected = false;
                continue;
            }
            Statement inner = StatementParser.parse(shift.apply(subStatement(piece, k)));
            if (inner instanceof Statement.Unparsed || inner instanceof Statement.DoBlock) {
                fullyInspected = false;
            } else {
                statements.add(inner);
            }
        }
        return new Statement.DoBlock(source, "plpgsql", statements, fullyInspected);
    }

    /** Where a string literal's content starts in its text: after {@code $tag$}, {@code E'} or {@code '}. */
    private static int contentOffset(String literal) {
        if (literal.startsWith("$")) {
            return literal.indexOf('$', 1) + 1;
        }
        return literal.indexOf('\'') + 1;
    }

    private static int skipControlFlow(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size()) {
            Token token = tokens.get(k);
            if (token.text().equals("<<")) {
                k = Math.min(tokens.size(), k + 3);
            } else if (token.is("begin") || token.is("else") || token.is("loop")) {
                k++;
            } else if (token.is("if") || token.is("elsif") || token.is("when") || token.is("exception")) {
                int then = indexOfWord(tokens, "then", k);
                if (then < 0) {
                    return tokens.size();
                }
                k = then + 1;
            } else if (token.is("for") || token.is("foreach") || token.is("while")) {
                int loop = indexOfWord(tokens, "loop", k);
                if (loop < 0) {
                    return tokens.size();
                }
                k = loop + 1;
            } else {
                return k;
            }
        }
        return k;
    }

    private static boolean isAssignment(List<Token> tokens, int k) {
        return k + 1 < tokens.size() && (tokens.get(k + 1).text().equals(":=") || tokens.get(k + 1).text().equals("="));
    }

    private static int indexOfWord(List<Token> tokens, String word, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth--;
            } else if (depth == 0 && token.is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static SqlStatement subStatement(SqlStatement piece, int from) {
        List<Token> tokens = piece.tokens().subList(from, piece.tokens().size());
        Token first = tokens.get(0);
        int base = piece.start().offset();
        String text = piece.text().substring(first.start() - base);
        SourcePosition start = new SourcePosition(first.start(), first.line(), first.column());
        return new SqlStatement(piece.index(), text, start, piece.end(), tokens, List.of());
    }

    /** Moves positions inside a DO body to positions in the file. */
    private record Shift(int offset, int line, int column) {

        SqlStatement apply(SqlStatement statement) {
            List<Token> tokens = new ArrayList<>(statement.tokens().size());
            for (Token token : statement.tokens()) {
                tokens.add(token(token));
            }
            return new SqlStatement(statement.index(), statement.text(), position(statement.start()),
                    position(statement.end()), tokens, List.of());
        }

        private Token token(Token token) {
            return new Token(token.kind(), token.text(), token.start() + offset, token.end() + offset,
                    token.line() + line - 1, token.line() == 1 ? token.column() + column - 1 : token.column());
        }

        private SourcePosition position(SourcePosition position) {
            return new SourcePosition(position.offset() + offset, position.line() + line - 1,
                    position.line() == 1 ? position.column() + column - 1 : position.column());
        }
    }
}
