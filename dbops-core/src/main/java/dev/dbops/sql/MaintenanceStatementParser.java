package dev.dbops.sql;

import dev.dbops.LockMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses every statement that is not CREATE/ALTER/DROP: maintenance ({@code REINDEX}, {@code VACUUM},
 * {@code CLUSTER}, {@code REFRESH}), {@code LOCK}, {@code TRUNCATE}, data changes, settings, transaction
 * control and {@code DO} blocks.
 */
final class MaintenanceStatementParser {

    /** Commands with no lock-safety impact of their own, kept as {@code Statement.Other}. */
    private static final Set<String> HARMLESS = Set.of("comment", "grant", "revoke", "analyze", "analyse", "select",
            "values", "table", "explain", "call", "notify", "listen", "unlisten", "discard", "security", "import",
            "checkpoint", "load", "show", "prepare", "execute", "deallocate", "declare", "fetch", "close", "move",
            "reassign", "refresh", "with");

    private MaintenanceStatementParser() {
    }

    static Statement parse(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Token first = cursor.peek().orElseThrow();
        if (cursor.accept("reindex")) {
            return reindex(cursor);
        }
        if (cursor.accept("refresh", "materialized", "view")) {
            boolean concurrently = cursor.accept("concurrently");
            Optional<QualifiedName> view = cursor.qualifiedName();
            if (view.isEmpty()) {
                return new Statement.Unparsed(source, cursor.fail("a materialized view name"));
            }
            boolean withNoData = cursor.accept("with", "no", "data");
            return new Statement.RefreshMaterializedView(source, view.get(), concurrently, withNoData);
        }
        if (cursor.accept("lock")) {
            return lock(cursor);
        }
        if (cursor.accept("vacuum")) {
            return vacuum(cursor);
        }
        if (cursor.accept("cluster")) {
            cursor.accept("verbose");
            cursor.parenthesized();
            return new Statement.Cluster(source, cursor.qualifiedName());
        }
        if (cursor.accept("truncate")) {
            cursor.accept("table");
            List<QualifiedName> tables = cursor.qualifiedNames();
            return new Statement.Truncate(source, tables, cursor.remainingContains("cascade"));
        }
        Optional<Statement> change = DataChangeParser.parse(cursor);
        if (change.isPresent()) {
            return change.get();
        }
        Optional<Statement> setting = SettingParser.parse(cursor);
        if (setting.isPresent()) {
            return setting.get();
        }
        Optional<Statement> transaction = transactionControl(cursor);
        if (transaction.isPresent()) {
            return transaction.get();
        }
        if (cursor.peekWords("do")) {
            return DoBlockParser.parse(cursor);
        }
        if (first.kind() == TokenKind.WORD && HARMLESS.contains(first.value())) {
            return new Statement.Other(source, first.value().toUpperCase(Locale.ROOT), false);
        }
        if (cursor.peekPunctuation("(")) {
            return new Statement.Other(source, "SELECT", false);
        }
        return new Statement.Unparsed(source, "unknown command '" + first.text() + "'");
    }

    private static Statement reindex(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        boolean concurrently = false;
        Optional<Expression> options = cursor.parenthesized();
        if (options.isPresent() && options.get().tokens().stream().anyMatch(token -> token.is("concurrently"))) {
            concurrently = true;
        }
        Statement.ObjectKind target;
        if (cursor.accept("index")) {
            target = Statement.ObjectKind.INDEX;
        } else if (cursor.accept("table")) {
            target = Statement.ObjectKind.TABLE;
        } else if (cursor.accept("schema")) {
            target = Statement.ObjectKind.SCHEMA;
        } else if (cursor.accept("database")) {
            target = Statement.ObjectKind.DATABASE;
        } else if (cursor.accept("system")) {
            target = Statement.ObjectKind.SYSTEM;
        } else {
            return new Statement.Unparsed(source, cursor.fail("INDEX, TABLE, SCHEMA, DATABASE or SYSTEM"));
        }
        concurrently |= cursor.accept("concurrently");
        return new Statement.Reindex(source, target, cursor.qualifiedName(), concurrently);
    }

    private static Statement lock(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        cursor.accept("table");
        List<QualifiedName> tables = cursor.qualifiedNames();
        if (tables.isEmpty()) {
            return new Statement.Unparsed(source, cursor.fail("a table name"));
        }
        LockMode mode = LockMode.ACCESS_EXCLUSIVE;
        if (cursor.accept("in")) {
            int start = cursor.position();
            cursor.until("mode");
            String words = cursor.keywords(start, cursor.position() - start);
            mode = lockMode(words).orElse(LockMode.ACCESS_EXCLUSIVE);
            cursor.accept("mode");
        }
        boolean nowait = cursor.accept("nowait");
        return new Statement.LockTable(source, tables, mode, nowait);
    }

    private static Optional<LockMode> lockMode(String words) {
        for (LockMode mode : LockMode.values()) {
            if (mode.sqlName().equals(words)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    private static Statement vacuum(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        boolean full = false;
        Optional<Expression> options = cursor.parenthesized();
        if (options.isPresent()) {
            List<Token> tokens = options.get().tokens();
            for (int i = 0; i < tokens.size(); i++) {
                boolean disabled = i + 1 < tokens.size()
                        && (tokens.get(i + 1).is("false") || tokens.get(i + 1).is("off")
                                || tokens.get(i + 1).text().equals("0"));
                if (tokens.get(i).is("full") && !disabled) {
                    full = true;
                }
            }
        }
        while (cursor.accept("full") || cursor.accept("freeze") || cursor.accept("verbose") || cursor.accept("analyze")
                || cursor.accept("analyse")) {
            String word = cursor.text(cursor.position() - 1, cursor.position());
            full |= word.equalsIgnoreCase("full");
        }
        List<QualifiedName> tables = cursor.atEnd() ? List.of() : cursor.qualifiedNames();
        return new Statement.Vacuum(source, full, tables);
    }

    private static Optional<Statement> transactionControl(TokenCursor cursor) {
        SqlStatement source = cursor.statement();
        Statement.TransactionCommand command = null;
        if (cursor.peekWords("begin") || cursor.peekWords("start", "transaction")) {
            command = Statement.TransactionCommand.BEGIN;
        } else if (cursor.peekWords("commit", "prepared") || cursor.peekWords("rollback", "prepared")
                || cursor.peekWords("prepare", "transaction")) {
            command = Statement.TransactionCommand.TWO_PHASE;
        } else if (cursor.peekWords("rollback", "to") || cursor.peekWords("savepoint") || cursor.peekWords("release")) {
            command = Statement.TransactionCommand.SAVEPOINT;
        } else if (cursor.peekWords("commit") || cursor.peekWords("end")) {
            command = Statement.TransactionCommand.COMMIT;
        } else if (cursor.peekWords("rollback") || cursor.peekWords("abort")) {
            command = Statement.TransactionCommand.ROLLBACK;
        }
        return Optional.ofNullable(command).map(c -> new Statement.TransactionControl(source, c));
    }
}
