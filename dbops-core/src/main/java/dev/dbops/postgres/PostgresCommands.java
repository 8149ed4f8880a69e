package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Builds and runs the command lines of the PostgreSQL programs ({@code initdb}, {@code postgres}).
 *
 * <p>PostgreSQL refuses to run as root. When this JVM's effective uid is 0, every program runs under
 * {@code unshare -U}: in a new user namespace with no uid mapping the process is the overflow uid
 * ("nobody"), which PostgreSQL accepts, and files owned by the real root look owned by that same
 * overflow uid from inside, so the data directory's ownership check passes. The kernel still treats
 * the process as root for file access, so it can write the directories this JVM created.
 */
final class PostgresCommands {

    private final Path home;
    private final boolean inUserNamespace;

    PostgresCommands(Path home, boolean inUserNamespace) {
        this.home = home;
        this.inUserNamespace = inUserNamespace;
    }

    /** Commands for the installation at {@code home}, under {@code unshare -U} when this JVM runs as root. */
    static PostgresCommands forInstallation(Path home) {
        return new PostgresCommands(home, isRoot());
    }

    boolean inUserNamespace() {
        return inUserNamespace;
    }

    /** Runs {@code initdb} with a superuser {@code postgres} whose password is read from {@code passwordFile}. */
    void initdb(Path dataDirectory, Path passwordFile, Path logFile) {
        List<String> command = command("initdb",
                "-D", dataDirectory.toString(),
                "-U", "postgres",
                "--auth=scram-sha-256",
                "--pwfile=" + passwordFile,
                "-E", "UTF8",
                "--locale=C",
                "--no-sync");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        scrubEnvironment(builder.environment());
        try {
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "initdb did not finish within 2 minutes"
                        + " — check the disk under " + dataDirectory + ". Its output:\n" + tail(logFile));
            }
            if (process.exitValue() != 0) {
                throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "initdb failed with exit code "
                        + process.exitValue() + (inUserNamespace ? " (run under unshare -U because this JVM is root;"
                                + " if it says 'Operation not permitted', user namespaces are disabled here: run the JVM"
                                + " as a non-root user)" : "") + " — see its output:\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw cannotRun(command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Interrupted while running initdb.", e);
        }
    }

    /** Starts the postmaster in the background, appending its output to {@code logFile}. */
    Process startPostgres(Path dataDirectory, int port, Map<String, String> settings, Path logFile) {
        List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
        settings.forEach((name, value) -> {
            arguments.add("-c");
            arguments.add(name + "=" + value);
        });
        List<String> command = command("postgres", arguments.toArray(String[]::new));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        scrubEnvironment(builder.environment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw cannotRun(command, e);
        }
    }

    /** {@code [unshare -U] <home>/bin/<program> arguments…}; {@code unshare} execs, so the pid is the program's. */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (inUserNamespace) {
            command.add(findOnPath("unshare").orElseThrow(() -> new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED,
                    "PostgreSQL refuses to run as root, and this JVM runs as root without the 'unshare' program"
                            + " (util-linux) that dbops uses to start it in a user namespace — install util-linux,"
                            + " run the JVM as another user, or point DBOPS_TEST_POSTGRES at an existing server.")));
            command.add("-U");
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** The effective uid of this process is 0, read from {@code /proc/self/status}. */
    static boolean isRoot() {
        try {
            return effectiveUid(Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8))
                    .orElse(-1) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The effective uid from the lines of {@code /proc/<pid>/status}: the second number of {@code Uid:}. */
    static OptionalInt effectiveUid(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("Uid:")) {
                String[] fields = line.substring(4).trim().split("\\s+");
                if (fields.length >= 2 && fields[1].matches("\\d+")) {
                    return OptionalInt.of(Integer.parseInt(fields[1]));
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The last lines of a log file, for error messages. */
    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static Optional<String> findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/bin";
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps the user's libpq settings (PGDATA, PGPORT, PGOPTIONS…) and locale from leaking into the server. */
    private static void scrubEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_") || name.equals("LANG"));
        environment.put("LC_ALL", "C");
    }

    private static DbopsException cannotRun(List<String> command, IOException e) {
        return new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot run " + String.join(" ", command)
                + ": " + e.getMessage() + " — check that the unpacked binaries are executable (delete the"
                + " dbops-postgres cache directory to unpack them again).", e);
    }
}
