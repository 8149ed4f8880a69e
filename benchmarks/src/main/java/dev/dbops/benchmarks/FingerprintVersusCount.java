package dev.dbops.benchmarks;

import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DataFingerprint;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fingerprint pass next to its peer, a plain {@code count(*)} pass over the same tables, each with one
 * connection and with {@code jobs} connections. Every variant runs once per round, rounds repeat, and the
 * medians are printed: wall time, the CPU time of the whole server (backends and parallel workers) and
 * of this JVM. For context it adds a {@code count(*)} forced onto a sequential scan, the row-text
 * fingerprint, format 1's {@code hash_record_extended} pass, and the schema read a fingerprint includes.
 */
final class FingerprintVersusCount {

    /** One timed run: wall milliseconds, server CPU milliseconds, JVM CPU milliseconds. */
    private record Run(double wall, long serverCpu, long jvmCpu) {
    }

    private interface Pass {
        void run() throws Exception;
    }

    private FingerprintVersusCount() {
    }

    static void run(PostgresDatabase database, int jobs, int runs) throws Exception {
        PostgresUrl url = database.url();
        List<String> tables = CountPass.tables(url);
        ServerCpu server = ServerCpu.of(url);
        BackupDrill one = BackupDrill.builder().source(url).jobs(1).build();
        BackupDrill many = BackupDrill.builder().source(url).jobs(jobs).build();
        BackupDrill rowText = BackupDrill.builder().source(url).jobs(jobs).rowTextFingerprints(true).build();
        Map<String, Pass> passes = new LinkedHashMap<>();
        passes.put("count(*), 1 connection", () -> CountPass.COUNT.run(url, tables, 1));
        passes.put("fingerprint, 1 connection", one::fingerprintSource);
        passes.put("count(*), " + jobs + " connections", () -> CountPass.COUNT.run(url, tables, jobs));
        passes.put("fingerprint, " + jobs + " connections", many::fingerprintSource);
        passes.put("count(*) by seq scan, " + jobs + " connections",
                () -> CountPass.SEQ_SCAN_COUNT.run(url, tables, jobs));
        passes.put("row-text fingerprint, " + jobs + " connections", rowText::fingerprintSource);
        passes.put("format-1 hash_record_extended pass, " + jobs + " connections",
                () -> CountPass.FORMAT_ONE_HASH.run(url, tables, jobs));
        passes.put("schema read alone (part of every fingerprint)",
                () -> SchemaInspector.builder().build().snapshot(url));

        BackupBenchmark.heading("fingerprint vs count(*) over " + tables.size() + " tables (warm cache, median of "
                + runs + "; CPU = whole server + this JVM)");
        DataFingerprint warm = many.fingerprintSource();
        BackupBenchmark.line("rows", Long.toString(warm.totalRows()));
        BackupBenchmark.line("method", warm.tables().get(0).method().name() + " (format " + warm.formatVersion() + ")");
        for (Pass pass : passes.values()) {
            pass.run();
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, Pass> pass : passes.entrySet()) {
                results.computeIfAbsent(pass.getKey(), name -> new ArrayList<>()).add(measure(server, pass.getValue()));
            }
        }
        for (Map.Entry<String, List<Run>> result : results.entrySet()) {
            BackupBenchmark.line(result.getKey(), describe(result.getValue()));
        }
        List<String> names = new ArrayList<>(results.keySet());
        ratio("ratio fingerprint / count(*), 1 connection", results.get(names.get(1)), results.get(names.get(0)));
        ratio("ratio fingerprint / count(*), " + jobs + " connections", results.get(names.get(3)),
                results.get(names.get(2)));
        ratio("  fingerprint / count(*) by seq scan, " + jobs + " connections", results.get(names.get(3)),
                results.get(names.get(4)));
        ratio("  row-text fingerprint / fingerprint, " + jobs + " connections", results.get(names.get(5)),
                results.get(names.get(3)));
        ratio("  fingerprint / format-1 pass, " + jobs + " connections", results.get(names.get(3)),
                results.get(names.get(6)));
    }

    private static Run measure(ServerCpu server, Pass pass) throws Exception {
        long serverBefore = server.millis().orElse(-1);
        long jvmBefore = ServerCpu.jvmMillis();
        long started = System.nanoTime();
        pass.run();
        double wall = (System.nanoTime() - started) / 1e6;
        long serverAfter = server.millis().orElse(-1);
        return new Run(wall, serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore,
                ServerCpu.jvmMillis() - jvmBefore);
    }

    private static String describe(List<Run> runs) {
        return String.format(Locale.ROOT, "wall %.0f ms (min %.0f, max %.0f), CPU %d ms server + %d ms JVM",
                median(runs.stream().mapToDouble(Run::wall).toArray()),
                runs.stream().mapToDouble(Run::wall).min().orElse(0), runs.stream().mapToDouble(Run::wall).max().orElse(0),
                Math.round(median(runs.stream().mapToDouble(Run::serverCpu).toArray())),
                Math.round(median(runs.stream().mapToDouble(Run::jvmCpu).toArray())));
    }

    private static void ratio(String label, List<Run> dbops, List<Run> peer) {
        double wall = median(dbops.stream().mapToDouble(Run::wall).toArray())
                / median(peer.stream().mapToDouble(Run::wall).toArray());
        double cpu = median(dbops.stream().mapToDouble(r -> r.serverCpu() + r.jvmCpu()).toArray())
                / median(peer.stream().mapToDouble(r -> r.serverCpu() + r.jvmCpu()).toArray());
        BackupBenchmark.line(label, String.format(Locale.ROOT, "%.2f × wall, %.2f × CPU", wall, cpu));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
