package dev.dbops.trace.seed;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What seeding did to one table.
 *
 * @param table the table, schema-qualified and unquoted, e.g. {@code shop.orders}; a partitioned
 *     table stands for all its partitions
 * @param outcome whether rows were written
 * @param rowsRequested the rows asked for
 * @param rowsWritten the rows the COPY wrote; 0 unless the outcome is {@link Outcome#SEEDED}
 * @param duration the wall time spent on the table, parent keys and COPY included
 * @param findings what could not be honoured, in the order it was found
 */
public record TableSeeding(String table, Outcome outcome, long rowsRequested, long rowsWritten, Duration duration,
        List<SeedFinding> findings) {

    /** Creates an entry; the findings are copied. */
    public TableSeeding {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        findings = List.copyOf(findings);
    }

    /** What happened to a table. */
    public enum Outcome {
        /** The rows were written and committed (possibly fewer than requested: see the findings). */
        SEEDED,
        /** The table was not attempted: its findings say why. Nothing was written. */
        SKIPPED,
        /** The server rejected the COPY, or seeding failed midway; the transaction was rolled back. */
        FAILED
    }

    /** Rows per second of wall time; 0 when nothing was written. */
    public double rowsPerSecond() {
        return rowsWritten == 0 || duration.isZero() ? 0 : rowsWritten / (duration.toNanos() / 1e9);
    }
}
