package dev.dbops.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One query of the simulated application workload that waited for a lock.
 *
 * @param kind whether it was a read or a write
 * @param table the table it ran on, qualified
 * @param waitedFor the lock it was seen waiting for, e.g. {@code ACCESS SHARE on public.orders} or
 *     {@code transactionid 1234} (a row locked by another transaction); empty when the poller did not see the
 *     wait itself (it queued for a free session, or waited between two polls)
 * @param blockedBy the pids {@code pg_blocking_pids} named while it waited
 * @param blockedByMigration whether the migrating session was among them (directly, or as the head of the
 *     lock queue it waited in)
 * @param waited how long the query took from being issued to its result
 * @param queued how much of that it spent waiting for a free session, because all were waiting already
 * @param during the statement running when it started waiting ({@code file:line}), or {@code commit}
 */
public record QueryWait(QueryKind kind, String table, Optional<String> waitedFor, List<Integer> blockedBy,
        boolean blockedByMigration, Duration waited, Duration queued, String during) {

    /** The kinds of application queries the workload issues. */
    public enum QueryKind {
        /** A single-row read by TID: takes ACCESS SHARE, like a SELECT. */
        READ,
        /** A single-row UPDATE by TID: takes ROW EXCLUSIVE, like an INSERT, UPDATE or DELETE. */
        WRITE
    }

    /** Validates the parts and copies the list. */
    public QueryWait {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(waitedFor, "waitedFor");
        blockedBy = List.copyOf(blockedBy);
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(during, "during");
    }
}
