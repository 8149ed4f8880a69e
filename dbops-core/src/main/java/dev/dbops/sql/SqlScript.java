package dev.dbops.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A SQL script split into statements exactly where PostgreSQL splits it, with every token's position.
 *
 * <p>{@link #parse(String)} accepts any text and never throws for it: what PostgreSQL would reject as
 * unterminated (a string, quoted identifier, dollar quote or comment, an unclosed parenthesis or
 * {@code BEGIN ATOMIC} body) is reported in {@link #diagnostics()}, and the rest of the input becomes
 * part of the last statement. The splitting rules are in the {@linkplain dev.dbops.sql package
 * documentation}.
 */
public final class SqlScript {

    private final String text;
    private final List<SqlStatement> statements;
    private final List<Token> comments;
    private final List<SqlDiagnostic> diagnostics;

    private SqlScript(String text, List<SqlStatement> statements, List<Token> comments,
            List<SqlDiagnostic> diagnostics) {
        this.text = text;
        this.statements = List.copyOf(statements);
        this.comments = List.copyOf(comments);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Splits {@code sql} into statements; never throws for a non-null input.
     *
     * @throws NullPointerException when {@code sql} is null
     */
    public static SqlScript parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        SqlLexer lexer = SqlLexer.lex(sql);
        StatementSplitter splitter = new StatementSplitter(sql, lexer.chars(), !lexer.diagnostics().isEmpty());
        splitter.split(lexer.tokens());
        List<SqlDiagnostic> diagnostics = new ArrayList<>(lexer.diagnostics());
        diagnostics.addAll(splitter.diagnostics());
        diagnostics.sort(Comparator.comparingInt(d -> d.position().offset()));
        return new SqlScript(sql, splitter.statements(), splitter.comments(), diagnostics);
    }

    /** The statements in source order; empty statements ({@code ;;}, or only comments) are left out. */
    public List<SqlStatement> statements() {
        return statements;
    }

    /**
     * Every comment of the script in source order, including those after the last statement (where
     * file-level markers such as {@code -- dbops:ignore-file} live). A {@code --} comment between the
     * continued segments of one string constant is part of that string token, not listed here.
     */
    public List<Token> comments() {
        return comments;
    }

    /** The problems found, in source order; empty for a script PostgreSQL could at least tokenize. */
    public List<SqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The text this script was parsed from, unchanged. */
    public String text() {
        return text;
    }

    /** A summary for logs: counts only, never the SQL. */
    @Override
    public String toString() {
        return "SqlScript[" + statements.size() + " statements, " + comments.size() + " comments, "
                + diagnostics.size() + " diagnostics]";
    }
}
