package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pg_dump} and {@code pg_restore} a drill uses: one directory holding both, of a major
 * version at least the server's (pg_dump refuses to dump a server of a newer major version).
 *
 * @param directory the directory of the programs
 * @param major the programs' major version, for example {@code 15}
 * @param version what {@code pg_dump --version} printed, for example {@code pg_dump (PostgreSQL) 15.18}
 */
record ClientPrograms(Path directory, int major, String version) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");

    Path pgDump() {
        return directory.resolve("pg_dump");
    }

    Path pgRestore() {
        return directory.resolve("pg_restore");
    }

    /**
     * Finds programs that can work with a server of {@code serverMajor}: in {@code configured} when given,
     * else the first good one of {@code /usr/lib/postgresql/<major>/bin} (the server's major first, then
     * newer ones), {@code /usr/pgsql-<major>/bin}, {@code /usr/bin} and the {@code PATH}.
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_TOOL_UNAVAILABLE} naming every candidate looked at
     *     and why it was not taken
     */
    static ClientPrograms locate(Optional<Path> configured, int serverMajor, String serverVersion) {
        List<String> rejected = new ArrayList<>();
        for (Path directory : candidates(configured, serverMajor)) {
            Path pgDump = directory.resolve("pg_dump");
            if (!Files.isExecutable(pgDump) || !Files.isExecutable(directory.resolve("pg_restore"))) {
                if (configured.isPresent()) {
                    rejected.add(directory + " has no executable pg_dump and pg_restore");
                }
                continue;
            }
            Optional<String> printed = versionOf(pgDump);
            Optional<Integer> major = printed.flatMap(ClientPrograms::major);
            if (major.isEmpty()) {
                rejected.add(pgDump + " did not report a version (" + printed.orElse("it did not run") + ")");
            } else if (major.get() < serverMajor) {
                rejected.add(printed.get() + " at " + pgDump + " is older than the server");
            } else {
                return new ClientPrograms(directory, major.get(), printed.get());
            }
        }
        String fix = " — install the PostgreSQL " + serverMajor + " client programs (Debian/Ubuntu: postgresql-client-"
                + serverMajor + ", RHEL: postgresql" + serverMajor + ") and pass their directory with --pg-bin"
                + " (BackupDrill.Builder.clientPrograms).";
        if (rejected.isEmpty()) {
            throw new DbopsException(ErrorCode.BACKUP_TOOL_UNAVAILABLE, "No pg_dump and pg_restore found for"
                    + " PostgreSQL " + serverVersion + fix);
        }
        throw new DbopsException(ErrorCode.BACKUP_TOOL_UNAVAILABLE, "No usable pg_dump for PostgreSQL " + serverVersion
                + " (pg_dump refuses to dump a server of a newer major version): " + String.join("; ", rejected)
                + fix);
    }

    private static Set<Path> candidates(Optional<Path> configured, int serverMajor) {
        Set<Path> candidates = new LinkedHashSet<>();
        if (configured.isPresent()) {
            candidates.add(configured.get());
            return candidates;
        }
        for (int major = serverMajor; major <= serverMajor + 5; major++) {
            candidates.add(Path.of("/usr/lib/postgresql/" + major + "/bin"));
            candidates.add(Path.of("/usr/pgsql-" + major + "/bin"));
        }
        candidates.add(Path.of("/usr/bin"));
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry));
            }
        }
        return candidates;
    }

    /** The major version in {@code pg_dump (PostgreSQL) 15.18 (Debian …)}. */
    static Optional<Integer> major(String printed) {
        Matcher matcher = VERSION.matcher(printed);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** What {@code program --version} prints, when it runs. */
    static Optional<String> versionOf(Path program) {
        try {
            Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
