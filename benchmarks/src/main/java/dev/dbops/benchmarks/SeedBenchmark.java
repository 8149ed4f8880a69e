package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import com.sun.management.OperatingSystemMXBean;
import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.trace.seed.DataSeeder;
import dev.dbops.trace.seed.SeedReport;
import dev.dbops.trace.seed.TableSeeding;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seeding throughput next to its peer, the server generating the same rows itself with
 * {@code INSERT … SELECT … FROM generate_series(…)} on the same tables: 1 million rows into a narrow
 * table, and 1 million rows spread over a wide, foreign-key-heavy schema of five tables. Peer and
 * dbops alternate run by run after one untimed warm-up each, so load changes hit both. It prints
 * median wall times, rows per second, the ratio dbops / peer, and the CPU seconds of this JVM and of
 * the whole server per run; never a pass/fail verdict.
 *
 * <p>Options ({@code --name=value}): {@code --rows} (1000000), {@code --runs} (3), {@code --connections}
 * (2, the seeder's connections).
 */
public final class SeedBenchmark {

    /** The report of the latest dbops run, whose per-table times are printed. */
    private static SeedReport latest;

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SeedBenchmark() {
    }

    /** One timed run: wall time, CPU of this JVM and of the server. */
    private record Run(Duration wall, double jvmCpu, double serverCpu, long rows) {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int runs = 3;
        int connections = 2;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--rows" -> rows = Long.parseLong(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                default -> {
                    System.err.println("unknown option " + arg
                            + "\nusage: SeedBenchmark [--rows=1000000] [--runs=3] [--connections=2]");
                    System.exit(2);
                }
            }
        }
        run(rows, runs, connections);
    }

    private static void run(long rows, int runs, int connections) throws Exception {
        heading("machine");
        line("date", LocalDate.now().toString());
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("load average at start", loadAverage());
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
             PostgresDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            ServerCpu serverCpu = ServerCpu.of(connection);
            exec(connection, SeedSchemas.NARROW + SeedSchemas.SHOP);
            line("server", connection.getMetaData().getDatabaseProductVersion() + " (embedded)");

            heading("narrow table: " + rows + " rows into bench.ticks (median of " + runs + ")");
            DataSeeder narrow = DataSeeder.builder().only("bench.ticks").rows(rows).seed(1).analyze(false)
                    .connections(connections).build();
            compare(rows, runs, serverCpu,
                    () -> dbops(narrow, database, connection, "truncate bench.ticks", serverCpu),
                    () -> peer(connection, "truncate bench.ticks", SeedSchemas.narrowPeer(rows), rows, serverCpu));

            long customers = rows / 10;
            long products = rows / 50;
            long orders = rows * 2 / 5;
            long items = rows * 2 / 5;
            long payments = rows - customers - products - orders - items;
            heading("wide, foreign-key-heavy schema: " + rows + " rows over 5 tables (median of " + runs + ")");
            line("rows per table", "customers %d, products %d, orders %d, order_items %d, payments %d"
                    .formatted(customers, products, orders, items, payments));
            DataSeeder shop = DataSeeder.builder().only(SeedSchemas.SHOP_TABLES).seed(1).analyze(false)
                    .connections(connections).rowsFor("bench.customers", customers).rowsFor("bench.products", products)
                    .rowsFor("bench.orders", orders).rowsFor("bench.order_items", items)
                    .rowsFor("bench.payments", payments).build();
            String truncate = "truncate " + String.join(", ", SeedSchemas.SHOP_TABLES) + " restart identity";
            compare(rows, runs, serverCpu,
                    () -> dbops(shop, database, connection, truncate, serverCpu),
                    () -> peer(connection, truncate, SeedSchemas.shopPeer(customers, products, orders, items, payments),
                            rows, serverCpu));
            line("load average at end", loadAverage());
        }
    }

    @FunctionalInterface
    private interface Timed {
        Run run() throws Exception;
    }

    private static void compare(long rows, int runs, ServerCpu cpu, Timed dbops, Timed peer) throws Exception {
        dbops.run();
        peer.run();
        List<Run> ours = new ArrayList<>();
        List<Run> theirs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ours.add(dbops.run());
            theirs.add(peer.run());
        }
        Run dbopsMedian = median(ours);
        Run peerMedian = median(theirs);
        report("dbops DataSeeder (COPY)", ours, dbopsMedian);
        for (TableSeeding table : latest.tables()) {
            line("  " + table.table() + " (last run)", String.format(Locale.ROOT, "%,d rows in %.2f s, %,.0f rows/s",
                    table.rowsWritten(), table.duration().toNanos() / 1e9, table.rowsPerSecond()));
        }
        report("peer INSERT … SELECT generate_series", theirs, peerMedian);
        line("ratio dbops / peer (wall time)", String.format(Locale.ROOT, "%.2f ×",
                millis(dbopsMedian.wall()) / millis(peerMedian.wall())));
        line("ratio dbops / peer (server CPU)", String.format(Locale.ROOT, "%.2f ×",
                dbopsMedian.serverCpu() / peerMedian.serverCpu()));
    }

    private static void report(String label, List<Run> runs, Run median) {
        Samples samples = new Samples(runs.stream().map(Run::wall).toList());
        line(label, samples.summary());
        line("  rows/s (median run)", String.format(Locale.ROOT, "%,.0f", median.rows() / (millis(median.wall()) / 1000)));
        line("  CPU s, this JVM / server (median run)", String.format(Locale.ROOT, "%.2f / %.2f",
                median.jvmCpu(), median.serverCpu()));
    }

    private static Run median(List<Run> runs) {
        return runs.stream().sorted((a, b) -> a.wall().compareTo(b.wall())).toList().get(runs.size() / 2);
    }

    private static Run dbops(DataSeeder seeder, PostgresDatabase database, Connection connection, String truncate,
            ServerCpu cpu) throws Exception {
        exec(connection, truncate + "; checkpoint");
        double jvm = OS.getProcessCpuTime() / 1e9;
        double server = cpu.seconds();
        long started = System.nanoTime();
        SeedReport report = seeder.seed(database.dataSource());
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        latest = report;
        if (report.tables().stream().anyMatch(t -> t.outcome() != TableSeeding.Outcome.SEEDED)
                || !report.findings().isEmpty()) {
            throw new IllegalStateException("seeding did not seed every table cleanly:\n" + report.toText());
        }
        double jvmSpent = OS.getProcessCpuTime() / 1e9 - jvm;
        return new Run(wall, jvmSpent, cpu.secondsAfterExits() - server, report.rowsWritten());
    }

    private static Run peer(Connection connection, String truncate, String insert, long rows, ServerCpu cpu)
            throws Exception {
        exec(connection, truncate + "; checkpoint");
        double jvm = OS.getProcessCpuTime() / 1e9;
        double server = cpu.seconds();
        long started = System.nanoTime();
        exec(connection, insert);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        double jvmSpent = OS.getProcessCpuTime() / 1e9 - jvm;
        return new Run(wall, jvmSpent, cpu.secondsAfterExits() - server, rows);
    }

    private static void exec(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void line(String label, String value) {
        System.out.printf(Locale.ROOT, "  %-52s %s%n", label, value);
    }
}
