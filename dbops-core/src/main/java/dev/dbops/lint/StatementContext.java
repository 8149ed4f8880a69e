package dev.dbops.lint;

import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything a rule may know about one statement besides its text: the PostgreSQL version it will run
 * on, whether it runs inside a transaction (the migration tool's or an explicit one), which tables
 * earlier pending migrations created (nobody else can be using those yet), which timeouts are set, and
 * the statements before it in the same transaction and migration.
 */
public final class StatementContext {

    private final Statement statement;
    private final SourceLocation location;
    private final int pgVersion;
    private final boolean toolTransaction;
    private final boolean inTransaction;
    private final boolean lockTimeoutSet;
    private final boolean statementTimeoutSet;
    private final LintHistory history;
    private final int sequence;
    private final int transactionStart;
    private final int migrationStart;

    StatementContext(Statement statement, SourceLocation location, int pgVersion, boolean toolTransaction,
            boolean inTransaction, boolean lockTimeoutSet, boolean statementTimeoutSet, LintHistory history,
            int sequence, int transactionStart, int migrationStart) {
        this.statement = Objects.requireNonNull(statement, "statement");
        this.location = Objects.requireNonNull(location, "location");
        this.pgVersion = pgVersion;
        this.toolTransaction = toolTransaction;
        this.inTransaction = inTransaction;
        this.lockTimeoutSet = lockTimeoutSet;
        this.statementTimeoutSet = statementTimeoutSet;
        this.history = history;
        this.sequence = sequence;
        this.transactionStart = transactionStart;
        this.migrationStart = migrationStart;
    }

    /** The parsed statement. */
    public Statement statement() {
        return statement;
    }

    /** Where the statement is. */
    public SourceLocation location() {
        return location;
    }

    /** The PostgreSQL major version the migration will run on (12 to 18). */
    public int pgVersion() {
        return pgVersion;
    }

    /** Whether the migration tool runs this statement's migration inside one transaction. */
    public boolean toolTransaction() {
        return toolTransaction;
    }

    /** Whether the statement runs inside a transaction block: the tool's, or an explicit {@code BEGIN}. */
    public boolean inTransaction() {
        return inTransaction;
    }

    /**
     * Whether {@code lock_timeout} is in effect: set earlier in the same transaction or session of this
     * migration, or configured for the tool or role (an option of the linter).
     */
    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    /** Whether {@code statement_timeout} (or {@code transaction_timeout}) is in effect, like {@link #lockTimeoutSet()}. */
    public boolean statementTimeoutSet() {
        return statementTimeoutSet;
    }

    /**
     * Whether {@code table} was created by an earlier statement of the migrations being linted (of this
     * migration only, with {@link MigrationLinter.Builder#earlierMigrationsApplied}), so that no application
     * session can be using it yet and most lock rules do not apply.
     */
    public boolean isNewTable(QualifiedName table) {
        return history.createdBefore(table, sequence);
    }

    /** Whether {@code table} existed before the migrations being linted: the opposite of {@link #isNewTable}. */
    public boolean isLiveTable(QualifiedName table) {
        return !isNewTable(table);
    }

    /** The statements before this one in the same transaction block (empty outside transactions). */
    public List<Statement> earlierInTransaction() {
        return inTransaction ? history.statements(transactionStart, sequence) : List.of();
    }

    /** Every statement before this one in the run, across all migrations being linted. */
    public List<Statement> earlierInRun() {
        return history.statements(0, sequence);
    }

    /** The statements before this one in the same migration file or changeset. */
    public List<Statement> earlierInMigration() {
        return history.statements(migrationStart, sequence);
    }

    /** The statements after this one in the same migration file or changeset (complete only in {@link LintRule#afterAll}). */
    public List<Statement> laterInMigration() {
        return history.statementsOfMigrationAfter(migrationStart, sequence);
    }

    /**
     * State a rule derives from the statements of this run and keeps for the rest of the run, created by
     * {@code factory} on first use and shared by every statement of the run under {@code key}: e.g. a
     * schema model advanced statement by statement instead of replayed from the start each time. The
     * state must be derived only from the run's statements, so that rules stay pure.
     */
    public <T> T runState(Object key, Supplier<T> factory) {
        return history.attachment(key, factory);
    }

    /** This statement's position among all statements linted in this run, from 0. */
    public int sequence() {
        return sequence;
    }
}
