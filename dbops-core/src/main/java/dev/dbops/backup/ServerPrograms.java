package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs a physical drill needs from one installation: {@code pg_basebackup}, {@code postgres}
 * (which must be of exactly the source's major version, as a data directory is) and, when present,
 * {@code pg_verifybackup} (PostgreSQL 13+).
 *
 * @param directory the installation's {@code bin} directory
 * @param major the major version of its {@code postgres}
 */
record ServerPrograms(Path directory, int major) {

    Path pgBaseBackup() {
        return directory.resolve("pg_basebackup");
    }

    Path postgres() {
        return directory.resolve("postgres");
    }

    Optional<Path> pgVerifyBackup() {
        Path program = directory.resolve("pg_verifybackup");
        return Files.isExecutable(program) ? Optional.of(program) : Optional.empty();
    }

    /**
     * Finds an installation whose {@code postgres} has the source's major version, in {@code configured}
     * when given, else in {@code /usr/lib/postgresql/<major>/bin}, {@code /usr/pgsql-<major>/bin}, {@code /usr/bin}.
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_TOOL_UNAVAILABLE} naming what was looked at
     */
    static ServerPrograms locate(Optional<Path> configured, int serverMajor, String serverVersion) {
        List<Path> candidates = configured.map(List::of).orElse(List.of(
                Path.of("/usr/lib/postgresql/" + serverMajor + "/bin"), Path.of("/usr/pgsql-" + serverMajor + "/bin"),
                Path.of("/usr/bin")));
        List<String> rejected = new ArrayList<>();
        for (Path directory : candidates) {
            Path postgres = directory.resolve("postgres");
            if (!Files.isExecutable(postgres) || !Files.isExecutable(directory.resolve("pg_basebackup"))) {
                rejected.add(directory + " has no postgres and pg_basebackup");
                continue;
            }
            Optional<Integer> major = ClientPrograms.versionOf(postgres).flatMap(ClientPrograms::major);
            if (major.isPresent() && major.get() == serverMajor) {
                return new ServerPrograms(directory, serverMajor);
            }
            rejected.add(postgres + " is " + major.map(m -> "PostgreSQL " + m).orElse("of an unknown version"));
        }
        throw new DbopsException(ErrorCode.BACKUP_TOOL_UNAVAILABLE, "A physical drill needs postgres and pg_basebackup"
                + " of exactly the source's major version (" + serverVersion + "), because a data directory only starts"
                + " under its own major version: " + String.join("; ", rejected) + " — install the PostgreSQL "
                + serverMajor + " server package (Debian/Ubuntu: postgresql-" + serverMajor + ") and pass its bin"
                + " directory with --pg-bin.");
    }
}
