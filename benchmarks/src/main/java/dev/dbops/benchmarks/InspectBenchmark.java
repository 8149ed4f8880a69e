package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Inspects a 2,000-table schema on an embedded PostgreSQL 15 and prints how long it takes next to
 * its peer, {@code pg_dump --schema-only} against the same database in the same run; then times
 * the snapshot's JSON round trip and the diff of two such snapshots, and breaks the inspection down
 * by catalog query. It prints ratios and medians, never a pass/fail verdict on absolute times.
 *
 * <p>Options ({@code --name=value}): {@code --tables} (2000), {@code --runs} timed inspections and
 * dumps (5), {@code --fast-runs} timed JSON and diff runs (20), {@code --out} where the three
 * snapshots are written for {@link DiffBenchmark} (system property {@code dbops.benchmarks.out},
 * else {@code target/inspect-benchmark}).
 */
public final class InspectBenchmark {

    /** What {@code SchemaInspector.builder()} uses unless told otherwise. */
    private static final int DEFAULT_CONNECTIONS = 2;

    /** Untimed inspections before the diagnostic run, enough for the JIT compilers to finish. */
    private static final int SETTLING_INSPECTIONS = 20;

    private final int tables;
    private final int runs;
    private final int fastRuns;
    private final Path out;

    private InspectBenchmark(int tables, int runs, int fastRuns, Path out) {
        this.tables = tables;
        this.runs = runs;
        this.fastRuns = fastRuns;
        this.out = out;
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int tables = SchemaScale.STANDARD.tables();
        int runs = 5;
        int fastRuns = 20;
        Path out = Path.of(System.getProperty("dbops.benchmarks.out", "target/inspect-benchmark"));
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--tables" -> tables = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--fast-runs" -> fastRuns = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> problems.add("unknown option " + arg);
            }
        }
        if (runs < 5 || fastRuns < 20) {
            problems.add("--runs must be at least 5 and --fast-runs at least 20, so that medians mean something");
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems)
                    + "\nusage: InspectBenchmark [--tables=2000] [--runs=5] [--fast-runs=20] [--out=DIR]");
            System.exit(2);
        }
        new InspectBenchmark(tables, runs, fastRuns, out).run();
    }

    private void run() throws Exception {
        heading("machine");
        line("date", LocalDate.now().toString());
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        line("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        line("load average (1, 5, 15 min) at start", loadAverage());
        Optional<PgDumpPeer> pgDump = PgDumpPeer.locate();
        line("pg_dump", pgDump.map(p -> p.executable() + " (" + p.version() + ")").orElse("not found"));

        SchemaScale scale = SchemaScale.ofTables(tables);
        long starting = System.nanoTime();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
             PostgresDatabase base = server.createDatabase();
             PostgresDatabase twin = server.createDatabase()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - starting);
            String serverVersion;
            int versionNum;
            try (Connection connection = base.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "select version(), current_setting('server_version_num')::int")) {
                rs.next();
                serverVersion = rs.getString(1);
                versionNum = rs.getInt(2);
            }
            line("PostgreSQL", serverVersion);
            line("server", "embedded (zonky " + server.version() + "), started in " + seconds(startup));

            heading("schema");
            SchemaScale.Built built;
            try (Connection connection = base.connect()) {
                built = scale.create(connection);
                analyzeCatalog(connection);
            }
            line("built", built.tables() + " tables in " + scale.schemas() + " schemas, " + built.indexes()
                    + " indexes, " + built.views() + " views, " + built.functions() + " functions, in "
                    + seconds(built.elapsed()) + " (" + built.batches() + " batches)");

            SchemaInspector inspector = SchemaInspector.builder().build();
            heading("inspect vs pg_dump --schema-only (same server, same run, interleaved)");
            InspectionResult inspection = inspectVersusPgDump(base, pgDump, server.majorVersion());

            heading("CPU per inspection (median of " + runs + "): what the work costs, whatever the load");
            inspectionCpu(base, 1);
            inspectionCpu(base, DEFAULT_CONNECTIONS);

            heading("catalog queries, each timed from outside (fresh connection, median of " + runs + ")");
            printProfile(versionNum, base, inspection.oneConnection());

            heading("snapshot JSON and diff (median of " + fastRuns + " after warm-up)");
            SchemaSnapshot sameSnapshot;
            SchemaSnapshot changedSnapshot;
            try (Connection connection = twin.connect()) {
                scale.create(connection);
                sameSnapshot = inspector.snapshot(connection);
                scale.applyChanges(connection);
                changedSnapshot = inspector.snapshot(connection);
            }
            writeSnapshots(inspection.snapshot(), sameSnapshot, changedSnapshot);
            jsonAndDiff(inspection.snapshot(), sameSnapshot, changedSnapshot, scale.changes().size());
            line("snapshots written to", out.toAbsolutePath().toString());
            line("load average (1, 5, 15 min) at end", loadAverage());
        }
    }

    /** The first snapshot (kept for the diff) and the inspection times on several connections and on one. */
    private record InspectionResult(SchemaSnapshot snapshot, Samples warm, Samples oneConnection) {
    }

    /**
     * Times whole inspections, each from nothing to the model: opening the connections is inside
     * the timed region, as starting the process and connecting is for pg_dump, and every run starts
     * new backends, whose catalog caches are empty, as pg_dump's does. The JVM is warm after the
     * first run; the cold figure is that first run. The three are interleaved, so that other work
     * on the machine weighs on all of them alike.
     */
    private InspectionResult inspectVersusPgDump(PostgresDatabase base, Optional<PgDumpPeer> pgDump,
            int serverMajorVersion) throws Exception {
        SchemaInspector parallel = SchemaInspector.builder().build();
        SchemaInspector single = SchemaInspector.builder().connections(1).build();
        long started = System.nanoTime();
        SchemaSnapshot snapshot = parallel.snapshot(base.url());
        Duration cold = Duration.ofNanos(System.nanoTime() - started);
        line("objects read", snapshot.schema().tables().size() + " tables, " + snapshot.schema().views().size()
                + " views, " + snapshot.schema().functions().size() + " functions");
        boolean peer = pgDump.isPresent() && pgDump.get().majorVersion() >= serverMajorVersion;
        int warmups = 2;
        List<Duration> fromUrl = new ArrayList<>();
        List<Duration> oneConnection = new ArrayList<>();
        List<Duration> dumps = new ArrayList<>();
        List<Duration> jvmCpu = new ArrayList<>();
        List<Duration> compilerCpu = new ArrayList<>();
        JvmCpu timedStart = JvmCpu.now();
        for (int i = 0; i < warmups + runs; i++) {
            if (i == warmups) {
                timedStart = JvmCpu.now();
            }
            JvmCpu before = JvmCpu.now();
            Duration url = Samples.once(() -> parallel.snapshot(base.url()));
            JvmCpu.Spent spent = JvmCpu.now().since(before);
            Duration one = Samples.once(() -> {
                try (Connection connection = base.connect()) {
                    return single.snapshot(connection);
                }
            });
            Duration dump = peer ? Samples.once(() -> pgDump.get().dumpSchema(base.url())) : Duration.ZERO;
            if (i >= warmups) {
                fromUrl.add(url);
                oneConnection.add(one);
                dumps.add(dump);
                jvmCpu.add(spent.process());
                spent.compilers().ifPresent(compilerCpu::add);
            }
        }
        JvmCpu.Spent timed = JvmCpu.now().since(timedStart);
        Samples warm = new Samples(fromUrl);
        Samples one = new Samples(oneConnection);
        line("inspect from the URL, cold JVM (first run)", "%.1f ms".formatted(millis(cold)));
        line("inspect from the URL, " + DEFAULT_CONNECTIONS + " connections", warm.summary());
        line("inspect on one connection (opened in the timed region)", one.summary());
        if (peer) {
            Samples dump = new Samples(dumps);
            line("pg_dump --schema-only > /dev/null", dump.summary());
            line("ratio inspect/pg_dump, " + DEFAULT_CONNECTIONS + " connections (target <= 0.20)",
                    ratio(warm.median(), dump.median()));
            line("ratio inspect/pg_dump, one connection", ratio(one.median(), dump.median()));
            line("ratio inspect/pg_dump, cold JVM", ratio(cold, dump.median()));
        } else {
            line("pg_dump --schema-only", "skipped: needs pg_dump " + serverMajorVersion
                    + " or newer (set PG_DUMP=/path/to/pg_dump)");
        }
        // The process clock ticks in 10 ms steps, so the CPU of an inspection is the mean over the timed runs.
        double jvmMean = jvmCpu.stream().mapToDouble(Samples::millis).sum() / jvmCpu.size();
        line("JVM CPU per inspection, " + DEFAULT_CONNECTIONS + " connections (all threads, mean)",
                "%.1f ms".formatted(jvmMean));
        if (!compilerCpu.isEmpty()) {
            line("  of which the JIT compiler threads", "%.1f ms (mean; %s)".formatted(
                    compilerCpu.stream().mapToDouble(Samples::millis).sum() / compilerCpu.size(),
                    new Samples(compilerCpu).summary()));
            line("JIT compiler CPU over all timed rounds (inspections and dumps)", timed.compilers()
                    .map(jit -> "%.0f ms of %.0f ms JVM CPU".formatted(millis(jit), millis(timed.process())))
                    .orElse("unknown: a compiler thread ended meanwhile"));
        }
        if (peer) {
            afterJitSettled(parallel, base, pgDump.get());
        }
        return new InspectionResult(snapshot, warm, one);
    }

    /**
     * A diagnostic, not the target's measurement: the same comparison once the JIT compilers have
     * had {@value #SETTLING_INSPECTIONS} more inspections to finish their work, which shows how much
     * of the measured ratio is compilation in a young JVM rather than the inspection itself.
     */
    private void afterJitSettled(SchemaInspector parallel, PostgresDatabase base, PgDumpPeer pgDump)
            throws Exception {
        for (int i = 0; i < SETTLING_INSPECTIONS; i++) {
            parallel.snapshot(base.url());
        }
        List<Duration> inspections = new ArrayList<>();
        List<Duration> dumps = new ArrayList<>();
        List<Duration> compilerCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            JvmCpu before = JvmCpu.now();
            inspections.add(Samples.once(() -> parallel.snapshot(base.url())));
            JvmCpu.now().since(before).compilers().ifPresent(compilerCpu::add);
            dumps.add(Samples.once(() -> pgDump.dumpSchema(base.url())));
        }
        Samples settled = new Samples(inspections);
        Samples dump = new Samples(dumps);
        String label = "after " + SETTLING_INSPECTIONS + " more inspections (diagnostic)";
        line("inspect, " + DEFAULT_CONNECTIONS + " connections, " + label, settled.summary());
        line("pg_dump --schema-only, interleaved with those", dump.summary());
        line("ratio once the JIT has settled (not the target's measurement)", ratio(settled.median(), dump.median()));
        if (!compilerCpu.isEmpty()) {
            line("  JIT compiler CPU during those inspections", new Samples(compilerCpu).summary());
        }
    }

    /**
     * Inspects from a data source that notes each backend's CPU time just before its connection
     * closes (the backend exits then): the server's CPU for one inspection. On one connection, the
     * CPU time of the inspecting thread is the JVM's share (decoding, rendering, assembly; the JIT
     * and the collector run on threads of their own and are not counted). On two cores, half the
     * sum of both is the least wall time an inspection can take.
     */
    private void inspectionCpu(PostgresDatabase base, int connections) throws Exception {
        SchemaInspector inspector = SchemaInspector.builder().connections(connections).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean threadCpu = connections == 1 && threads.isCurrentThreadCpuTimeSupported();
        List<Duration> backends = new ArrayList<>();
        List<Duration> ownCpu = new ArrayList<>();
        for (int i = 0; i < 2 + runs; i++) {
            List<Long> spent = new CopyOnWriteArrayList<>();
            DataSource dataSource = noteBackendCpu(base.dataSource(), spent);
            long before = threadCpu ? threads.getCurrentThreadCpuTime() : 0;
            inspector.snapshot(dataSource);
            long after = threadCpu ? threads.getCurrentThreadCpuTime() : 0;
            if (spent.contains(-1L)) {
                line("CPU per inspection", "skipped: /proc/<pid>/schedstat of the server is not readable");
                return;
            }
            if (i >= 2) {
                backends.add(Duration.ofNanos(spent.stream().mapToLong(Long::longValue).sum()));
                ownCpu.add(Duration.ofNanos(after - before));
            }
        }
        String label = connections == 1 ? "one connection" : connections + " connections";
        line("backend CPU, " + label + " (all backends)", new Samples(backends).summary());
        if (threadCpu) {
            line("JVM CPU, one connection (the inspecting thread)", new Samples(ownCpu).summary());
        }
    }

    /** A data source whose connections add their backend's CPU time to {@code spent} when closed (-1: unknown). */
    private static DataSource noteBackendCpu(DataSource target, List<Long> spent) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    int pid = BackendCpu.pid(connection);
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    spent.add(BackendCpu.nanos(pid).orElse(-1L));
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void jsonAndDiff(SchemaSnapshot base, SchemaSnapshot same, SchemaSnapshot changed, int changes)
            throws Exception {
        String json = base.toJson();
        line("snapshot JSON size", "%.1f MiB".formatted(json.getBytes(StandardCharsets.UTF_8).length
                / (1024.0 * 1024.0)));
        line("SchemaSnapshot.toJson", Samples.measure(5, fastRuns, base::toJson).summary());
        line("SchemaSnapshot.fromJson", Samples.measure(5, fastRuns, () -> SchemaSnapshot.fromJson(json)).summary());

        SchemaDiff diff = SchemaDiff.builder().build();
        List<Difference> none = diff.compare(base.schema(), same.schema());
        List<Difference> some = diff.compare(base.schema(), changed.schema());
        Samples twins = Samples.measure(10, fastRuns, () -> diff.compare(base.schema(), same.schema()));
        line("SchemaDiff.compare, twins (target <= 100 ms)", twins.summary() + ", " + none.size() + " differences");
        Samples withChanges = Samples.measure(10, fastRuns, () -> diff.compare(base.schema(), changed.schema()));
        line("SchemaDiff.compare, " + changes + " changes (target <= 100 ms)",
                withChanges.summary() + ", " + some.size() + " differences");
        Samples normalize = Samples.measure(10, fastRuns, () -> diff.normalize(base.schema()));
        line("  of which SchemaDiff.normalize, once per side", normalize.summary());
        none.stream().limit(5).forEach(d -> line("  unexpected difference", d.describe()));
    }

    /** Other work on the machine skews every figure; the load average says how much there was. */
    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            String[] fields = Files.readString(loadavg).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return "unknown (" + loadavg + " not readable)";
        }
    }

    /** Catalog statistics help the planner on a catalog that grew by 100,000 rows in seconds. */
    private static void analyzeCatalog(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    private void printProfile(int versionNum, PostgresDatabase base, Samples inspection) throws Exception {
        List<CatalogQueryProfile.Result> results = CatalogQueryProfile.measure(base::connect,
                CatalogQueryProfile.queries(versionNum), runs);
        double sum = results.stream().mapToDouble(r -> millis(r.samples().median())).sum();
        double cpuSum = results.stream().mapToDouble(r -> r.backendCpu().map(c -> millis(c.median())).orElse(0.0))
                .sum();
        System.out.printf("  %-20s %8s %10s %10s %7s %12s%n", "query", "rows", "text KiB", "median ms", "share",
                "backend CPU");
        results.stream()
                .sorted(Comparator.comparing((CatalogQueryProfile.Result r) -> r.samples().median()).reversed())
                .forEach(r -> System.out.printf("  %-20s %8d %10.0f %10.1f %6.1f%% %12s%s%n", r.name(), r.rows(),
                        r.characters() / 1024.0, millis(r.samples().median()),
                        100 * millis(r.samples().median()) / sum,
                        r.backendCpu().map(c -> "%.1f ms".formatted(millis(c.median()))).orElse("-"),
                        r.error().map(e -> "  FAILED: " + e).orElse("")));
        line("sum of query medians", "%.1f ms".formatted(sum));
        if (cpuSum > 0) {
            line("sum of backend CPU medians", "%.1f ms".formatted(cpuSum));
        }
        line("one-connection inspection minus that (decoding, rendering, assembly)",
                "%.1f ms".formatted(millis(inspection.median()) - sum));
    }

    private void writeSnapshots(SchemaSnapshot base, SchemaSnapshot same, SchemaSnapshot changed)
            throws Exception {
        Files.createDirectories(out);
        base.write(out.resolve(DiffBenchmark.BASE));
        same.write(out.resolve(DiffBenchmark.SAME));
        changed.write(out.resolve(DiffBenchmark.CHANGED));
    }

    private static String ratio(Duration inspect, Duration peer) {
        return "%.2f".formatted(millis(inspect) / millis(peer));
    }

    private static String seconds(Duration duration) {
        return "%.1f s".formatted(millis(duration) / 1000);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void line(String label, String value) {
        System.out.printf("  %-54s %s%n", label, value);
    }
}
