package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import dev.dbops.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data fingerprint of a database: per table a row count and content hash, per sequence its
 * state, and the schema, all taken in one snapshot, so that a restored copy can be proven equal.
 *
 * <p>A drill writes it next to the archive as {@code <archive>.fingerprint.json} ({@link #fileFor(Path)});
 * the format is documented in {@code docs/backup-verification.md}.
 *
 * @param formatVersion the version of the file format: {@link #FORMAT_VERSION} for every fingerprint this
 *     dbops takes; 1 for a file written by an older dbops, whose tables use {@link FingerprintMethod#TYPE_HASH}
 *     or {@link FingerprintMethod#ROW_TEXT}
 * @param takenAt when the snapshot was taken (the server's clock)
 * @param database the name of the fingerprinted database
 * @param serverVersion the server's version, for example {@code 15.18}
 * @param snapshotExact whether the fingerprint was computed in the very snapshot the dump was taken
 *     from; false when it was computed from a live database later, which makes a comparison approximate
 * @param tables the tables, ordered by schema and name
 * @param sequences the sequences, ordered by schema and name
 * @param notFingerprinted what holds data but has no fingerprint, in words (materialized views,
 *     tables of extensions, large objects)
 * @param schema the structure of the database, read at the same time
 */
public record DataFingerprint(
        int formatVersion,
        Instant takenAt,
        String database,
        String serverVersion,
        boolean snapshotExact,
        List<TableFingerprint> tables,
        List<SequenceFingerprint> sequences,
        List<String> notFingerprinted,
        Optional<SchemaSnapshot> schema) {

    /**
     * The fingerprint file format version this build writes. Version 2 introduced {@link FingerprintMethod#COLUMN_HASH};
     * version 1 files are still read and verified.
     */
    public static final int FORMAT_VERSION = 2;

    /** The oldest format version this build reads. */
    public static final int OLDEST_READABLE_VERSION = 1;

    /** The suffix of the fingerprint file next to an archive. */
    public static final String FILE_SUFFIX = ".fingerprint.json";

    /** Checks the format version against the methods and copies the lists. */
    public DataFingerprint {
        if (formatVersion < OLDEST_READABLE_VERSION || formatVersion > FORMAT_VERSION) {
            throw new DbopsException(ErrorCode.INVALID_FINGERPRINT, "a DataFingerprint was created with formatVersion "
                    + formatVersion + " but this dbops reads formatVersion " + OLDEST_READABLE_VERSION + " to "
                    + FORMAT_VERSION + " only");
        }
        FingerprintMethod foreign = formatVersion == 1 ? FingerprintMethod.COLUMN_HASH : FingerprintMethod.TYPE_HASH;
        for (TableFingerprint table : tables) {
            if (table.method() == foreign) {
                throw new DbopsException(ErrorCode.INVALID_FINGERPRINT, "table " + table.qualifiedName()
                        + " has method " + foreign + ", which fingerprint format " + formatVersion + " does not use");
            }
        }
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(serverVersion, "serverVersion");
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        notFingerprinted = List.copyOf(notFingerprinted);
        Objects.requireNonNull(schema, "schema");
    }

    /** The fingerprint file that belongs to an archive: {@code <archive>.fingerprint.json} beside it. */
    public static Path fileFor(Path archive) {
        Path absolute = archive.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + FILE_SUFFIX);
    }

    /** The table with this schema and name. */
    public Optional<TableFingerprint> table(String schemaName, String tableName) {
        return tables.stream().filter(t -> t.schema().equals(schemaName) && t.name().equals(tableName)).findFirst();
    }

    /** The total number of rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableFingerprint::rows).sum();
    }

    /** The fingerprint as pretty-printed JSON with a trailing newline. */
    public String toJson() {
        return Json.writePretty(FingerprintCodec.encode(this));
    }

    /**
     * Reads a fingerprint from the JSON text {@link #toJson()} produces.
     *
     * @param label names the text in error messages, for example the file it came from
     * @throws DbopsException with {@link ErrorCode#INVALID_FINGERPRINT} when the text is not a fingerprint
     *     of this format version
     */
    public static DataFingerprint fromJson(String json, String label) {
        Objects.requireNonNull(json, "json");
        return FingerprintCodec.decode(json, label);
    }

    /**
     * Reads a fingerprint file.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be read, and
     *     {@link ErrorCode#INVALID_FINGERPRINT} when it is not a fingerprint of this format version
     */
    public static DataFingerprint read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), "fingerprint file " + file);
        } catch (NoSuchFileException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot read fingerprint file " + file
                    + ": it does not exist — check the path; a drill writes it next to the archive.", e);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot read fingerprint file " + file + ": "
                    + e.getMessage() + " — check that it is a readable UTF-8 file.", e);
        }
    }

    /**
     * Writes this fingerprint to a file, replacing it if it exists.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be written
     */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot write fingerprint file " + file + ": "
                    + e.getMessage() + " — check that the directory exists and is writable.", e);
        }
    }
}
