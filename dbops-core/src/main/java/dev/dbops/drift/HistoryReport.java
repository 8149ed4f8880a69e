package dev.dbops.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * History drift: each migration's file compared with its history-table row.
 *
 * @param tool the tool whose history table was found; {@link MigrationTool#NONE} when there is none
 * @param table the history table, schema-qualified ({@code public.flyway_schema_history})
 * @param entries one or more findings per migration, in the order the tool runs them; applied
 *     migrations without a file come where their row stands
 */
public record HistoryReport(MigrationTool tool, Optional<String> table, List<HistoryEntry> entries) {

    /** Checks that no component is null; the entries are copied. */
    public HistoryReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(table, "table");
        entries = List.copyOf(entries);
    }

    /** The entries with this status. */
    public List<HistoryEntry> withStatus(HistoryStatus status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    /** The entry for a migration with this status, if there is one: {@code entry("V3", CONTENT_CHANGED)}. */
    public Optional<HistoryEntry> entry(String migration, HistoryStatus status) {
        return entries.stream().filter(e -> e.migration().equals(migration) && e.status() == status).findFirst();
    }

    /** Whether any entry is at {@link DriftLevel#DRIFT}. */
    public boolean hasDrift() {
        return entries.stream().anyMatch(e -> e.level() == DriftLevel.DRIFT);
    }
}
