package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.migration.TransactionMode;
import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.trace.LockTracer;
import dev.dbops.trace.MigrationTrace;
import dev.dbops.trace.Seeder;
import dev.dbops.trace.TraceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The overhead of a lock trace over simply running the same migrations (target: at most 1.5 times), on one
 * embedded PostgreSQL 15, both ways in turn: each run creates a database, applies the schema, seeds it with
 * {@code --rows} orders, runs the twelve traced migrations of {@link TraceWorkload} and drops the database.
 * The peer runs them over plain JDBC, as the migration tool would (a transaction per script unless a statement
 * cannot run in one); the trace does all that through {@code LockTracer} (probes, lint, report). Prints the
 * medians, their ratio, and the CPU both sides used (this JVM and the whole server), never a pass/fail verdict.
 *
 * <p>Options ({@code --name=value}): {@code --rows} (200000), {@code --runs} timed runs each way (3),
 * {@code --warmups} (1).
 */
public final class TraceBenchmark {

    private TraceBenchmark() {
    }

    /** One run of one side: wall time, CPU, and the time of the traced migrations alone. */
    private record Run(Duration wall, double jvmCpu, double serverCpu, Duration migrations) {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int rows = 200_000;
        int runs = 3;
        int warmups = 1;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--rows" -> rows = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                default -> {
                    System.err.println("unknown option " + arg + "\nusage: TraceBenchmark [--rows=200000] [--runs=3]"
                            + " [--warmups=1]");
                    System.exit(2);
                }
            }
        }
        Path root = Files.createTempDirectory("dbops-trace-benchmark");
        TraceWorkload.write(root);
        MigrationSet applied = MigrationSource.builder().location(root.resolve("applied")).build().load();
        MigrationSet traced = MigrationSource.builder().location(root.resolve("traced")).build().load();
        String[] seed = TraceWorkload.seed(rows);
        System.out.println("== machine");
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("load average (1, 5, 15 min) at start", loadAverage());
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
                PostgresDatabase anchor = server.createDatabase();
                Connection watcher = anchor.connect()) {
            ServerCpu cpu = ServerCpu.of(watcher);
            line("PostgreSQL", "embedded " + server.version());
            line("workload", rows + " orders and order lines, " + rows / 10 + " customers and payments; "
                    + traced.migrations().size() + " traced migrations");
            List<Run> plain = new ArrayList<>();
            List<Run> trace = new ArrayList<>();
            for (int i = 0; i < warmups + runs; i++) {
                Run p = measure(cpu, () -> plainRun(server, applied, traced, seed));
                Run t = measure(cpu, () -> traceRun(server, applied, traced, seed));
                if (i >= warmups) {
                    plain.add(p);
                    trace.add(t);
                }
                System.out.printf("  run %d%s: plain %.0f ms (migrations %.0f ms), trace %.0f ms (migrations %.0f ms)%n",
                        i + 1, i < warmups ? " (warm-up)" : "", millis(p.wall()), millis(p.migrations()),
                        millis(t.wall()), millis(t.migrations()));
            }
            System.out.println("\n== trace overhead (median of " + runs + " each, after " + warmups + " warm-up)");
            Samples plainWall = new Samples(plain.stream().map(Run::wall).toList());
            Samples traceWall = new Samples(trace.stream().map(Run::wall).toList());
            line("peer: run the migrations (create, apply, seed, migrate, drop)", plainWall.summary());
            line("LockTracer.trace, same steps", traceWall.summary());
            line("ratio trace/plain (target <= 1.5)", "%.2f".formatted(millis(traceWall.median())
                    / millis(plainWall.median())));
            line("  traced migrations alone, plain (median)", "%.1f ms".formatted(millis(
                    new Samples(plain.stream().map(Run::migrations).toList()).median())));
            line("  traced migrations alone, in the trace (statements + commits)", "%.1f ms".formatted(millis(
                    new Samples(trace.stream().map(Run::migrations).toList()).median())));
            line("CPU per run, plain: JVM / server", "%.2f s / %.2f s".formatted(median(plain, Run::jvmCpu),
                    median(plain, Run::serverCpu)));
            line("CPU per run, trace: JVM / server", "%.2f s / %.2f s".formatted(median(trace, Run::jvmCpu),
                    median(trace, Run::serverCpu)));
            line("ratio of CPU (JVM + server), trace/plain", "%.2f".formatted(
                    (median(trace, Run::jvmCpu) + median(trace, Run::serverCpu))
                            / (median(plain, Run::jvmCpu) + median(plain, Run::serverCpu))));
            line("load average (1, 5, 15 min) at end", loadAverage());
        }
    }

    @FunctionalInterface
    private interface Side {
        Duration run() throws Exception;
    }

    private static Run measure(ServerCpu cpu, Side side) throws Exception {
        double jvm = jvmSeconds();
        double server = cpu.secondsAfterExits();
        long started = System.nanoTime();
        Duration migrations = side.run();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        return new Run(wall, jvmSeconds() - jvm, cpu.secondsAfterExits() - server, migrations);
    }

    /** The seconds of CPU this JVM has used so far. */
    private static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The peer: the same steps over plain JDBC; returns the time of the traced migrations alone. */
    private static Duration plainRun(EmbeddedPostgres server, MigrationSet applied, MigrationSet traced,
            String[] seed) throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (Migration migration : applied.migrations()) {
                migrate(connection, migration);
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : seed) {
                    statement.execute(sql);
                }
            }
            long started = System.nanoTime();
            for (Migration migration : traced.migrations()) {
                migrate(connection, migration);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    private static Duration traceRun(EmbeddedPostgres server, MigrationSet applied, MigrationSet traced,
            String[] seed) {
        Seeder seeder = dataSource -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : seed) {
                    statement.execute(sql);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Seeder.Outcome(seed.length + " inserts", List.of());
        };
        TraceReport report = LockTracer.builder().server(server).seeder(seeder).build().trace(applied, traced);
        if (report.failure().isPresent()) {
            throw new IllegalStateException("the traced migrations failed: " + report.failure().get().describe());
        }
        Duration migrations = Duration.ZERO;
        for (MigrationTrace migration : report.migrations()) {
            migrations = migrations.plus(migration.commitTook());
            for (var statement : migration.statements()) {
                migrations = migrations.plus(statement.took());
            }
        }
        return migrations;
    }

    /** Runs a migration as Flyway does: in one transaction unless a statement cannot run in one. */
    private static void migrate(Connection connection, Migration migration) throws Exception {
        List<SqlStatement> statements = SqlScript.parse(migration.sql()).statements();
        boolean transactional = migration.transactionMode().resolve(statements.stream()
                .anyMatch(TransactionMode::cannotRunInTransaction)) == TransactionMode.TRANSACTIONAL;
        connection.setAutoCommit(!transactional);
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : statements) {
                statement.execute(sql.text());
            }
        }
        if (transactional) {
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void line(String label, String value) {
        System.out.printf("  %-66s %s%n", label, value);
    }
}
