package dev.dbops.schema;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import dev.dbops.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Schema} together with the server it was read from, as stored in a snapshot file.
 *
 * <p>The file is UTF-8 JSON, indented by two spaces, with {@code \n} line ends:
 * {@code {"formatVersion": 1, "server": {…}, "schema": {…}}}. Every model record is an object whose
 * keys are its component names in declaration order. To keep snapshots of large databases small and
 * readable next to migrations, an empty {@code Optional}, an empty list and {@code false} are left
 * out, and a missing key reads back as exactly that; strings, numbers, enums and nested records are
 * always written and must be present. The same snapshot always gives byte-identical text, so a
 * committed snapshot only changes when the schema does. The complete format is documented in
 * {@code docs/snapshot-format.md}.
 *
 * <p>Reading is strict: invalid JSON, a missing or unknown {@code formatVersion}, a value of the
 * wrong type, a missing value and a key the model does not have are all reported as
 * {@link ErrorCode#INVALID_SNAPSHOT}, with the JSON path of the offending value, e.g.
 * {@code schema.tables[12].columns[3].type} (list positions count from 0).
 *
 * @param formatVersion the version of the file format; always {@link #FORMAT_VERSION}
 * @param server the server the schema was read from
 * @param schema the structure of the database
 */
public record SchemaSnapshot(int formatVersion, ServerInfo server, Schema schema) {

    /** The snapshot format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final String INSPECT = "dbops inspect --url <jdbc-url> > ";

    /**
     * Creates a snapshot.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_SNAPSHOT} when {@code formatVersion} is not
     *     {@link #FORMAT_VERSION}
     */
    public SchemaSnapshot {
        if (formatVersion != FORMAT_VERSION) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, "a SchemaSnapshot was created with formatVersion "
                    + formatVersion + " but this dbops reads and writes formatVersion " + FORMAT_VERSION
                    + " only — pass SchemaSnapshot.FORMAT_VERSION");
        }
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(schema, "schema");
    }

    /** The snapshot as pretty-printed JSON with a trailing newline; equal snapshots give identical text. */
    public String toJson() {
        return Json.writePretty(SnapshotCodec.encode(this));
    }

    /**
     * Reads a snapshot from the JSON text {@link #toJson()} produces.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_SNAPSHOT} when the text is not valid JSON,
     *     is not a dbops snapshot, has another {@code formatVersion}, or does not fit the model
     */
    public static SchemaSnapshot fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return decode(json, "snapshot", "snapshot.json");
    }

    /**
     * Reads a snapshot from JSON text that came from somewhere other than a file path, such as a classpath
     * resource; messages name {@code source} and tell how to regenerate {@code regenerateTo}.
     *
     * @param source how messages name the text, e.g. {@code snapshot classpath:db/dbops-snapshot.json}
     * @param regenerateTo the file a fix should write, e.g. {@code src/main/resources/db/dbops-snapshot.json}
     * @throws DbopsException with {@link ErrorCode#INVALID_SNAPSHOT} as {@link #fromJson(String)}
     */
    public static SchemaSnapshot fromJson(String json, String source, String regenerateTo) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regenerateTo, "regenerateTo");
        return decode(json, source, regenerateTo);
    }

    /**
     * Reads a snapshot file written by {@link #write(Path)} or {@code dbops inspect}.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be read, and with
     *     {@link ErrorCode#INVALID_SNAPSHOT} when it is not UTF-8, not valid JSON, not a dbops snapshot,
     *     of another {@code formatVersion}, or does not fit the model
     */
    public static SchemaSnapshot read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, "snapshot file " + file + " is not UTF-8 text — "
                    + "snapshots are written as UTF-8; regenerate it with `" + INSPECT + file + "`", e);
        } catch (NoSuchFileException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read snapshot file " + file + ": it does not exist"
                    + " — check the path, or create it with `" + INSPECT + file + "`", e);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read snapshot file " + file + ": " + reason(e)
                    + " — check that it is a readable file", e);
        }
        return decode(text, "snapshot file " + file, file.toString());
    }

    /**
     * Writes this snapshot to a file as {@link #toJson()} renders it, in UTF-8, replacing the file if
     * it exists.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be written
     */
    public void write(Path file) {
        String json = toJson();
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot write snapshot file " + file + ": " + reason(e)
                    + " — check that its directory exists and is writable", e);
        }
    }

    private static SchemaSnapshot decode(String text, String source, String fileName) {
        String regenerate = "regenerate it with `" + INSPECT + fileName + "`";
        Object tree;
        try {
            tree = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT,
                    source + " is not valid JSON: " + e.getMessage() + " — " + regenerate, e);
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, source + " is not a dbops schema snapshot: it is "
                    + SnapshotCodec.describe(tree) + ", not an object with formatVersion, server and schema — "
                    + regenerate);
        }
        Object version = root.get("formatVersion");
        if (version == null) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, source + " is not a dbops schema snapshot: it has no "
                    + "formatVersion key" + (root.isEmpty() ? "" : " (its keys are " + String.join(", ",
                    root.keySet().stream().map(String::valueOf).toList()) + ")") + " — pass a snapshot written by "
                    + "dbops, or " + regenerate);
        }
        if (!(version instanceof Long number)) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, source + " is invalid: formatVersion: expected an "
                    + "integer but found " + SnapshotCodec.describe(version) + " — " + regenerate);
        }
        if (number != FORMAT_VERSION) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, source + " has formatVersion " + number
                    + " but this dbops reads formatVersion " + FORMAT_VERSION + " — upgrade dbops or " + regenerate);
        }
        try {
            return SnapshotCodec.decode(SchemaSnapshot.class, root);
        } catch (SnapshotCodec.InvalidValue e) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, source + " is invalid: " + e.path() + ": "
                    + e.problem() + " — correct that value or " + regenerate);
        }
    }

    private static String reason(IOException e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        return message == null ? type : type + " (" + message + ")";
    }
}
