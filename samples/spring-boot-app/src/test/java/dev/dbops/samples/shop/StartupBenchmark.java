package dev.dbops.samples.shop;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.SchemaInspector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Startup time of the shop with and without the dbops startup guard, side by side: snapshot mode, on a
 * 500-table schema from one generated migration that Flyway has already applied (a restart, the common case).
 * Each start is a fresh JVM ({@link StartupProbe}), alternating without and with the guard, so class loading
 * and JIT warm-up count as they do in production. Prints medians, the difference and the ratio, and the CPU
 * the JVMs used; never a pass/fail verdict on absolute times (target, DESIGN.md §6: ≤ 300 ms added).
 *
 * <p>Options ({@code --name=value}): {@code --tables} (500), {@code --runs} starts of each kind (7),
 * {@code --warmups} starts of each kind not counted (1).
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int tables = 500;
        int runs = 7;
        int warmups = 1;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            switch (pair[0]) {
                case "--tables" -> tables = Integer.parseInt(pair[1]);
                case "--runs" -> runs = Integer.parseInt(pair[1]);
                case "--warmups" -> warmups = Integer.parseInt(pair[1]);
                default -> {
                    System.err.println("unknown option " + arg + "\nusage: StartupBenchmark [--tables=500] [--runs=7]"
                            + " [--warmups=1]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("dbops-startup-benchmark");
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__generated_schema.sql"), schema(tables), StandardCharsets.UTF_8);
        try (PostgresServer server = PostgresProvider.fromSpec("embedded");
             PostgresDatabase database = server.createDatabase()) {
            Flyway.configure().dataSource(database.dataSource()).locations("filesystem:" + migrations)
                    .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
            Path snapshot = work.resolve("dbops-snapshot.json");
            try (Connection connection = database.connect()) {
                SchemaInspector.builder().build().snapshot(connection).write(snapshot);
            }
            List<String> common = List.of("spring.datasource.url=" + database.url().jdbcUrl(),
                    "spring.datasource.username=" + database.url().user().orElseThrow(),
                    "spring.datasource.password=" + database.url().password().orElseThrow(),
                    "spring.flyway.locations=filesystem:" + migrations, "server.port=0",
                    "dbops.guard.drift.snapshot=file:" + snapshot, "dbops.guard.drift.git-history=false",
                    "logging.level.root=WARN");
            System.out.printf(Locale.ROOT, "machine: %d cores, load %s; PostgreSQL embedded %d; %d tables in one"
                    + " migration, applied; %d runs of each kind after %d warm-up(s), alternating%n",
                    Runtime.getRuntime().availableProcessors(), load(), server.majorVersion(), tables, runs, warmups);
            List<long[]> without = new ArrayList<>();
            List<long[]> with = new ArrayList<>();
            for (int i = 0; i < warmups + runs; i++) {
                long[] off = probe(common, "dbops.guard.enabled=false");
                long[] on = probe(common, "dbops.guard.enabled=true");
                if (i >= warmups) {
                    without.add(off);
                    with.add(on);
                }
            }
            report(without, with);
        }
    }

    /** startup-ms, uptime-ms, cpu-ms, guard-ms of one start in a new JVM. */
    private static long[] probe(List<String> common, String guard) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        command.addAll(common);
        command.add(guard);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String figures = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                if (line.startsWith("probe ")) {
                    figures = line;
                }
            }
        }
        if (process.waitFor() != 0 || figures == null) {
            throw new IllegalStateException("the shop did not start (" + guard + "):\n" + String.join("\n", output));
        }
        return Arrays.stream(figures.substring("probe ".length()).split(" "))
                .mapToLong(pair -> Long.parseLong(pair.substring(pair.indexOf('=') + 1))).toArray();
    }

    private static void report(List<long[]> without, List<long[]> with) {
        String[] names = {"startup, main to ready (ms)", "JVM uptime at ready (ms)", "CPU of the JVM until ready (ms)",
            "drift check's own time (ms)"};
        System.out.printf(Locale.ROOT, "%n%-34s %14s %14s %10s %7s%n", "median of each kind", "without guard",
                "with guard", "added", "ratio");
        for (int k = 0; k < names.length; k++) {
            long off = median(without, k);
            long on = median(with, k);
            System.out.printf(Locale.ROOT, "%-34s %14d %14d %+10d %7s%n", names[k], off, on, on - off,
                    off == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) on / off));
        }
        System.out.printf(Locale.ROOT, "%nstartup ms per run, without: %s%nstartup ms per run, with:    %s%n",
                column(without, 0), column(with, 0));
        System.out.println("target (DESIGN.md §6): the guard adds at most 300 ms to startup; compare the 'added' column"
                + " of the first row, measured side by side on this machine.");
    }

    private static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String column(List<long[]> rows, int column) {
        return rows.stream().map(r -> Long.toString(r[column])).toList().toString();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** {@code tables} tables with a key, a few columns, a foreign key to the previous one and its index. */
    static String schema(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            sql.append("create table t").append(i).append(" (\n")
                    .append("    id bigint generated always as identity primary key,\n")
                    .append("    name text not null,\n")
                    .append("    amount numeric(12, 2) not null default 0,\n")
                    .append("    created_at timestamptz not null default now()");
            if (i > 1) {
                sql.append(",\n    parent_id bigint references t").append(i - 1).append(" (id)");
            }
            sql.append("\n);\n");
            sql.append("create index t").append(i).append("_name_idx on t").append(i).append(" (name);\n");
            if (i > 1) {
                sql.append("create index t").append(i).append("_parent_idx on t").append(i).append(" (parent_id);\n");
            }
        }
        return sql.toString();
    }
}
