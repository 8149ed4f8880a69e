package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The drill's peer: plain {@code pg_dump -Fd -j N}, then {@code CREATE DATABASE} and one
 * {@code pg_restore -j N} into it, then {@code DROP DATABASE}, with nothing verified: the same work as a
 * drill minus the fingerprints and the schema diff. The dump directory is deleted afterwards (not timed).
 * The password travels in {@code PGPASSWORD}.
 *
 * @param binaries the directory of pg_dump and pg_restore
 */
record PlainDumpRestore(Path binaries) {

    /** The wall times of one run, in nanoseconds. */
    record Times(long dump, long restore, long drop) {
        long total() {
            return dump + restore + drop;
        }
    }

    /** Dumps {@code source}, restores it into a new database and drops that. */
    Times run(PostgresUrl source, int jobs) throws Exception {
        Path directory = Files.createTempDirectory("dbops-bench-plain-");
        Path archive = directory.resolve("archive");
        String copy = "bench_plain_copy";
        try {
            long started = System.nanoTime();
            exec(source, List.of(binaries.resolve("pg_dump").toString(), "--format=directory", "--jobs=" + jobs,
                    "--file=" + archive, "--dbname=" + source.database()));
            long dumped = System.nanoTime();
            admin(source, "create database " + copy + " template template0");
            exec(source, List.of(binaries.resolve("pg_restore").toString(), "--jobs=" + jobs, "--exit-on-error",
                    "--dbname=" + copy, archive.toString()));
            long restored = System.nanoTime();
            admin(source, "drop database " + copy + " with (force)");
            return new Times(dumped - started, restored - dumped, System.nanoTime() - restored);
        } finally {
            admin(source, "drop database if exists " + copy + " with (force)");
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void admin(PostgresUrl source, String sql) throws Exception {
        try (Connection connection = PostgresConnector.open(source); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void exec(PostgresUrl url, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--host=" + url.host(), "--port=" + url.port(), "--no-password"));
        url.user().ifPresent(user -> full.add("--username=" + user));
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        url.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        Process process = builder.start();
        byte[] errors = process.getErrorStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(errors, StandardCharsets.UTF_8).strip());
        }
    }
}
