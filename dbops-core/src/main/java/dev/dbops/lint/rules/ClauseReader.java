package dev.dbops.lint.rules;

import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.List;
import java.util.Optional;

/**
 * Reads, from a statement's tokens, the clauses the statement model does not carry: the table of a
 * {@code CREATE POLICY}, the name of a {@code CREATE TYPE … AS ENUM}, a name after a key word, the exact
 * source text between two tokens, and string constants.
 */
final class ClauseReader {

    private ClauseReader() {
    }

    /** A name read from a token list, and the index of the first token after it. */
    record NameAt(QualifiedName name, int next) {
    }

    /** The possibly schema-qualified name starting at {@code index}, if an identifier stands there. */
    static Optional<NameAt> nameAt(List<Token> tokens, int index) {
        if (index < 0 || index >= tokens.size() || !isIdentifier(tokens.get(index))) {
            return Optional.empty();
        }
        String first = tokens.get(index).value();
        if (index + 2 < tokens.size() && tokens.get(index + 1).isPunctuation(".")
                && isIdentifier(tokens.get(index + 2))) {
            return Optional.of(new NameAt(QualifiedName.of(first, tokens.get(index + 2).value()), index + 3));
        }
        return Optional.of(new NameAt(QualifiedName.of(first), index + 1));
    }

    /** Whether the token is an identifier or an unquoted key word. */
    static boolean isIdentifier(Token token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    /** The index of the first unquoted {@code word} at or after {@code from}, or -1. */
    static int indexOfWord(List<Token> tokens, int from, String word) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
    static int closingParenthesis(List<Token> tokens, int open) {
        if (open < 0 || open >= tokens.size() || !tokens.get(open).isPunctuation("(")) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunctuation("(")) {
                depth++;
            } else if (tokens.get(i).isPunctuation(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The exact source text of a statement from its token {@code first} to its token {@code last}, both included. */
    static String text(SqlStatement source, int first, int last) {
        int base = source.start().offset();
        List<Token> tokens = source.tokens();
        return source.text().substring(tokens.get(first).start() - base, tokens.get(last).end() - base);
    }

    /** The name of the enum type a {@code CREATE TYPE name AS ENUM (…)} statement creates. */
    static Optional<QualifiedName> createdEnumType(Statement statement) {
        SqlStatement source = statement.source();
        if (!source.startsWith("create", "type")) {
            return Optional.empty();
        }
        List<Token> tokens = source.tokens();
        return nameAt(tokens, 2).filter(at -> at.next() + 1 < tokens.size() && tokens.get(at.next()).is("as")
                && tokens.get(at.next() + 1).is("enum")).map(NameAt::name);
    }

    /** The table of a {@code CREATE POLICY name ON table …} statement. */
    static Optional<QualifiedName> policyTable(Statement statement) {
        SqlStatement source = statement.source();
        if (!source.startsWith("create", "policy")) {
            return Optional.empty();
        }
        return nameAt(source.tokens(), indexOfWord(source.tokens(), 3, "on") + 1).map(NameAt::name);
    }

    /** The first string constant of the statement whose content is {@code value}, if any. */
    static Optional<Token> stringConstant(Statement statement, String value) {
        for (Token token : statement.source().tokens()) {
            if (token.kind() == TokenKind.STRING && token.value().equals(value)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /** Whether the tokens hold the words {@code IS NOT NULL} in a row. */
    static boolean hasIsNotNull(List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("is") && tokens.get(i + 1).is("not") && tokens.get(i + 2).is("null")) {
                return true;
            }
        }
        return false;
    }
}
