package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups tokens into statements where PostgreSQL's grammar ends them: at a {@code ;} outside
 * parentheses and outside a {@code BEGIN ATOMIC … END} routine body.
 *
 * <p>Parentheses are counted in every statement, as psql does, so the {@code ;} between the actions
 * of {@code CREATE RULE … DO (INSERT …; UPDATE …)} stays inside. A routine body is recognised only
 * in a statement that starts with {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}: the words
 * {@code BEGIN ATOMIC} outside parentheses open it, and {@code END} outside parentheses closes it
 * only right after a {@code ;} or right after {@code BEGIN ATOMIC}, the only places the grammar
 * ({@code BEGIN ATOMIC { stmt ; } END}) allows it. So the {@code END} of a {@code CASE} expression,
 * or {@code end} used as a column label ({@code SELECT 1 end;}, which the server accepts), never
 * closes the body. psql instead counts {@code BEGIN}, {@code CASE} and {@code END} words, and so can
 * misread both that label and a function named {@code begin()}.
 */
final class StatementSplitter {

    private enum Header { AFTER_CREATE, AFTER_OR, AFTER_REPLACE, ROUTINE, OTHER }

    private final String text;
    private final LineCursor cursor;
    private final boolean inputEndsInsideToken;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<Token> comments = new ArrayList<>();
    private final List<SqlDiagnostic> diagnostics = new ArrayList<>(1);
    private final List<Token> current = new ArrayList<>();
    private final List<Token> currentComments = new ArrayList<>();
    private Header header;
    private int parenDepth;
    private Token outermostParen;
    private int bodyDepth;
    private Token bodyBegin;

    StatementSplitter(String text, char[] chars, boolean inputEndsInsideToken) {
        this.text = text;
        this.cursor = new LineCursor(chars);
        this.inputEndsInsideToken = inputEndsInsideToken;
    }

    void split(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.kind() == TokenKind.COMMENT) {
                comments.add(token);
                currentComments.add(token);
            } else if (token.isPunctuation(";") && parenDepth == 0 && bodyDepth == 0) {
                if (!current.isEmpty()) {
                    finish();
                }
            } else {
                track(token);
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            reportOpenConstructs();
            finish();
        }
    }

    List<SqlStatement> statements() {
        return statements;
    }

    List<Token> comments() {
        return comments;
    }

    List<SqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    private void track(Token token) {
        if (token.isPunctuation("(")) {
            if (parenDepth++ == 0) {
                outermostParen = token;
            }
        } else if (token.isPunctuation(")") && parenDepth > 0) {
            parenDepth--;
        }
        header = nextHeader(token);
        if (header == Header.ROUTINE && parenDepth == 0 && !current.isEmpty()) {
            trackRoutineBody(token, current.get(current.size() - 1));
        }
    }

    private Header nextHeader(Token token) {
        if (current.isEmpty()) {
            return token.is("create") ? Header.AFTER_CREATE : Header.OTHER;
        }
        return switch (header) {
            case AFTER_CREATE -> isRoutine(token) ? Header.ROUTINE : token.is("or") ? Header.AFTER_OR : Header.OTHER;
            case AFTER_OR -> token.is("replace") ? Header.AFTER_REPLACE : Header.OTHER;
            case AFTER_REPLACE -> isRoutine(token) ? Header.ROUTINE : Header.OTHER;
            case ROUTINE, OTHER -> header;
        };
    }

    private static boolean isRoutine(Token token) {
        return token.is("function") || token.is("procedure");
    }

    /** Follows {@code BEGIN ATOMIC} and its {@code END}, outside parentheses, in a routine statement. */
    private void trackRoutineBody(Token token, Token previous) {
        if (token.is("atomic") && previous.is("begin")) {
            if (bodyDepth++ == 0) {
                bodyBegin = previous;
            }
        } else if (bodyDepth > 0 && token.is("end") && (previous.isPunctuation(";") || previous.is("atomic"))) {
            bodyDepth--;
        }
    }

    private void reportOpenConstructs() {
        if (inputEndsInsideToken) {
            return;
        }
        if (bodyDepth > 0) {
            diagnostics.add(new SqlDiagnostic("BEGIN ATOMIC body starting at " + bodyBegin.position()
                    + " has no END after the semicolon of its last statement, so its semicolons do not end the"
                    + " statement and the rest of the script is part of it; close the body with ; END",
                    bodyBegin.position()));
        }
        if (parenDepth > 0) {
            diagnostics.add(new SqlDiagnostic("( at " + outermostParen.position() + " is never closed, so"
                    + " semicolons after it do not end the statement and the rest of the script is part of it;"
                    + " add the missing )", outermostParen.position()));
        }
    }

    private void finish() {
        Token first = current.get(0);
        Token last = current.get(current.size() - 1);
        statements.add(new SqlStatement(statements.size(), text.substring(first.start(), last.end()),
                first.position(), cursor.positionOf(last.end()), current, currentComments));
        current.clear();
        currentComments.clear();
        parenDepth = 0;
        bodyDepth = 0;
        header = null;
    }
}
