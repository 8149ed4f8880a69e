package dev.dbops.lint;

import dev.dbops.LockMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule says about one statement, before the linter adds the rule id, severity and location:
 * the message, the lock taken, the impact on the table's rows and the safe alternative as SQL.
 *
 * @param message what is wrong, naming the table and the lock, e.g. "CREATE INDEX on public.orders
 *     takes SHARE (blocks writes) for the whole index build"
 * @param lock the strongest table lock the statement takes on a live table ({@link LockMode#NONE} when none)
 * @param impact what it does to the table's rows
 * @param fix the safe alternative as concrete SQL for the PostgreSQL version linted against
 * @param severity a severity for this finding other than the rule's default (e.g. a rule that warns
 *     about trigger DDL but errs on {@code DISABLE TRIGGER ALL}); a severity the user configured for the
 *     rule still wins
 */
public record Finding(String message, LockMode lock, TableImpact impact, Optional<String> fix,
        Optional<Severity> severity) {

    /** Validates the parts. */
    public Finding {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(severity, "severity");
    }

    /** A finding with the rule's default severity. */
    public Finding(String message, LockMode lock, TableImpact impact, Optional<String> fix) {
        this(message, lock, impact, fix, Optional.empty());
    }

    /** This finding with another severity than the rule's default. */
    public Finding withSeverity(Severity other) {
        return new Finding(message, lock, impact, fix, Optional.of(other));
    }

    /** A finding with a safe alternative. */
    public static Finding of(String message, LockMode lock, TableImpact impact, String fix) {
        return new Finding(message, lock, impact, Optional.of(fix));
    }

    /** A finding with no SQL alternative to offer. */
    public static Finding withoutFix(String message, LockMode lock, TableImpact impact) {
        return new Finding(message, lock, impact, Optional.empty());
    }
}
