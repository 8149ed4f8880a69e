package dev.dbops.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * A fact on which the linter's declaration and the database disagree, for one relation of one statement.
 *
 * @param relation the relation, qualified
 * @param fact which fact
 * @param declared what the linter declared, e.g. {@code SHARE UPDATE EXCLUSIVE}, {@code rewrite}, {@code no scan}
 * @param observed what the database did, in the same words
 * @param condition when the linter declared the fact only as an upper bound, the condition it named
 *     ("unless the change is binary-compatible"); a disagreement with a condition means the condition
 *     held, and is reported as information only
 */
public record Disagreement(String relation, Fact fact, String declared, String observed, Optional<String> condition) {

    /** The facts compared. */
    public enum Fact {
        /** The strongest table-level lock the statement took on the relation. */
        LOCK,
        /** Whether the statement rewrote the relation into new storage. */
        REWRITE,
        /** Whether the statement read the whole table with a sequential scan. */
        SCAN
    }

    /** Validates the parts. */
    public Disagreement {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(condition, "condition");
    }

    /** Whether the linter named a condition for its declaration, which the database showed to hold. */
    public boolean conditional() {
        return condition.isPresent();
    }

    /** One sentence: {@code public.orders: the linter declared SHARE, the database took ACCESS EXCLUSIVE}. */
    public String describe() {
        String what = switch (fact) {
            case LOCK -> "lock";
            case REWRITE -> "rewrite";
            case SCAN -> "scan";
        };
        return relation + " (" + what + "): the linter declared " + declared
                + condition.map(c -> " (" + c + ")").orElse("") + ", the database " + observed;
    }
}
