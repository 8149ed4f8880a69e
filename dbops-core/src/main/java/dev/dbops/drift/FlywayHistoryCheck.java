package dev.dbops.drift;

import dev.dbops.drift.FlywayFiles.Script;
import dev.dbops.drift.HistoryRows.FlywayRow;
import dev.dbops.migration.FlywayVersion;
import dev.dbops.migration.MigrationProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Classifies every Flyway script and {@code flyway_schema_history} row: matches, checksum changed
 * (formatting only, content, or unknown), renamed, missing, unreadable, pending, failed, out of order,
 * repeatable changed, below the baseline, newer than the files.
 */
final class FlywayHistoryCheck {

    private final FlywayFiles files;
    private final AppliedTexts applied;
    private final String table;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private final Set<Script> accounted = new HashSet<>();

    FlywayHistoryCheck(FlywayFiles files, AppliedTexts applied, String table) {
        this.files = files;
        this.applied = applied;
        this.table = table;
    }

    List<HistoryEntry> classify(List<FlywayRow> rows) {
        Optional<String> baseline = rows.stream()
                .filter(r -> (r.type().equals("BASELINE") || r.type().equals("SQL_BASELINE")) && r.success())
                .flatMap(r -> r.version().stream()).max(FlywayVersion.ORDER);
        Set<String> deleted = new HashSet<>();
        rows.stream().filter(r -> r.type().equals("DELETE")).forEach(r -> deleted.add(key(r)));
        String highestApplied = null;
        for (FlywayRow row : rows) {
            if (!row.isMigration() || row.isRepeatable() || deleted.contains(key(row))) {
                continue;
            }
            String version = row.version().orElseThrow();
            if (!row.isSql()) {
                add(HistoryStatus.NOT_CHECKED, "V" + version, row, null, "V" + version + " ('" + row.description()
                        + "') is a " + row.type() + " migration, which dbops does not read: its checksum and"
                        + " statements are not compared", List.of());
                highestApplied = highestApplied == null || FlywayVersion.compare(version, highestApplied) > 0
                        ? version : highestApplied;
                continue;
            }
            if (!row.success()) {
                add(HistoryStatus.FAILED, "V" + version, row, file(row).orElse(null), "V" + version + " failed"
                        + " (installed_rank " + row.installedRank() + " has success = false in " + table + "): Flyway"
                        + " refuses to migrate until `flyway repair` removes the row; if it ran outside a transaction,"
                        + " part of it is applied — check the schema, fix the script, then repair", List.of());
                file(row).ifPresent(accounted::add);
                continue;
            }
            if (highestApplied != null && FlywayVersion.compare(version, highestApplied) < 0) {
                add(HistoryStatus.OUT_OF_ORDER, "V" + version, row, file(row).orElse(null), "V" + version
                        + " was applied after V" + highestApplied + " (installed_rank " + row.installedRank()
                        + "): it ran out of order, so a database that ran the files in version order may differ",
                        List.of());
            } else {
                highestApplied = version;
            }
            versioned(row, version);
        }
        repeatables(rows, deleted);
        pending(baseline, highestApplied);
        entries.sort(Comparator.comparing((HistoryEntry e) -> e.version().isEmpty())
                .thenComparing(e -> e.version().orElse(""), FlywayVersion.ORDER)
                .thenComparing(e -> e.installedRank().orElse(Integer.MAX_VALUE)));
        return entries;
    }

    private Optional<Script> file(FlywayRow row) {
        return row.type().equals("SQL_BASELINE") ? files.baseline(row.version().orElseThrow())
                : files.versioned(row.version().orElseThrow());
    }

