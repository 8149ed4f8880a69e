package dev.dbops.drift;

import dev.dbops.migration.MigrationProblem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Whether migration files, the history table and the live schema agree: the findings, as data. Only a
 * policy ({@link DriftGuard}, the CLI's exit code, a test assertion) turns them into a failure.
 *
 * @param history each migration's file compared with its history row
 * @param schema the live schema compared with the one the migrations describe
 * @param files what the migration files are (tool, count, latest version)
 * @param problems migration files that could not be loaded (unreadable, bad names, bad placeholders)
 * @param took how long the whole check took
 */
public record DriftReport(HistoryReport history, SchemaDriftReport schema, MigrationFiles files,
        List<MigrationProblem> problems, Duration took) {

    /** The version of the JSON format {@link #toJson()} writes. */
    public static final int FORMAT_VERSION = 1;

    /** Checks that no component is null; the problems are copied. */
    public DriftReport {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(files, "files");
        problems = List.copyOf(problems);
        Objects.requireNonNull(took, "took");
    }

    /**
     * Whether anything is at {@link DriftLevel#DRIFT}: a history entry (edited, renamed, missing, failed…),
     * a schema difference, or a replay that fails.
     */
    public boolean hasDrift() {
        return history.hasDrift() || schema.hasDrift();
    }

    /** The highest level of any finding: {@link DriftLevel#OK} when files, history and schema agree. */
    public DriftLevel level() {
        if (hasDrift()) {
            return DriftLevel.DRIFT;
        }
        return history.entries().stream().map(HistoryEntry::level).max(Enum::compareTo).orElse(DriftLevel.OK);
    }

    /** The report for people: history findings, schema differences with their causes, a summary line. */
    public String toText() {
        return DriftText.render(this);
    }

    /** The report as JSON ({@code "formatVersion": 1}), documented in {@code docs/drift.md}. */
    public String toJson() {
        return DriftJson.render(this);
    }
}
