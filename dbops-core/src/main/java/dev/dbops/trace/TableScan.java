package dev.dbops.trace;

import java.util.Objects;

/**
 * A table the migrating session read in full during a statement: by sequential scans (the statement's share
 * of {@code pg_stat_xact_user_tables.seq_scan} and {@code seq_tup_read}, read before and after it), or by
 * fetching at least as many rows through its indexes as it has ({@code idx_tup_fetch}), as {@code CLUSTER}
 * may.
 *
 * @param table the table, qualified
 * @param scans how many sequential scans were started (a validation or rewrite is one full pass)
 * @param rowsRead how many rows those scans returned
 * @param rowsFetchedByIndex how many rows were fetched through its indexes
 */
public record TableScan(String table, long scans, long rowsRead, long rowsFetchedByIndex) {

    /** Validates the parts. */
    public TableScan {
        Objects.requireNonNull(table, "table");
    }
}
