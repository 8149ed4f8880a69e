package dev.dbops.lint;

import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code dbops:ignore} comments of one script: {@code -- dbops:ignore rule-a,rule-b reason} applies to
 * the statement it trails on the same line, or else to the next statement; {@code -- dbops:ignore-file
 * rule reason} applies to the whole script. Tracks which suppressions were used so that the ones that
 * suppress nothing can be reported.
 */
final class Suppressions {

    private static final String STATEMENT_MARKER = "dbops:ignore";
    private static final String FILE_MARKER = "dbops:ignore-file";

    private final List<Suppression> all;

    private Suppressions(List<Suppression> all) {
        this.all = all;
    }

    static Suppressions of(SqlScript script) {
        List<Suppression> found = new ArrayList<>();
        List<SqlStatement> statements = script.statements();
        for (Token comment : script.comments()) {
            String body = commentBody(comment);
            boolean file = body.startsWith(FILE_MARKER);
            if (!file && !body.startsWith(STATEMENT_MARKER + " ") && !body.equals(STATEMENT_MARKER)) {
                continue;
            }
            String rest = body.substring(file ? FILE_MARKER.length() : STATEMENT_MARKER.length()).strip();
            int space = indexOfWhitespace(rest);
            String ids = space < 0 ? rest : rest.substring(0, space);
            String reason = space < 0 ? "" : rest.substring(space).strip();
            Set<String> ruleIds = new LinkedHashSet<>();
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    ruleIds.add(id.strip());
                }
            }
            int target = file ? -1 : targetStatement(comment, statements);
            found.add(new Suppression(comment, ruleIds, reason, target));
        }
        return new Suppressions(found);
    }

    /** Whether {@code ruleId} is suppressed for the statement at {@code index}; marks the suppression used. */
    boolean suppresses(String ruleId, int index) {
        boolean suppressed = false;
        for (Suppression suppression : all) {
            if ((suppression.statement == -1 || suppression.statement == index)
                    && suppression.ruleIds.contains(ruleId)) {
                suppression.used.add(ruleId);
                suppressed = true;
            }
        }
        return suppressed;
    }

    List<Suppression> all() {
        return all;
    }

    private static String commentBody(Token comment) {
        String text = comment.text();
        if (text.startsWith("--")) {
            return text.substring(2).strip();
        }
        String inner = text.substring(2, Math.max(2, text.length() - 2));
        return inner.strip();
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int targetStatement(Token comment, List<SqlStatement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            boolean inside = comment.start() >= statement.start().offset() && comment.start() < statement.end().offset();
            boolean trailing = comment.start() >= statement.end().offset() && comment.line() == statement.end().line();
            if (inside || trailing) {
                return i;
            }
            if (statement.start().offset() >= comment.end()) {
                return i;
            }
        }
        return statements.size();
    }

    /** One {@code dbops:ignore} comment. */
    static final class Suppression {
        final Token comment;
        final Set<String> ruleIds;
        final String reason;
        final int statement;
        final Set<String> used = new HashSet<>();

        Suppression(Token comment, Set<String> ruleIds, String reason, int statement) {
            this.comment = comment;
            this.ruleIds = ruleIds;
            this.reason = reason;
            this.statement = statement;
        }

        boolean fileWide() {
            return statement == -1;
        }
    }
}
