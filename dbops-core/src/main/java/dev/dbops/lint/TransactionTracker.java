package dev.dbops.lint;

import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;

/**
 * Follows one migration statement by statement: whether a transaction block is open (the tool's or an
 * explicit {@code BEGIN}), where it started, and whether {@code lock_timeout} and
 * {@code statement_timeout} are in effect for the session or the current transaction. Also records the
 * tables the migration creates, so later statements know they are new.
 */
final class TransactionTracker {

    private final boolean toolTransaction;
    private boolean explicitTransaction;
    private int transactionStart;
    private final Timeout lockTimeout = new Timeout();
    private final Timeout statementTimeout = new Timeout();

    TransactionTracker(boolean toolTransaction, int migrationStart) {
        this.toolTransaction = toolTransaction;
        this.transactionStart = migrationStart;
    }

    void before(Statement statement, int sequence) {
        if (statement instanceof Statement.TransactionControl control
                && control.command() == Statement.TransactionCommand.BEGIN && !inTransaction()) {
            explicitTransaction = true;
            transactionStart = sequence;
        }
    }

    boolean inTransaction() {
        return toolTransaction || explicitTransaction;
    }

    int transactionStart() {
        return transactionStart;
    }

    boolean lockTimeoutSet() {
        return lockTimeout.inEffect();
    }

    boolean statementTimeoutSet() {
        return statementTimeout.inEffect();
    }

    void after(Statement statement, int sequence, LintHistory history) {
        if (statement instanceof Statement.TransactionControl control) {
            if (control.command() == Statement.TransactionCommand.COMMIT
                    || control.command() == Statement.TransactionCommand.ROLLBACK) {
                endTransaction(sequence);
            }
        } else if (statement instanceof Statement.SetParameter set) {
            apply(set);
        } else if (statement instanceof Statement.CreateTable create) {
            history.created(create.table(), sequence);
        } else if (statement instanceof Statement.CreateView view) {
            history.created(view.view(), sequence);
        } else if (statement instanceof Statement.AlterTable alter) {
            recordRename(alter, sequence, history);
        }
        if (!inTransaction()) {
            transactionStart = sequence + 1;
        }
    }

    private void endTransaction(int sequence) {
        explicitTransaction = false;
        lockTimeout.local = false;
        statementTimeout.local = false;
        transactionStart = sequence + 1;
    }

    private void apply(Statement.SetParameter set) {
        boolean enabled = set.value().map(TransactionTracker::isNonZero).orElse(false);
        if (set.name().equals("all")) {
            lockTimeout.session = false;
            statementTimeout.session = false;
            return;
        }
        Timeout timeout = switch (set.name()) {
            case "lock_timeout" -> lockTimeout;
            case "statement_timeout", "transaction_timeout" -> statementTimeout;
            default -> null;
        };
        if (timeout == null) {
            return;
        }
        if (set.local()) {
            if (inTransaction()) {
                timeout.local = enabled;
            }
        } else {
            timeout.session = enabled;
        }
    }

    private static void recordRename(Statement.AlterTable alter, int sequence, LintHistory history) {
        if (!history.createdBefore(alter.table(), sequence)) {
            return;
        }
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.RenameTable rename) {
                history.created(new QualifiedName(alter.table().schema(), rename.to()), sequence);
            }
        }
    }

    static boolean isNonZero(String value) {
        String trimmed = value.strip();
        int i = 0;
        while (i < trimmed.length() && Character.isDigit(trimmed.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return !trimmed.isEmpty() && !trimmed.equalsIgnoreCase("default");
        }
        return Long.parseLong(trimmed.substring(0, Math.min(i, 18))) != 0;
    }

    private static final class Timeout {
        boolean session;
        boolean local;

        boolean inEffect() {
            return session || local;
        }
    }
}
