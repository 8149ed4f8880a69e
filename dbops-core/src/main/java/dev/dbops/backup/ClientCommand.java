package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run of a PostgreSQL client program ({@code pg_dump}, {@code pg_restore}) against a database.
 *
 * <p>The connection goes into one {@code --dbname} conninfo string (host, port, user, database and
 * the SSL settings of the URL), so no database name can be mistaken for an option. The password
 * never appears in the arguments: it travels in {@code PGPASSWORD}. Messages are forced to English
 * ({@code LC_MESSAGES=C}) so that progress lines can be read, and times to UTC ({@code TZ=UTC}).
 */
final class ClientCommand {

    /** URL parameters passed on as the libpq setting of the same name. */
    private static final List<String> PASSED_PARAMETERS =
            List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "target_session_attrs");

    private static final int TAIL_LINES = 40;

    private final Path executable;
    private final List<String> arguments;
    private final Optional<PostgresUrl> url;
    private volatile Process process;

    /** A command that connects to the database of {@code url}. */
    ClientCommand(Path executable, PostgresUrl url, List<String> arguments) {
        this(executable, Optional.of(url), arguments);
    }

    /** A command that connects to nothing (such as {@code pg_restore --list}), when {@code url} is empty. */
    ClientCommand(Path executable, Optional<PostgresUrl> url, List<String> arguments) {
        this.executable = executable;
        this.url = url;
        this.arguments = List.copyOf(arguments);
    }

    /** The libpq conninfo string for a URL, without the password: {@code host='h' port=5432 user='u' dbname='d'}. */
    static String conninfo(PostgresUrl url) {
        StringBuilder info = new StringBuilder()
                .append("host=").append(quoteConninfo(url.host()))
                .append(" port=").append(url.port());
        url.user().ifPresent(user -> info.append(" user=").append(quoteConninfo(user)));
        info.append(" dbname=").append(quoteConninfo(url.database()));
        for (Map.Entry<String, String> parameter : url.parameters().entrySet()) {
            if (PASSED_PARAMETERS.contains(parameter.getKey())) {
                info.append(' ').append(parameter.getKey()).append('=').append(quoteConninfo(parameter.getValue()));
            }
        }
        return info.toString();
    }

    /** A conninfo value in single quotes, with {@code \} and {@code '} escaped by a backslash. */
    static String quoteConninfo(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The full command line as run; safe to show, because the password is not in it. */
    List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(executable.toString());
        line.addAll(arguments);
        url.ifPresent(u -> line.add("--dbname=" + conninfo(u)));
        return line;
    }

    /** The command line as one line of text for reports. */
    String describe() {
        return String.join(" ", commandLine());
    }

    /**
     * Runs the program to its end, handing every line it writes to standard error to {@code lines};
     * its standard output goes to {@code output} when given, else nowhere.
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_TOOL_UNAVAILABLE} when the program cannot be started
     */
    Result run(Consumer<String> lines, Optional<Path> output) {
        ProcessBuilder builder = new ProcessBuilder(commandLine())
                .redirectOutput(output.map(file -> ProcessBuilder.Redirect.to(file.toFile())).orElse(ProcessBuilder.Redirect.DISCARD))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.remove("PGPASSWORD");
        url.flatMap(PostgresUrl::password).ifPresent(password -> environment.put("PGPASSWORD", password));
        environment.put("LC_MESSAGES", "C");
        environment.remove("LC_ALL");
        environment.put("TZ", "UTC");
        environment.putIfAbsent("PGCONNECT_TIMEOUT", "10");
        environment.put("PGAPPNAME", "dbops-backup-drill");
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            this.process = process;
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.BACKUP_TOOL_UNAVAILABLE, "Cannot run " + executable + ": "
                    + e.getMessage() + " — install the PostgreSQL client programs or point dbops at their"
                    + " directory (--pg-bin).", e);
        }
        Deque<String> tail = new ArrayDeque<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
                if (line.contains(": error: ") || line.startsWith("ERROR:") || line.contains(": fatal: ")) {
                    errors.add(line);
                }
                lines.accept(line);
            }
            int exit = process.waitFor();
            return new Result(exit, errors, List.copyOf(tail), System.nanoTime() - started);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Lost the output of " + executable.getFileName()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Interrupted while " + executable.getFileName()
                    + " was running; it was stopped.", e);
        }
    }

    /** Kills the program and its worker processes, if it is running. */
    void stop() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    /** The program's name, for example {@code pg_restore}. */
    String program() {
        return executable.getFileName().toString();
    }

    /**
     * How a run ended.
     *
     * @param exitCode the exit code; 128 + n when the program was killed by signal n
     * @param errors the lines that report an error ({@code pg_restore: error: …}), in order
     * @param tail the last lines of standard error
     * @param nanos the wall time of the run
     */
    record Result(int exitCode, List<String> errors, List<String> tail, long nanos) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** Whether the program was killed by a signal rather than ending by itself. */
        boolean killed() {
            return exitCode >= 128;
        }

        /** The error lines, or the tail when the program reported none. */
        String explanation() {
            List<String> shown = errors.isEmpty() ? tail : errors;
            return shown.isEmpty() ? "(no output)" : String.join("\n", shown);
        }
    }
}