    private void versioned(FlywayRow row, String version) {
        String name = "V" + version;
        Optional<Script> file = file(row);
        if (file.isPresent()) {
            accounted.add(file.get());
            compare(row, file.get(), name);
            return;
        }
        Optional<MigrationProblem> unreadable = files.unreadableVersion(version);
        if (unreadable.isPresent()) {
            add(HistoryStatus.UNREADABLE, name, row, null, name + " is applied but its file could not be read ("
                    + unreadable.get() + "), so its checksum was not compared", List.of());
            return;
        }
        Optional<Script> renamed = row.checksum().flatMap(c -> files.versioned.stream()
                .filter(s -> s.checksum() == c && !accounted.contains(s) && !s.repeatable()).findFirst());
        if (renamed.isPresent()) {
            accounted.add(renamed.get());
            Script to = renamed.get();
            add(HistoryStatus.RENAMED, name, row, to, name + " ('" + row.description() + "', " + row.script()
                    + ") was renamed to " + to.migration().script() + " (version " + to.version() + "), same checksum:"
                    + " Flyway sees " + name + " as missing and would run V" + to.version() + " again — give the file"
                    + " back its name, or record the rename with `flyway repair` on every database", List.of());
            return;
        }
        Optional<String> highest = files.highestVersion();
        if (highest.isPresent() && FlywayVersion.compare(version, highest.get()) > 0) {
            add(HistoryStatus.FUTURE, name, row, null, name + " ('" + row.description() + "') is applied but newer"
                    + " than every file (the newest is V" + highest.get() + "): a newer release migrated this"
                    + " database, or its file was deleted", List.of());
            return;
        }
        add(HistoryStatus.MISSING, name, row, null, name + " ('" + row.description() + "', " + row.script()
                + ") is applied but no file has version " + version + ": it was deleted, or renamed and edited —"
                + " restore it, or record its removal with `flyway repair`", List.of());
    }

    /** Compares a file with its row: checksum, then description. */
    private void compare(FlywayRow row, Script file, String name) {
        boolean sameChecksum = row.checksum().isPresent() && row.checksum().get() == file.checksum();
        if (sameChecksum && row.description().equals(file.migration().description())) {
            if (entries.stream().noneMatch(e -> e.migration().equals(name) && e.installedRank().isPresent()
                    && e.installedRank().getAsInt() == row.installedRank())) {
                add(HistoryStatus.MATCHES, name, row, file, name + " matches its history row", List.of());
            }
            return;
        }
        if (sameChecksum) {
            add(HistoryStatus.RENAMED, name, row, file, name + " was applied as '" + row.description() + "' ("
                    + row.script() + "); the file is now " + file.migration().script() + " with the same checksum:"
                    + " renamed. Flyway's validate fails on the description — run `flyway repair` to record the new"
                    + " name", List.of());
            return;
        }
        checksumChanged(row, file, name, false);
    }

    private void checksumChanged(FlywayRow row, Script file, String name, boolean repeatable) {
        String recorded = row.checksum().map(String::valueOf).orElse("none");
        String prefix = name + " changed after it ran: checksum " + recorded + " in " + table + ", "
                + file.checksum() + " in " + file.migration().location();
        Optional<String> ran = row.checksum().flatMap(c ->
                applied.find(file.migration(), text -> FlywayChecksum.of(text) == c));
        if (ran.isEmpty()) {
            String why = row.checksum().isEmpty() ? "no checksum was recorded"
                    : applied == AppliedTexts.NONE ? "the file's history was not searched (gitHistory is off)"
                    : "the text that ran was not found in the file's git history";
            add(repeatable ? HistoryStatus.REPEATABLE_CHANGED : HistoryStatus.CHECKSUM_CHANGED, name, row, file,
                    prefix + "; " + why + ", so formatting and content cannot be told apart"
                            + (repeatable ? "; the next migrate runs it again" : ""), List.of());
            return;
        }
        if (SqlComparison.sameTokens(ran.get(), file.text())) {
            add(repeatable ? HistoryStatus.REPEATABLE_CHANGED : HistoryStatus.FORMATTING_ONLY, name, row, file,
                    prefix + "; only formatting or comments changed (same SQL tokens)"
                            + (repeatable ? "; the next migrate runs it again" : "; the schema is not affected —"
                            + " run `flyway repair` to record the new checksum, or restore the old formatting"),
                    List.of());
            return;
        }
        List<StatementChange> changes = SqlComparison.statementChanges(ran.get(), file.text(),
                line -> file.migration().fileLine(line));
        add(repeatable ? HistoryStatus.REPEATABLE_CHANGED : HistoryStatus.CONTENT_CHANGED, name, row, file,
                prefix + "; " + changes.size() + (changes.size() == 1 ? " statement differs" : " statements differ")
                        + " from what ran" + (repeatable ? "; the next migrate runs it again"
                        : ": databases migrated before and after the edit differ — restore the file and put the"
                        + " change in a new migration"), changes);
    }

