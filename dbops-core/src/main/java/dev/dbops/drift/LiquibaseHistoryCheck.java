package dev.dbops.drift;

import dev.dbops.drift.HistoryRows.LiquibaseRow;
import dev.dbops.migration.ChangeSetChecksum;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies every Liquibase changeset and {@code databasechangelog} row. Checksums are Liquibase's own,
 * computed in the checksum version each row was stored with ({@code 8:…}, {@code 9:…}); a changeset is
 * matched to its row by {@code FILENAME::ID::AUTHOR}, or by id and author alone when only the path differs
 * (a changelog read from the file system rather than the classpath).
 */
final class LiquibaseHistoryCheck {

    private static final Pattern VERSION = Pattern.compile("^(\\d+):");
    private static final int LATEST = 9;

    private final MigrationSource source;
    private final List<Migration> changeSets = new ArrayList<>();
    private final AppliedTexts applied;
    private final String table;
    private final Map<Integer, Map<String, ChangeSetChecksum>> checksums = new HashMap<>();
    private final List<HistoryEntry> entries = new ArrayList<>();

    LiquibaseHistoryCheck(MigrationSource source, MigrationSet set, AppliedTexts applied, String table) {
        this.source = source;
        this.applied = applied;
        this.table = table;
        set.migrations().stream().filter(m -> m.kind() == MigrationKind.LIQUIBASE_CHANGESET).forEach(changeSets::add);
    }

    List<HistoryEntry> classify(List<LiquibaseRow> rows) {
        Set<Migration> matched = new HashSet<>();
        Map<Migration, LiquibaseRow> rowOf = new HashMap<>();
        for (LiquibaseRow row : rows) {
            find(row, matched).ifPresent(m -> {
                matched.add(m);
                rowOf.put(m, row);
            });
        }
        int latestIndex = -1;
        Migration latest = null;
        for (LiquibaseRow row : rows) {
            Optional<Migration> file = rowOf.entrySet().stream().filter(e -> e.getValue() == row)
                    .map(Map.Entry::getKey).findFirst();
            if (file.isEmpty()) {
                missing(row, matched);
                continue;
            }
            int index = changeSets.indexOf(file.get());
            if (index < latestIndex) {
                add(HistoryStatus.OUT_OF_ORDER, file.get(), row, Optional.empty(), file.get().id() + " ran after "
                        + latest.id() + " (ORDEREXECUTED " + row.orderExecuted() + ") although it comes before it in"
                        + " the changelog: a database updated in changelog order may differ", List.of());
            } else {
                latestIndex = index;
                latest = file.get();
            }
            compare(row, file.get());
        }
        for (int i = 0; i < changeSets.size(); i++) {
            Migration changeSet = changeSets.get(i);
            if (!matched.contains(changeSet)) {
                String where = i < latestIndex ? ", although " + latest.id() + ", which comes after it, has run: it"
                        + " will run after it here, out of changelog order" : "";
                add(HistoryStatus.PENDING, changeSet, null, checksum(changeSet, LATEST).map(ChangeSetChecksum::checksum),
                        changeSet.id() + " has not run: the next update runs it" + where, List.of());
            }
        }
        return entries;
    }

