package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of unpacked PostgreSQL installations, one per version, safe to share between JVMs.
 *
 * <p>Each installation is unpacked into a private temporary directory and renamed into place in one
 * atomic step, so another JVM sees either nothing or a complete installation. Two JVMs that start at
 * once may both unpack; the loser deletes its copy.
 */
final class BinariesCache {

    private static final Logger LOG = LoggerFactory.getLogger(BinariesCache.class);
    private static final String COMPLETE_MARKER = ".dbops-complete";

    private final Path root;

    BinariesCache(Path root) {
        this.root = root;
    }

    /** The cache under {@code ${java.io.tmpdir}/dbops-postgres}. */
    static BinariesCache inTempDirectory() {
        return new BinariesCache(Path.of(System.getProperty("java.io.tmpdir"), "dbops-postgres"));
    }

    /** The complete directory {@code name}, filled by {@code unpack} first if it is not there yet. */
    Path directoryFor(String name, Consumer<Path> unpack) {
        Path target = root.resolve(name);
        if (isComplete(target)) {
            return target;
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            staging = Files.createTempDirectory(root, name + ".unpacking-");
            long started = System.nanoTime();
            unpack.accept(staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            if (Files.exists(target) && !isComplete(target)) {
                // Left behind damaged (for example by a temp-directory cleaner): move it aside, then replace it.
                Path stale = Files.createTempDirectory(root, name + ".stale-");
                Files.move(target, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(stale);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Unpacked PostgreSQL {} into {} in {} ms", name, target, (System.nanoTime() - started) / 1_000_000);
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (IOException e) {
                // rename(2) onto a non-empty directory fails with ENOTEMPTY, which Java reports as a plain
                // FileSystemException: another process won the race, and its copy is as good as ours.
                if (!isComplete(target)) {
                    throw e;
                }
                LOG.debug("Another process unpacked {} first; using its copy", target);
            }
            if (!isComplete(target)) {
                throw new IOException(target + " is incomplete after unpacking");
            }
            return target;
        } catch (AtomicMoveNotSupportedException e) {
            throw failed(name, "the file system of " + root + " cannot rename directories atomically", e);
        } catch (IOException e) {
            throw failed(name, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw failed(name, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e);
        } finally {
            if (staging != null && Files.exists(staging)) {
                deleteRecursively(staging);
            }
        }
    }

    private static boolean isComplete(Path directory) {
        return Files.isRegularFile(directory.resolve(COMPLETE_MARKER));
    }

    private DbopsException failed(String name, String reason, Exception cause) {
        return new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot unpack the PostgreSQL binaries "
                + name + " into " + root + ": " + reason + " — check free space and permissions there, or set"
                + " -Djava.io.tmpdir to a writable local directory.", cause);
    }

    /** Deletes a directory tree without following symbolic links; failures are logged, not thrown. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete {} completely: {}", directory, e.getMessage());
        }
    }
}
