package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresUrl;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peer of the inspection benchmark: {@code pg_dump --schema-only} against the same database,
 * timed as a whole process (start, connect, catalog reads, rendering), output to {@code /dev/null}.
 * The password travels in {@code PGPASSWORD}, never on the command line.
 *
 * @param executable the pg_dump binary
 * @param version what {@code pg_dump --version} printed
 */
record PgDumpPeer(Path executable, String version) {

    /**
     * Finds pg_dump: {@code $PG_DUMP}, then {@code /usr/bin/pg_dump}, then the {@code PATH}. Empty when
     * there is none, so that the benchmark can still report everything else.
     */
    static Optional<PgDumpPeer> locate() throws IOException, InterruptedException {
        String configured = System.getenv("PG_DUMP");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/bin/pg_dump"));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "pg_dump"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                Process process = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true)
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() == 0) {
                    return Optional.of(new PgDumpPeer(candidate, out));
                }
            }
        }
        return Optional.empty();
    }

    /** The major version of this pg_dump ({@code 15} for {@code pg_dump (PostgreSQL) 15.14}). */
    int majorVersion() {
        String[] words = version.split("\\s+");
        String number = words[words.length - 1];
        return Integer.parseInt(number.split("[.]")[0].replaceAll("[^0-9]", ""));
    }

    /** Runs one schema-only dump to {@code /dev/null}; fails with pg_dump's own message on a non-zero exit. */
    Object dumpSchema(PostgresUrl url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--schema-only", "--no-password",
                "--host", url.host(), "--port", Integer.toString(url.port()), "--dbname", url.database(),
                "--file", "/dev/null"));
        url.user().ifPresent(user -> command.addAll(List.of("--username", user)));
        ProcessBuilder builder = new ProcessBuilder(command);
        url.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] errors = process.getErrorStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("pg_dump did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pg_dump --schema-only exited with " + process.exitValue() + ": "
                    + new String(errors, StandardCharsets.UTF_8).strip());
        }
        return process.exitValue();
    }
}