    private Optional<Migration> find(LiquibaseRow row, Set<Migration> matched) {
        Optional<Migration> exact = changeSets.stream().filter(m -> m.id().equals(row.key())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Migration> same = changeSets.stream().filter(m -> !matched.contains(m))
                .filter(m -> m.changeSet().orElseThrow().id().equals(row.id())
                        && m.changeSet().orElseThrow().author().equals(row.author()))
                .toList();
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }

    private void compare(LiquibaseRow row, Migration file) {
        if (row.execType().equals("FAILED")) {
            add(HistoryStatus.FAILED, file, row, Optional.empty(), file.id() + " failed (EXECTYPE FAILED in " + table
                    + "): fix it and update again; check what part of it is applied", List.of());
            return;
        }
        if (row.md5sum().isEmpty()) {
            add(HistoryStatus.MATCHES, file, row, Optional.empty(), file.id() + " has no checksum recorded (MD5SUM is"
                    + " NULL, e.g. after clear-checksums): Liquibase records the file's without comparing", List.of());
            return;
        }
        String stored = row.md5sum().get();
        Optional<ChangeSetChecksum> computed = checksum(file, version(stored));
        Optional<String> current = computed.map(ChangeSetChecksum::checksum);
        if (computed.isPresent() && computed.get().accepts(stored)) {
            add(HistoryStatus.MATCHES, file, row, current, file.id() + " matches its history row", List.of());
            return;
        }
        String prefix = file.id() + " changed after it ran: MD5SUM " + stored + " in " + table + ", "
                + current.orElse("(not computed)") + " from the changelog";
        if (computed.isPresent() && (computed.get().runOnChange() || computed.get().runAlways())) {
            add(HistoryStatus.REPEATABLE_CHANGED, file, row, current, prefix + "; it is runOnChange, so the next"
                    + " update runs it again", List.of());
            return;
        }
        Optional<String> ran = LiquibaseAppliedText.find(file, stored, applied);
        if (ran.isPresent() && SqlComparison.sameTokens(ran.get(), file.sql())) {
            add(HistoryStatus.FORMATTING_ONLY, file, row, current, prefix + "; only formatting or comments changed"
                    + " (same SQL tokens); the schema is not affected — restore the old text, or accept the new"
                    + " checksum with a validCheckSum", List.of());
        } else if (ran.isPresent()) {
            List<StatementChange> changes = SqlComparison.statementChanges(ran.get(), file.sql(), file::fileLine);
            add(HistoryStatus.CONTENT_CHANGED, file, row, current, prefix + "; " + changes.size()
                    + (changes.size() == 1 ? " statement differs" : " statements differ") + " from what ran:"
                    + " Liquibase's update fails validation — restore the changeset and put the change in a new one",
                    changes);
        } else {
            add(HistoryStatus.CHECKSUM_CHANGED, file, row, current, prefix + "; " + (applied == AppliedTexts.NONE
                    ? "the changelog's history was not searched (gitHistory is off)"
                    : "the text that ran was not found in the changelog's git history")
                    + ", so formatting and content cannot be told apart (Liquibase 4.22+"
                    + " ignores whitespace in SQL, so more than spacing changed); update fails validation", List.of());
        }
    }

    private void missing(LiquibaseRow row, Set<Migration> matched) {
        String name = row.key();
        if (row.md5sum().isPresent()) {
            int version = version(row.md5sum().get());
            Optional<Migration> renamed = changeSets.stream().filter(m -> !matched.contains(m))
                    .filter(m -> checksum(m, version).map(c -> c.checksum().equals(row.md5sum().get())).orElse(false))
                    .findFirst();
            if (renamed.isPresent()) {
                matched.add(renamed.get());
                add(HistoryStatus.RENAMED, renamed.get(), row, row.md5sum(), name + " was renamed to "
                        + renamed.get().id() + " (same checksum): Liquibase sees a new changeset and runs it again —"
                        + " restore its id, author and path, or mark it ran (changelog-sync)", List.of());
                return;
            }
        }
        entries.add(new HistoryEntry(HistoryStatus.MISSING, name, Optional.empty(), row.description(),
                Optional.empty(), OptionalInt.of(row.orderExecuted()), row.md5sum(), Optional.empty(), name
                + " ran (ORDEREXECUTED " + row.orderExecuted() + ") but is no longer in the changelog: deleted, or its"
                + " id, author or path changed — Liquibase does not notice; restore it, or delete its row", List.of()));
    }

    private Optional<ChangeSetChecksum> checksum(Migration changeSet, int version) {
        Map<String, ChangeSetChecksum> byRef = checksums.computeIfAbsent(version, v -> {
            Map<String, ChangeSetChecksum> map = new HashMap<>();
            source.liquibaseChecksums(v).forEach(c -> map.put(c.changeSet().toString(), c));
            return map;
        });
        return Optional.ofNullable(byRef.get(changeSet.id()));
    }

    private static int version(String stored) {
        Matcher m = VERSION.matcher(stored);
        return m.find() ? Integer.parseInt(m.group(1)) : LATEST;
    }

    private void add(HistoryStatus status, Migration file, LiquibaseRow row, Optional<String> current, String message,
            List<StatementChange> changes) {
        entries.add(new HistoryEntry(status, file.id(), Optional.empty(), file.description(),
                Optional.of(file.location()), row == null ? OptionalInt.empty() : OptionalInt.of(row.orderExecuted()),
                row == null ? Optional.empty() : row.md5sum(), current, message, changes));
    }
}
