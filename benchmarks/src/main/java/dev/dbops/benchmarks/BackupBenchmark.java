package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillPhase;
import dev.dbops.backup.DrillReport;
import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The backup drill next to its peers, on an embedded PostgreSQL 15 holding about 1 GB: the fingerprint
 * pass against a plain {@code count(*)} pass over the same tables with the same number of connections,
 * and the whole drill against plain {@code pg_dump -Fd -j N} + {@code pg_restore -j N}. Peer and dbops
 * alternate run by run, so a change in machine load hits both. It prints medians and ratios, never a
 * pass/fail verdict.
 *
 * <p>Options ({@code --name=value}): {@code --gigabytes} (1.0, the approximate data size; the real size
 * is printed), {@code --jobs} (2), {@code --runs} (3 timed runs of each, after one untimed warm-up),
 * {@code --fingerprint-only} (skip the drills). The fingerprint part is {@link FingerprintVersusCount}.
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        double gigabytes = 1.0;
        int jobs = 2;
        int runs = 3;
        boolean drills = true;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--gigabytes" -> gigabytes = Double.parseDouble(value);
                case "--jobs" -> jobs = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--fingerprint-only" -> drills = false;
                default -> {
                    System.err.println("unknown option " + arg
                            + "\nusage: BackupBenchmark [--gigabytes=1.0] [--jobs=2] [--runs=3] [--fingerprint-only]");
                    System.exit(2);
                }
            }
        }
        Path binaries = PgDumpPeer.locate().map(peer -> peer.executable().getParent()).orElseThrow(() ->
                new IllegalStateException("pg_dump 15+ not found ($PG_DUMP, /usr/bin/pg_dump, PATH)"));
        heading("machine");
        line("date", LocalDate.now().toString());
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("load average at start", loadAverage());
        line("client programs", binaries.toString());
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").setting("autovacuum", "off").start();
                PostgresDatabase database = server.createDatabase()) {
            heading("data");
            long started = System.nanoTime();
            long bytes = BackupData.generate(database, gigabytes);
            line("pg_database_size", "%.2f GB (%d bytes), built in %.0f s".formatted(bytes / 1e9, bytes,
                    (System.nanoTime() - started) / 1e9));
            run(database, binaries, jobs, runs, drills);
            line("load average at end", loadAverage());
        }
    }

    private static void run(PostgresDatabase database, Path binaries, int jobs, int runs, boolean drills)
            throws Exception {
        FingerprintVersusCount.run(database, jobs, runs);
        if (!drills) {
            return;
        }
        BackupDrill drill = BackupDrill.builder().source(database.url()).jobs(jobs).clientPrograms(binaries).build();

        heading("drill vs pg_dump -Fd -j " + jobs + " + pg_restore -j " + jobs + " (median of " + runs + ")");
        PlainDumpRestore plain = new PlainDumpRestore(binaries);
        plain.run(database.url(), jobs);
        List<Duration> plainTimes = new ArrayList<>();
        List<Duration> plainDumps = new ArrayList<>();
        List<Duration> plainRestores = new ArrayList<>();
        List<Duration> drillTimes = new ArrayList<>();
        List<DrillReport> reports = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            PlainDumpRestore.Times times = plain.run(database.url(), jobs);
            plainTimes.add(Duration.ofNanos(times.total()));
            plainDumps.add(Duration.ofNanos(times.dump()));
            plainRestores.add(Duration.ofNanos(times.restore()));
            DrillReport report = drill.run();
            if (report.outcome() != DrillReport.Outcome.VERIFIED) {
                throw new IllegalStateException("the drill did not verify:\n" + report.toText());
            }
            reports.add(report);
            drillTimes.add(report.total());
        }
        compare("whole drill vs dump + create + restore + drop", new Samples(drillTimes), new Samples(plainTimes));
        line("  peer pg_dump alone", new Samples(plainDumps).summary());
        line("  peer create database + pg_restore alone", new Samples(plainRestores).summary());
        DrillReport median = reports.stream().sorted((a, b) -> a.total().compareTo(b.total())).toList()
                .get(reports.size() / 2);
        for (DrillPhase phase : DrillPhase.values()) {
            median.elapsed(phase).ifPresent(elapsed -> line("  " + phase.label() + " (median drill)",
                    "%.1f s".formatted(millis(elapsed) / 1000)));
        }
        line("  RTO (restore phases, median drill)", "%.1f s".formatted(millis(median.rto()) / 1000));
        line("  archive size", "%.2f GB".formatted(median.archiveBytes() / 1e9));
    }

    static void compare(String what, Samples dbops, Samples peer) {
        line(what + ": dbops", dbops.summary());
        line(what + ": peer", peer.summary());
        line(what + ": ratio dbops / peer", String.format(Locale.ROOT, "%.2f ×",
                millis(dbops.median()) / millis(peer.median())));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    static void line(String label, String value) {
        System.out.printf(Locale.ROOT, "  %-62s %s%n", label, value);
    }
}
