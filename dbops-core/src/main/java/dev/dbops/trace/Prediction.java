package dev.dbops.trace;

import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.DeclaredWork;
import dev.dbops.lint.Violation;
import java.util.List;

/**
 * What the linter said about a statement before it ran: the lock catalogue's declaration (locks and
 * whole-relation work, on the PostgreSQL version traced) and the violations of a lint run over the traced
 * migrations.
 *
 * @param inspected whether the linter understood the statement; when false it declared nothing
 * @param locks the declared table-level locks
 * @param work the declared scans, index builds and rewrites
 * @param violations the lint findings on this statement
 */
public record Prediction(boolean inspected, List<DeclaredLock> locks, List<DeclaredWork> work,
        List<Violation> violations) {

    /** Copies the lists. */
    public Prediction {
        locks = List.copyOf(locks);
        work = List.copyOf(work);
        violations = List.copyOf(violations);
    }

    /** A prediction for a statement the linter did not see. */
    static Prediction none() {
        return new Prediction(false, List.of(), List.of(), List.of());
    }
}
