package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before anything is restored, that the target server's disk can hold a copy of the source.
 *
 * <p>Only possible when the target runs on this machine: its {@code data_directory} (readable by
 * superusers and {@code pg_read_all_settings}) is then a local path whose free space the JVM can read.
 */
final class DiskSpace {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private DiskSpace() {
    }

    /**
     * Checks free space against {@code needed} bytes.
     *
     * @return why the check could not be made, when it could not
     * @throws DbopsException with {@link ErrorCode#INSUFFICIENT_DISK_SPACE} and the figures when there is too little
     */
    static Optional<String> check(Connection admin, PostgresUrl target, long sourceBytes, long headroomBytes) {
        if (!LOCAL_HOSTS.contains(target.host()) && !target.host().startsWith("/")) {
            return Optional.of("Free disk space on the target server was not checked: it runs on " + target.host()
                    + ", not on this machine.");
        }
        String directory;
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery("select pg_catalog.current_setting('data_directory')")) {
            rs.next();
            directory = rs.getString(1);
        } catch (SQLException e) {
            return Optional.of("Free disk space on the target server was not checked: data_directory cannot be read ("
                    + e.getMessage().strip() + "); it needs superuser or pg_read_all_settings.");
        }
        Path path = Path.of(directory);
        long free;
        try {
            free = Files.getFileStore(path).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Optional.of("Free disk space on the target server was not checked: its data directory " + directory
                    + " is not readable from here (" + e.getMessage() + ").");
        }
        long needed = sourceBytes + headroomBytes;
        if (free < needed) {
            throw new DbopsException(ErrorCode.INSUFFICIENT_DISK_SPACE, "Not enough free disk space to restore: the"
                    + " target's data directory " + directory + " has " + DrillReportText.bytes(free) + " (" + free
                    + " bytes) free, the source database is " + DrillReportText.bytes(sourceBytes) + " (" + sourceBytes
                    + " bytes by pg_database_size) and the headroom asked for is " + DrillReportText.bytes(headroomBytes)
                    + ", so " + DrillReportText.bytes(needed) + " are needed — free space there, or restore on another"
                    + " server with --target-url.");
        }
        return Optional.empty();
    }
}
