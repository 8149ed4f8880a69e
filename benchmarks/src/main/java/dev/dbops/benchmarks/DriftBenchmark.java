package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftReport;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.schema.SchemaInspector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Times {@code DriftDetector} against a committed snapshot on a 500-table schema that real Flyway
 * migrated, next to its peer in the same run: Flyway's own {@code validate} on the same database and
 * files (what a Flyway application runs at startup). Then times replay-mode checks, with their shadow
 * replays, next to Flyway migrating a new database from the same files. Prints medians and ratios, never a
 * pass/fail verdict on absolute times.
 *
 * <p>Options ({@code --name=value}): {@code --tables} (500), {@code --per-migration} tables per migration
 * file (10), {@code --runs} timed runs (20), {@code --warmups} (5).
 */
public final class DriftBenchmark {

    private DriftBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int tables = 500;
        int perMigration = 10;
        int runs = 20;
        int warmups = 5;
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--tables" -> tables = Integer.parseInt(value);
                case "--per-migration" -> perMigration = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                default -> problems.add("unknown option " + arg);
            }
        }
        if (runs < 5) {
            problems.add("--runs must be at least 5, so that the median means something");
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems) + "\nusage: DriftBenchmark [--tables=500]"
                    + " [--per-migration=10] [--runs=20] [--warmups=5]");
            System.exit(2);
        }
        run(new SchemaScale(tables, SchemaScale.STANDARD.schemas(), perMigration), runs, warmups);
    }

    private static void run(SchemaScale scale, int runs, int warmups) throws Exception {
        heading("machine");
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("load average (1, 5, 15 min) at start", loadAverage());
        Path migrations = Files.createTempDirectory("dbops-drift-benchmark");
        List<String> batches = scale.batches();
        for (int i = 0; i < batches.size(); i++) {
            Files.writeString(migrations.resolve("V" + (i + 1) + "__tables_" + (i + 1) + ".sql"), batches.get(i),
                    StandardCharsets.UTF_8);
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
             PostgresDatabase live = server.createDatabase()) {
            line("PostgreSQL", "embedded " + server.version());
            heading("schema");
            long started = System.nanoTime();
            flyway(live, migrations).migrate();
            line("migrated with Flyway", batches.size() + " migrations, " + scale.tables() + " tables in "
                    + scale.schemas() + " schemas, in " + "%.1f s".formatted(millis(since(started)) / 1000));
            Path snapshot = migrations.resolve("dbops-snapshot.json");
            try (Connection connection = live.connect()) {
                SchemaInspector.builder().build().snapshot(connection).write(snapshot);
            }
            line("snapshot file", "%.1f MiB".formatted(Files.size(snapshot) / (1024.0 * 1024)));

            heading("drift against the committed snapshot vs flyway validate (median of " + runs + " after "
                    + warmups + " warm-ups; each run opens its connection)");
            DriftDetector detector = DriftDetector.builder()
                    .migrations(MigrationSource.builder().location("filesystem:" + migrations).build())
                    .snapshot(snapshot).gitHistory(false).build();
            DriftReport report = detect(detector, live);
            line("report", report.history().entries().size() + " history entries, "
                    + report.schema().differences().size() + " schema differences, drift " + report.hasDrift());
            Samples drift = Samples.measure(warmups, runs, () -> detect(detector, live));
            Flyway validating = flyway(live, migrations);
            Samples validate = Samples.measure(warmups, runs, () -> {
                validating.validate();
                return validating;
            });
            Samples inspect = Samples.measure(warmups, runs, () -> {
                try (Connection connection = live.connect()) {
                    return SchemaInspector.builder().build().snapshot(connection);
                }
            });
            line("dbops DriftDetector.detect, snapshot mode (target <= 300 ms)", drift.summary());
            line("  SchemaInspector.snapshot of the live database alone", inspect.summary());
            line("  drift minus inspection (history, files, snapshot, diff)",
                    "%.1f ms".formatted(millis(drift.median()) - millis(inspect.median())));
            line("peer: Flyway validate", validate.summary());
            line("ratio drift/validate", "%.2f".formatted(millis(drift.median()) / millis(validate.median())));

            heading("replay mode (shadow database on the same server; median of 3 after 1 warm-up)");
            DriftDetector replaying = DriftDetector.builder()
                    .migrations(MigrationSource.builder().location("filesystem:" + migrations).build())
                    .shadow(server).gitHistory(false).build();
            List<Duration> replays = new ArrayList<>();
            Samples whole = Samples.measure(1, 3, () -> {
                DriftReport replayed = detect(replaying, live);
                replays.add(replayed.schema().replayTime().orElseThrow());
                return replayed;
            });
            Samples replay = new Samples(replays.subList(1, replays.size()));
            Samples migrate = Samples.measure(1, 3, () -> {
                try (PostgresDatabase fresh = server.createDatabase()) {
                    return flyway(fresh, migrations).migrate();
                }
            });
            line("dbops DriftDetector.detect, replay mode", whole.summary());
            line("  of which the shadow replay (as reported)", replay.summary());
            line("peer: Flyway migrate of a new database", migrate.summary());
            line("ratio replay/migrate", "%.2f".formatted(millis(replay.median()) / millis(migrate.median())));
            line("load average (1, 5, 15 min) at end", loadAverage());
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static DriftReport detect(DriftDetector detector, PostgresDatabase live) throws Exception {
        try (Connection connection = live.connect()) {
            return detector.detect(connection);
        }
    }

    private static Flyway flyway(PostgresDatabase database, Path migrations) {
        FluentConfiguration configuration = Flyway.configure().dataSource(database.dataSource())
                .locations("filesystem:" + migrations);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void line(String label, String value) {
        System.out.printf("  %-62s %s%n", label, value);
    }
}