    private void repeatables(List<FlywayRow> rows, Set<String> deleted) {
        Map<String, FlywayRow> latest = new LinkedHashMap<>();
        rows.stream().filter(FlywayRow::isRepeatable).filter(r -> !deleted.contains(key(r)))
                .forEach(r -> latest.put(r.description(), r));
        for (FlywayRow row : latest.values()) {
            String name = "R__" + row.description().replace(' ', '_');
            Optional<Script> file = files.repeatable(row.description());
            file.ifPresent(accounted::add);
            if (!row.success()) {
                add(HistoryStatus.FAILED, name, row, file.orElse(null), name + " failed when it last ran"
                        + " (installed_rank " + row.installedRank() + " has success = false in " + table
                        + "): run `flyway repair`, fix the script, and migrate again", List.of());
            } else if (file.isEmpty()) {
                Optional<MigrationProblem> unreadable = Optional.ofNullable(files.unreadable.get("R__" + row.description()));
                add(unreadable.isPresent() ? HistoryStatus.UNREADABLE : HistoryStatus.MISSING, name, row, null,
                        unreadable.map(p -> name + " is applied but its file could not be read (" + p + ")")
                                .orElse(name + " ('" + row.description() + "') is applied but its file is gone:"
                                        + " the objects it created stay until a migration drops them"), List.of());
            } else if (row.checksum().isPresent() && row.checksum().get() == file.get().checksum()) {
                add(HistoryStatus.MATCHES, name, row, file.get(), name + " matches its latest run", List.of());
            } else {
                checksumChanged(row, file.get(), name, true);
            }
        }
    }

    private void pending(Optional<String> baseline, String highestApplied) {
        for (Script file : files.versioned) {
            if (accounted.contains(file)) {
                continue;
            }
            String name = "V" + file.version();
            if (baseline.isPresent() && FlywayVersion.compare(file.version(), baseline.get()) <= 0) {
                add(HistoryStatus.BELOW_BASELINE, file, name + " is at or below the baseline (version "
                        + baseline.get() + "): it never ran on this database, the baseline stands for it");
            } else if (highestApplied != null && FlywayVersion.compare(file.version(), highestApplied) < 0) {
                add(HistoryStatus.PENDING_OUT_OF_ORDER, file, name + " is not applied, but V" + highestApplied
                        + " is: Flyway's validate fails (\"Detected resolved migration not applied to database\")"
                        + " unless outOfOrder=true runs it out of order — or give it a version above V" + highestApplied);
            } else {
                add(HistoryStatus.PENDING, file, name + " is pending: the next migrate runs it");
            }
        }
        for (Script file : files.repeatable) {
            if (!accounted.contains(file)) {
                add(HistoryStatus.PENDING, file, file.migration().id() + " has never run: the next migrate runs it");
            }
        }
    }

    private static String key(FlywayRow row) {
        return row.version().map(v -> "V" + v).orElse("R__" + row.description());
    }

    private void add(HistoryStatus status, Script file, String message) {
        entries.add(new HistoryEntry(status, file.migration().id(), file.migration().version(),
                file.migration().description(), Optional.of(file.migration().location()), OptionalInt.empty(),
                Optional.empty(), Optional.of(String.valueOf(file.checksum())), message, List.of()));
    }

    private void add(HistoryStatus status, String name, FlywayRow row, Script file, String message,
            List<StatementChange> changes) {
        entries.add(new HistoryEntry(status, name, row.version(),
                file != null ? file.migration().description() : row.description(),
                file != null ? Optional.of(file.migration().location()) : Optional.empty(),
                OptionalInt.of(row.installedRank()), row.checksum().map(String::valueOf),
                file != null ? Optional.of(String.valueOf(file.checksum())) : Optional.empty(), message, changes));
    }
}
