package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A plain-format base backup directory given to a physical drill: its copy, and its start time. */
final class GivenBaseBackup {

    private static final Pattern LABEL_TIME = Pattern.compile("^START TIME: (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (UTC|GMT)$");

    private GivenBaseBackup() {
    }

    /** Copies the backup, so that starting it leaves the original untouched. */
    static Void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
            return null;
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot copy the backup " + from + " to " + to + ": "
                    + e.getMessage() + " — check its permissions and the free space of the temporary directory.", e);
        }
    }

    /** The backup's start time from its {@code backup_label}, when written in UTC. */
    static Optional<Instant> labelTime(Path backup) {
        try {
            for (String line : Files.readAllLines(backup.resolve("backup_label"), StandardCharsets.UTF_8)) {
                Matcher matcher = LABEL_TIME.matcher(line);
                if (matcher.matches()) {
                    return Optional.of(LocalDateTime.parse(matcher.group(1),
                            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
