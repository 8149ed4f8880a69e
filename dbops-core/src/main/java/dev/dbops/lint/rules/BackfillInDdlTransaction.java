package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backfill ({@code UPDATE}/{@code DELETE}) in the same transaction as DDL that locks a live table: the
 * DDL's lock is held until COMMIT, so for as long as the backfill runs, and every row the backfill
 * changes stays locked too. Reported for a table-wide UPDATE/DELETE (no WHERE) next to any such DDL, and
 * for any UPDATE/DELETE of a table that DDL of the same transaction locks, whether the DDL comes before
 * or after it. Backfills of tables created by the linted migrations are exempt.
 */
final class BackfillInDdlTransaction extends AbstractRule {

    BackfillInDdlTransaction() {
        super("backfill-in-ddl-transaction", Severity.ERROR,
                "A backfill UPDATE/DELETE in the same transaction as DDL keeps the DDL's lock for the whole backfill.");
    }

    /** A table lock that a DDL statement holds until the end of its transaction. */
    private record HeldLock(QualifiedName table, LockMode mode) {
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run, because the DDL may come after the backfill in the same transaction. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        Map<Statement, StatementContext> contexts = new IdentityHashMap<>();
        for (StatementContext context : statements) {
            contexts.put(context.statement(), context);
        }
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (!(context.statement() instanceof Statement.DataChange change) || !context.inTransaction()
                    || (change.kind() != Statement.DataChangeKind.UPDATE
                            && change.kind() != Statement.DataChangeKind.DELETE)
                    || context.isNewTable(change.table())) {
                continue;
            }
            Optional<Finding> finding = firstConflict(context, change, context.earlierInTransaction(), true, contexts)
                    .or(() -> firstConflict(context, change, TransactionScope.later(context), false, contexts));
            finding.ifPresent(f -> findings.add(new StatementFinding(context, f)));
        }
        return findings;
    }

    private static Optional<Finding> firstConflict(StatementContext context, Statement.DataChange change,
            List<Statement> candidates, boolean before, Map<Statement, StatementContext> contexts) {
        for (Statement candidate : candidates) {
            StatementContext ddl = contexts.get(candidate);
            if (ddl == null) {
                continue;
            }
            for (HeldLock held : heldLocks(ddl)) {
                boolean sameTable = held.table().sameObjectAs(change.table());
                if (held.mode().blocksWrites() && (sameTable || !change.hasWhere())) {
                    return Optional.of(finding(context, change, ddl, held, before));
                }
            }
        }
        return Optional.empty();
    }

    /** The locks on live tables that {@code ddl} takes and keeps until COMMIT, as far as dbops knows them. */
    private static List<HeldLock> heldLocks(StatementContext ddl) {
        List<HeldLock> locks = new ArrayList<>();
        Statement statement = ddl.statement();
        if (statement instanceof Statement.AlterTable alter) {
            LockMode mode = LockMode.NONE;
            for (AlterTableAction action : alter.actions()) {
                mode = mode.max(lockOf(action));
                referencedBy(action).ifPresent(table -> locks.add(new HeldLock(table, LockMode.SHARE_ROW_EXCLUSIVE)));
            }
            locks.add(0, new HeldLock(alter.table(), mode));
        } else if (statement instanceof Statement.CreateIndex index && !index.concurrently()) {
            locks.add(new HeldLock(index.table(), LockMode.SHARE));
        } else if (statement instanceof Statement.Drop drop && (drop.kind() == Statement.ObjectKind.TABLE
                || drop.kind() == Statement.ObjectKind.VIEW || drop.kind() == Statement.ObjectKind.MATERIALIZED_VIEW)) {
            drop.names().forEach(name -> locks.add(new HeldLock(name, LockMode.ACCESS_EXCLUSIVE)));
        } else if (statement instanceof Statement.Truncate truncate) {
            truncate.tables().forEach(name -> locks.add(new HeldLock(name, LockMode.ACCESS_EXCLUSIVE)));
        } else if (statement instanceof Statement.CreateTrigger trigger) {
            locks.add(new HeldLock(trigger.table(), LockMode.SHARE_ROW_EXCLUSIVE));
        } else if (statement instanceof Statement.LockTable lock) {
            lock.tables().forEach(name -> locks.add(new HeldLock(name, lock.mode())));
        } else if (statement instanceof Statement.RefreshMaterializedView refresh && !refresh.concurrently()) {
            locks.add(new HeldLock(refresh.view(), LockMode.ACCESS_EXCLUSIVE));
        } else if (statement instanceof Statement.Reindex reindex && reindex.target() == Statement.ObjectKind.TABLE
                && !reindex.concurrently()) {
            reindex.name().ifPresent(name -> locks.add(new HeldLock(name, LockMode.SHARE)));
        } else if (statement instanceof Statement.CreateTable create) {
            create.partitionOf().ifPresent(parent -> locks.add(new HeldLock(parent, LockMode.ACCESS_EXCLUSIVE)));
            for (ColumnDefinition column : create.columns()) {
                column.references().ifPresent(fk -> locks.add(new HeldLock(fk.table(), LockMode.SHARE_ROW_EXCLUSIVE)));
            }
            for (TableConstraint constraint : create.constraints()) {
                constraint.references().ifPresent(fk -> locks.add(
                        new HeldLock(fk.table(), LockMode.SHARE_ROW_EXCLUSIVE)));
            }
        }
        locks.removeIf(lock -> ddl.isNewTable(lock.table()) || lock.mode() == LockMode.NONE);
        return locks;
    }

    private static LockMode lockOf(AlterTableAction action) {
        if (action instanceof AlterTableAction.ValidateConstraint
                || action instanceof AlterTableAction.AttachPartition) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.DetachPartition detach && detach.concurrently()) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.AddConstraint add
                && add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.TriggerToggle) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.Other other && (other.keywords().contains("SET STATISTICS")
                || other.keywords().contains("CLUSTER ON") || other.keywords().contains("SET WITHOUT CLUSTER"))) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        return LockMode.ACCESS_EXCLUSIVE;
    }

    private static Optional<QualifiedName> referencedBy(AlterTableAction action) {
        if (action instanceof AlterTableAction.AddConstraint add) {
            return add.constraint().references().map(fk -> fk.table());
        }
        if (action instanceof AlterTableAction.AddColumn add) {
            return add.column().references().map(fk -> fk.table());
        }
        return Optional.empty();
    }

    private static Finding finding(StatementContext context, Statement.DataChange change, StatementContext ddl,
            HeldLock held, boolean before) {
        String t = change.table().display();
        String verb = change.kind() == Statement.DataChangeKind.UPDATE ? "UPDATE" : "DELETE";
        String what = change.hasWhere() ? verb + " of " + t + " (filtered, but not batched: one transaction)"
                : verb + " of every row of " + t;
        String other = "\"" + abbreviated(ddl.statement().source().text()) + "\" (line " + ddl.location().line() + ")";
        String lock = SafeAlternatives.lock(held.mode());
        String aLock = SafeAlternatives.aLock(held.mode());
        String on = held.table().display();
        String message = before
                ? what + " runs in the same transaction as the earlier " + other + ", so the " + lock + " that"
                        + " statement took on " + on + " is held until COMMIT, for as long as the " + verb + " takes;"
                        + " every row it changes stays locked until then too"
                : what + " runs in the same transaction as the later " + other + ": every row it changes stays locked"
                        + " until COMMIT, which comes only after that statement has waited for and taken " + aLock
                        + " on " + on;
        String fix = "-- commit the DDL first; backfill " + SafeAlternatives.OUTSIDE_TRANSACTION + ", in batches,"
                + " repeated until it changes 0 rows:\n" + batched(change);
        TableImpact impact = change.hasWhere() ? TableImpact.SCAN : TableImpact.WRITE_ALL_ROWS;
        return Finding.of(message, held.mode(), impact, fix);
    }

    private static String batched(Statement.DataChange change) {
        SqlStatement source = change.source();
        Optional<String> where = clause(source, "where", List.of("returning"));
        if (change.kind() == Statement.DataChangeKind.DELETE) {
            return SafeAlternatives.batchedDelete(change.table(), where.orElse(""));
        }
        Optional<String> assignments = clause(source, "set", List.of("from", "where", "returning"));
        String set = assignments.orElse("<column> = <value>");
        String pending = where.map(w -> "(" + w + ")").orElse(pendingOf(set));
        String comment = where.isPresent() ? "" : "  -- adjust the condition: true only for rows not yet backfilled";
        return SafeAlternatives.batchedUpdate(change.table(), set, pending) + comment;
    }

    /** "c IS DISTINCT FROM value" for the first assignment {@code c = value} of a SET list. */
    private static String pendingOf(String assignments) {
        int equals = assignments.indexOf('=');
        int comma = assignments.indexOf(',');
        if (equals < 0) {
            return "<not yet backfilled>";
        }
        String column = assignments.substring(0, equals).strip();
        String value = assignments.substring(equals + 1, comma > equals ? comma : assignments.length()).strip();
        return column + " IS DISTINCT FROM " + value;
    }

    /** The text of the top-level clause that starts with {@code keyword}, up to the first of {@code ends}. */
    private static Optional<String> clause(SqlStatement source, String keyword, List<String> ends) {
        List<Token> tokens = source.tokens();
        int depth = 0;
        int start = -1;
        int end = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == TokenKind.WORD) {
                if (start < 0 && token.is(keyword)) {
                    start = i + 1;
                } else if (start >= 0 && ends.stream().anyMatch(token::is)) {
                    end = i;
                    break;
                }
            }
        }
        if (start < 0 || start >= end) {
            return Optional.empty();
        }
        int base = source.start().offset();
        int from = tokens.get(start).start() - base;
        int to = tokens.get(end - 1).end() - base;
        if (from < 0 || to > source.text().length() || from >= to) {
            return Optional.empty();
        }
        return Optional.of(source.text().substring(from, to));
    }

    private static String abbreviated(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "…";
    }
}
