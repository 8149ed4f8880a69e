package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A tar-format base backup, as {@code pg_basebackup --format=tar} writes it: {@code base.tar} (the data
 * directory), {@code pg_wal.tar} (the streamed WAL, unless it was fetched into {@code base.tar}) and
 * {@code backup_manifest}, each archive possibly gzip-compressed ({@code .tar.gz}). Unpacking it into a
 * data directory is what a restore of such a backup does, so it is timed as part of the recovery.
 *
 * <p>Only the tar subset PostgreSQL writes is read: ustar headers with regular files, directories and
 * symbolic links. Backups with tablespaces (one more {@code <oid>.tar} each) and other compressions
 * ({@code lz4}, {@code zstd}) are refused with the reason.
 */
final class TarBaseBackup {

    private static final int BLOCK = 512;

    private final Path base;
    private final Optional<Path> wal;
    private final Path manifest;

    private TarBaseBackup(Path base, Optional<Path> wal, Path manifest) {
        this.base = base;
        this.wal = wal;
        this.manifest = manifest;
    }

    /**
     * The tar-format backup in {@code directory}, or empty when it is not one (it has no {@code base.tar*}).
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_DRILL_FAILED} for a tar backup this cannot unpack
     */
    static Optional<TarBaseBackup> in(Path directory) {
        List<String> names;
        try (Stream<Path> files = Files.list(directory)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<String> base = names.stream().filter(n -> n.startsWith("base.tar")).findFirst();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (!base.get().equals("base.tar") && !base.get().equals("base.tar.gz")) {
            problems.add(base.get() + " is compressed in a way dbops does not unpack (only .tar and .tar.gz); unpack it"
                    + " into a directory and pass that directory");
        }
        List<String> tablespaces = names.stream().filter(n -> n.matches("\\d+\\.tar.*")).toList();
        if (!tablespaces.isEmpty()) {
            problems.add("it has tablespaces (" + String.join(", ", tablespaces) + "), which a drill cannot relocate");
        }
        if (!names.contains("backup_manifest")) {
            problems.add("it has no backup_manifest, so its files cannot be checked (pg_basebackup writes one"
                    + " unless --no-manifest was given)");
        }
        if (!problems.isEmpty()) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot verify the tar-format base backup in "
                    + directory + ": " + String.join("; ", problems) + ".");
        }
        Optional<Path> wal = names.stream().filter(n -> n.equals("pg_wal.tar") || n.equals("pg_wal.tar.gz"))
                .findFirst().map(directory::resolve);
        return Optional.of(new TarBaseBackup(directory.resolve(base.get()), wal, directory.resolve("backup_manifest")));
    }

    /**
     * Unpacks the backup into {@code data} (which must not exist) with its WAL in {@code pg_wal} and the
     * manifest beside the files, ready for {@code pg_verifybackup} and for starting.
     *
     * @return what is wrong with an archive that cannot be unpacked (truncated, corrupt), or empty
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the unpacked files cannot be written
     */
    Optional<String> unpack(Path data) {
        try {
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            extract(base, data);
            if (wal.isPresent()) {
                extract(wal.get(), Files.createDirectories(data.resolve("pg_wal")));
            }
            Files.copy(manifest, data.resolve("backup_manifest"), StandardCopyOption.REPLACE_EXISTING);
            return Optional.empty();
        } catch (Damaged e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot unpack the tar-format base backup " + base.getParent()
                    + " into " + data + ": " + e.getMessage() + " — check the free space of the temporary directory.", e);
        }
    }

    /** The size of the archives on disk (a lower bound of the unpacked size when compressed). */
    long bytes() {
        return WorkFiles.size(base) + wal.map(WorkFiles::size).orElse(0L);
    }

    private static void extract(Path archive, Path target) throws IOException {
        try (InputStream in = open(archive)) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (read(in, header, BLOCK, archive) < BLOCK) {
                    throw new Damaged(archive.getFileName() + " ends in the middle of an entry header");
                }
                if (allZero(header)) {
                    return;
                }
                String name = path(header);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                Path path = target.resolve(name).normalize();
                if (!path.startsWith(target)) {
                    throw new Damaged(archive.getFileName() + " has an entry outside the data directory: " + name);
                }
                switch (type) {
                    case '5' -> Files.createDirectories(path);
                    case '2' -> {
                        Files.createDirectories(path.getParent());
                        Files.createSymbolicLink(path, Path.of(text(header, 157, 100)));
                    }
                    case '0', '\0' -> {
                        Files.createDirectories(path.getParent());
                        try (OutputStream out = Files.newOutputStream(path)) {
                            copy(in, out, size, archive, name);
                        }
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                        skip(in, (BLOCK - size % BLOCK) % BLOCK, archive, name);
                    }
                    default -> throw new Damaged(archive.getFileName() + " has an entry of tar type '" + type
                            + "' (" + name + "), which pg_basebackup does not write");
                }
            }
        }
    }

    private static InputStream open(Path archive) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        if (!archive.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw new Damaged(archive.getFileName() + " is not a gzip file: " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long size, Path archive, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int read = read(in, buffer, (int) Math.min(buffer.length, left), archive);
            if (read <= 0) {
                throw new Damaged(archive.getFileName() + " ends inside " + name + ", " + left + " of its " + size
                        + " bytes missing");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void skip(InputStream in, long bytes, Path archive, String name) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw new Damaged(archive.getFileName() + " ends after " + name);
        }
    }

    /** The archive itself is damaged (truncated, corrupt compression, not a tar): a finding, not a failure. */
    static final class Damaged extends IOException {

        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }

        Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads up to {@code length} bytes; a failure of the archive's own stream (gzip errors) is damage. */
    private static int read(InputStream in, byte[] buffer, int length, Path archive) throws Damaged {
        try {
            return in.readNBytes(buffer, 0, length);
        } catch (IOException e) {
            throw new Damaged(archive.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String path(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar") ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws Damaged {
        String digits = text(header, offset, length).strip();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new Damaged("a tar header has the size \"" + digits + "\", which is not an octal number", e);
        }
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
