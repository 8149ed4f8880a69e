package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.migration.ChangeSetRef;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the SQL a Liquibase changeset had when it ran: each earlier version of its changelog file is
 * read by Liquibase again (from a temporary copy) until one gives the changeset the stored checksum.
 * Only for changesets written in their changelog (formatted SQL, or changes inline in XML, YAML or JSON);
 * the copy sits among links to the files beside the changelog, so includes relative to it still resolve
 * (includes from a root above it do not, and then nothing is found).
 */
final class LiquibaseAppliedText {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseAppliedText.class);

    private LiquibaseAppliedText() {
    }

    static Optional<String> find(Migration changeSet, String stored, AppliedTexts texts) {
        ChangeSetRef ref = changeSet.changeSet().orElseThrow();
        String fileName = fileName(changeSet.location());
        if (!fileName.equals(fileName(ref.file()))) {
            return Optional.empty();
        }
        int version = stored.indexOf(':') > 0 ? Integer.parseInt(stored.substring(0, stored.indexOf(':'))) : 9;
        Path original = Path.of(changeSet.location()).toAbsolutePath().getParent();
        for (String text : texts.versions(changeSet.location())) {
            Optional<String> sql = ranAs(text, original, fileName, ref, stored, version);
            if (sql.isPresent()) {
                return sql;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this earlier text gives the changeset the stored checksum, and if so the changeset's SQL. The
     * temporary directory links to everything beside the changelog, so that its includes still resolve.
     */
    private static Optional<String> ranAs(String text, Path original, String fileName, ChangeSetRef ref,
            String stored, int version) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("dbops-changelog");
            try (Stream<Path> siblings = Files.list(original)) {
                for (Path sibling : (Iterable<Path>) siblings::iterator) {
                    if (!sibling.getFileName().toString().equals(fileName)) {
                        Files.createSymbolicLink(directory.resolve(sibling.getFileName().toString()), sibling);
                    }
                }
            }
            Path file = directory.resolve(fileName);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            MigrationSource earlier = MigrationSource.builder().location(file).build();
            boolean same = earlier.liquibaseChecksums(version).stream()
                    .anyMatch(c -> sameChangeSet(c.changeSet(), ref) && c.accepts(stored));
            if (!same) {
                return Optional.empty();
            }
            return earlier.load().migrations().stream()
                    .filter(m -> m.changeSet().map(r -> sameChangeSet(r, ref)).orElse(false))
                    .map(Migration::sql).findFirst();
        } catch (IOException | DbopsException e) {
            LOG.debug("an earlier version of {} could not be read: {}", fileName, e.getMessage());
            return Optional.empty();
        } finally {
            delete(directory);
        }
    }

    private static boolean sameChangeSet(ChangeSetRef a, ChangeSetRef b) {
        return a.id().equals(b.id()) && a.author().equals(b.author());
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("the temporary copy {} could not be deleted: {}", directory, e.getMessage());
        }
    }
}
