package dev.dbops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Sizes and removal of the directories a drill writes (archives, base backups). */
final class WorkFiles {

    private WorkFiles() {
    }

    /** The total size of the regular files under {@code path} (or of the file itself); 0 when unreadable. */
    static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes {@code root} and everything under it, as far as possible. */
    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // What is left is in the temporary directory, which the OS cleans.
        }
    }
}
