package dev.dbops.drift;

import dev.dbops.migration.Migration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Where earlier texts of a migration's file can be found again, to tell formatting from content changes. */
@FunctionalInterface
interface AppliedTexts {

    /** Nothing is searched: a changed checksum stays {@link HistoryStatus#CHECKSUM_CHANGED}. */
    AppliedTexts NONE = location -> List.of();

    /** The file's git history (the staged version, then committed versions on every branch, newest first). */
    AppliedTexts GIT = GitHistory::versions;

    /** Earlier texts of the file at this location, newest first; empty when there is no history. */
    List<String> versions(String location);

    /** The newest earlier text of the migration's file that {@code ran} accepts (its checksum is the recorded one). */
    default Optional<String> find(Migration migration, Predicate<String> ran) {
        return versions(migration.location()).stream().filter(ran).findFirst();
    }
}
