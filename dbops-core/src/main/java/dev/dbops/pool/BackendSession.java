package dev.dbops.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One session of the app as {@code pg_stat_activity} showed it to the inspector.
 *
 * @param pid the backend's process id ({@code pg_terminate_backend(pid)} ends it)
 * @param applicationName its {@code application_name}
 * @param state {@code active}, {@code idle}, {@code idle in transaction}, {@code idle in transaction (aborted)}…
 * @param transactionStart {@code xact_start}, when a transaction is open
 * @param queryStart {@code query_start} of the current or last statement, when one ran
 * @param stateChange {@code state_change}: when it entered its current state
 * @param query the current or last statement, shortened to 500 characters
 * @param observedAt the server's clock when the row was read
 */
public record BackendSession(int pid, String applicationName, String state, Optional<Instant> transactionStart,
        Optional<Instant> queryStart, Optional<Instant> stateChange, String query, Instant observedAt) {

    /** Checks that nothing is null. */
    public BackendSession {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(transactionStart, "transactionStart");
        Objects.requireNonNull(queryStart, "queryStart");
        Objects.requireNonNull(stateChange, "stateChange");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** How long it has been in its current state. */
    public Duration inState() {
        return stateChange.map(t -> Duration.between(t, observedAt)).orElse(Duration.ZERO);
    }

    /** How long its transaction has been open, when one is. */
    public Optional<Duration> inTransaction() {
        return transactionStart.map(t -> Duration.between(t, observedAt));
    }

    /** Whether it sits idle inside an open transaction (aborted or not). */
    public boolean idleInTransaction() {
        return state.startsWith("idle in transaction");
    }
}
