package dev.dbops.trace.seed;

import dev.dbops.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one seeding did: per table, the outcome, rows written, time taken and findings.
 *
 * @param seed the random seed used; giving it to {@link DataSeeder.Builder#seed(long)} repeats the run
 * @param startedAt when seeding started
 * @param duration the wall time of the whole seeding, reading the schema included
 * @param tables one entry per table, parents before children; partitions are covered by their
 *     partitioned table
 */
public record SeedReport(long seed, Instant startedAt, Duration duration, List<TableSeeding> tables) {

    /** The version of the JSON form ({@link #toJson()}); see {@code docs/seeding.md}. */
    public static final int FORMAT_VERSION = 1;

    /** Creates a report; the table list is copied. */
    public SeedReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        tables = List.copyOf(tables);
    }

    /** The entry of a table named {@code schema.table} (unquoted), if it was a seeding target. */
    public Optional<TableSeeding> table(String qualifiedTable) {
        return tables.stream().filter(t -> t.table().equals(qualifiedTable)).findFirst();
    }

    /** Every finding of every table, in table order. */
    public List<SeedFinding> findings() {
        return tables.stream().flatMap(t -> t.findings().stream()).toList();
    }

    /** The rows written into all tables. */
    public long rowsWritten() {
        return tables.stream().mapToLong(TableSeeding::rowsWritten).sum();
    }

    /** Rows written per second of the whole seeding's wall time. */
    public double rowsPerSecond() {
        return duration.isZero() ? 0 : rowsWritten() / (duration.toNanos() / 1e9);
    }

    /** Whether every table was seeded with every row requested and nothing had to be reported. */
    public boolean complete() {
        return tables.stream().allMatch(t -> t.outcome() == TableSeeding.Outcome.SEEDED
                && t.rowsWritten() == t.rowsRequested() && t.findings().isEmpty());
    }

    /** The report as pretty-printed JSON ({@code formatVersion} {@value #FORMAT_VERSION}) with a trailing newline. */
    public String toJson() {
        return Json.writePretty(SeedReportFormat.tree(this));
    }

    /** The report for people: one line per table, then the findings. */
    public String toText() {
        return SeedReportFormat.text(this);
    }
}
