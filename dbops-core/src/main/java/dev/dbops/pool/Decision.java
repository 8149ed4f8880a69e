package dev.dbops.pool;

import java.util.Objects;

/**
 * Why a recommended setting has its value: the constraint that decided it and the reasoning with numbers.
 *
 * @param setting the setting, as HikariCP or PgBouncer names it: {@code maximumPoolSize}, {@code default_pool_size}
 * @param value the recommended value as text, with its unit
 * @param decidedBy the constraint that fixed the value
 * @param reason a sentence a person can check: which figures went in and what came out
 */
public record Decision(String setting, String value, Constraint decidedBy, String reason) {

    /** What can decide a setting. */
    public enum Constraint {
        /** The target acquire wait, through the queueing model. */
        TARGET_WAIT("the target wait"),
        /** The nested-connection deadlock floor Tn × (Cm − 1) + 1. */
        DEADLOCK_FLOOR("the deadlock floor"),
        /** HikariCP's own advice or limits (fixed-size pool, minimum timeouts). */
        HIKARI_GUIDANCE("HikariCP's guidance"),
        /** An idle or lifetime limit of the server, PgBouncer, a load balancer or a firewall. */
        INFRASTRUCTURE_TIMEOUT("an infrastructure timeout"),
        /** The transaction time distribution (its p99). */
        TRANSACTION_TIME("the transaction time"),
        /** The connection budget of the server or of PgBouncer. */
        CONNECTION_BUDGET("the connection budget"),
        /** pgjdbc and PgBouncer compatibility. */
        COMPATIBILITY("compatibility");

        private final String label;

        Constraint(String label) {
            this.label = label;
        }

        /** How the text report names it: "the target wait". */
        public String label() {
            return label;
        }
    }

    /** Checks that nothing is null. */
    public Decision {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
