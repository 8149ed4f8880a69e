package dev.dbops.lint.rules;

import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How the session and design rules name statements in messages and write them into fixes. */
final class StatementWording {

    /** PostgreSQL's identifier limit: NAMEDATALEN - 1 bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private static final int SUMMARY_LENGTH = 80;

    /** Functions a migration's {@code SELECT} calls that return at once and take no table lock. */
    private static final Set<String> QUICK_FUNCTIONS = Set.of("setval", "nextval", "currval", "set_config",
            "current_setting", "now", "version", "format", "to_regclass", "to_regtype", "pg_notify");

    private StatementWording() {
    }

    /** The statement as written, without the terminating semicolon. */
    static String sql(Statement statement) {
        return statement.source().text().strip();
    }

    /** The statement as written, terminated, ready to go into a fix. */
    static String terminated(Statement statement) {
        return sql(statement) + ";";
    }

    /** The statement on one line, shortened to about 80 characters, for quoting in messages. */
    static String summary(Statement statement) {
        String oneLine = sql(statement).replaceAll("\\s+", " ");
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** A short name for the statement and its object, e.g. {@code ALTER TABLE orders} or {@code DROP INDEX orders_idx}. */
    static String label(Statement statement) {
        if (statement instanceof Statement.CreateTable create) {
            return "CREATE TABLE " + create.table().display();
        }
        if (statement instanceof Statement.AlterTable alter) {
            return "ALTER TABLE " + alter.table().display();
        }
        if (statement instanceof Statement.CreateIndex create) {
            return "CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX "
                    + (create.concurrently() ? "CONCURRENTLY " : "")
                    + create.name().map(name -> QualifiedName.of(name).display() + " ").orElse("")
                    + "ON " + create.table().display();
        }
        if (statement instanceof Statement.Drop drop) {
            return "DROP " + kindWords(drop.kind()) + (drop.concurrently() ? " CONCURRENTLY " : " ")
                    + names(drop.names()) + drop.onTable().map(table -> " ON " + table.display()).orElse("");
        }
        if (statement instanceof Statement.Reindex reindex) {
            return "REINDEX " + kindWords(reindex.target()) + (reindex.concurrently() ? " CONCURRENTLY" : "")
                    + reindex.name().map(name -> " " + name.display()).orElse("");
        }
        if (statement instanceof Statement.RefreshMaterializedView refresh) {
            return "REFRESH MATERIALIZED VIEW " + (refresh.concurrently() ? "CONCURRENTLY " : "")
                    + refresh.view().display();
        }
        if (statement instanceof Statement.CreateTrigger trigger) {
            return "CREATE TRIGGER " + QualifiedName.of(trigger.name()).display() + " ON " + trigger.table().display();
        }
        if (statement instanceof Statement.LockTable lock) {
            return "LOCK TABLE " + names(lock.tables());
        }
        if (statement instanceof Statement.Truncate truncate) {
            return "TRUNCATE " + names(truncate.tables());
        }
        if (statement instanceof Statement.Vacuum vacuum) {
            return "VACUUM " + (vacuum.full() ? "FULL " : "") + names(vacuum.tables());
        }
        if (statement instanceof Statement.Cluster cluster) {
            return "CLUSTER" + cluster.table().map(table -> " " + table.display()).orElse("");
        }
        if (statement instanceof Statement.DataChange change) {
            return change.kind().name() + " " + change.table().display();
        }
        if (statement instanceof Statement.CreateView view) {
            return "CREATE " + (view.orReplace() ? "OR REPLACE " : "") + (view.materialized() ? "MATERIALIZED " : "")
                    + "VIEW " + view.view().display();
        }
        if (statement instanceof Statement.Other other) {
            return other.command();
        }
        if (statement instanceof Statement.DoBlock) {
            return "DO block";
        }
        return summary(statement);
    }

    /** The object words of a {@code DROP}/{@code REINDEX} kind, e.g. {@code MATERIALIZED VIEW}. */
    static String kindWords(Statement.ObjectKind kind) {
        return kind == Statement.ObjectKind.OTHER ? "" : kind.name().replace('_', ' ');
    }

    /** Names for messages, comma-separated. */
    static String names(List<QualifiedName> names) {
        return names.stream().map(QualifiedName::display).collect(Collectors.joining(", "));
    }

    /** {@code value} as an SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The size of {@code identifier} as PostgreSQL counts it: UTF-8 bytes. */
    static int utf8Bytes(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code identifier} that fits {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String truncateToBytes(String identifier, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < identifier.length()) {
            int codePoint = identifier.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return identifier.substring(0, end);
    }

    /** A generated name such as {@code orders_note_max_length}, cut to PostgreSQL's 63 bytes. */
    static String generatedName(String... parts) {
        return truncateToBytes(String.join("_", parts), MAX_IDENTIFIER_BYTES);
    }

    /**
     * The statement's text with the type written after column {@code column} (in a column definition, or after
     * {@code ALTER COLUMN column [SET DATA] TYPE}) replaced by {@code newType}, or empty when the declaration
     * cannot be found in the text.
     */
    static Optional<String> replaceColumnType(Statement statement, String column, String writtenType, String newType) {
        String name = Pattern.quote(QualifiedName.of(column).display());
        Pattern declaration = Pattern.compile("(^|[\\s(,])(" + name + ")(\\s+(?:(?:SET\\s+DATA\\s+)?TYPE\\s+)?)"
                + Pattern.quote(writtenType.strip())
                + "(?![\\w$])", Pattern.CASE_INSENSITIVE);
        Matcher matcher = declaration.matcher(sql(statement));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String text = sql(statement);
        return Optional.of(text.substring(0, matcher.start()) + matcher.group(1) + matcher.group(2) + matcher.group(3)
                + newType + text.substring(matcher.end()));
    }

    /** Whether {@code statement} is one of the statements of a {@code DO} block among {@code earlier}. */
    static boolean isInsideDoBlock(Statement statement, List<Statement> earlier) {
        for (Statement candidate : earlier) {
            if (candidate instanceof Statement.DoBlock block) {
                for (Statement inner : block.statements()) {
                    if (inner == statement) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a statement dbops treats as {@link Statement.Other} may run code or read data whose cost dbops
     * cannot see: every {@code CALL}, and a {@code SELECT}/{@code WITH} that reads a table ({@code FROM}) or
     * calls a function other than the quick ones migrations use ({@code setval}, {@code set_config}…).
     */
    static boolean runsUnknownCode(Statement statement) {
        if (!(statement instanceof Statement.Other)) {
            return false;
        }
        String first = firstWord(statement);
        if (first.equals("CALL")) {
            return true;
        }
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            return false;
        }
        List<Token> tokens = statement.source().tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is("from")) {
                return true;
            }
            boolean call = token.kind() == TokenKind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation("(");
            if (call && !QUICK_FUNCTIONS.contains(token.value())) {
                return true;
            }
        }
        return false;
    }

    /** The upper-case key words a statement starts with, e.g. {@code CALL} or {@code SELECT}. */
    static String firstWord(Statement statement) {
        String text = sql(statement);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
