package dev.dbops.migration;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a Flyway script again as Flyway reads it for its checksum: the file's own text, decoded with the
 * encoding of its {@code .sql.conf} (UTF-8 by default), byte order mark dropped, placeholders not replaced.
 */
final class ScriptTexts {

    private static final Set<MigrationKind> FILES = EnumSet.of(MigrationKind.VERSIONED, MigrationKind.UNDO,
            MigrationKind.BASELINE, MigrationKind.REPEATABLE, MigrationKind.PLAIN_SQL);

    private ScriptTexts() {
    }

    static String read(Migration migration, ClassLoader classLoader) {
        if (!FILES.contains(migration.kind())) {
            return migration.sql();
        }
        String location = migration.location();
        try {
            byte[] bytes = bytes(location, classLoader);
            byte[] config = migration.kind() == MigrationKind.PLAIN_SQL ? null
                    : optionalBytes(location + ScriptConfig.EXTENSION, classLoader);
            Charset charset = config == null ? StandardCharsets.UTF_8
                    : ScriptConfig.parse(TextFiles.decode(config, StandardCharsets.UTF_8)).encoding()
                            .orElse(StandardCharsets.UTF_8);
            return TextFiles.decode(bytes, charset);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read the migration " + location + " again: "
                    + ScriptScanner.describe(e) + " — check that the file still exists and is readable", e);
        }
    }

    private static byte[] bytes(String location, ClassLoader classLoader) throws IOException {
        byte[] bytes = optionalBytes(location, classLoader);
        if (bytes == null) {
            throw new NoSuchFileException(location);
        }
        return bytes;
    }

    private static byte[] optionalBytes(String location, ClassLoader classLoader) throws IOException {
        if (location.startsWith(ChangelogLocation.CLASSPATH)) {
            try (InputStream in = classLoader.getResourceAsStream(location.substring(ChangelogLocation.CLASSPATH.length()))) {
                return in == null ? null : in.readAllBytes();
            }
        }
        Path path = Path.of(location);
        return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
    }
}
