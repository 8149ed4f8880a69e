package dev.dbops.cli;

import dev.dbops.diff.Difference;
import dev.dbops.lint.InputProblem;
import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import dev.dbops.trace.LockTracer;
import dev.dbops.trace.MigrationTrace;
import dev.dbops.trace.Seeder;
import dev.dbops.trace.TraceListener;
import dev.dbops.trace.TraceReport;
import dev.dbops.trace.seed.DataSeeder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dbops check MIGRATIONS…}: the main job, needing no database — lint, replay on an embedded PostgreSQL,
 * trace the newest migrations on seeded tables, and compare (or write) the schema snapshot.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks migrations end to end without a database of yours: lints them, replays them on an embedded"
                    + " PostgreSQL (its binaries come from Maven Central on first use), fills the tables the earlier"
                    + " migrations created with synthetic rows, traces the newest migrations on them (locks held and"
                    + " for how long, rewrites, full reads), and compares the schema they produce with the"
                    + " committed snapshot, writing it when there is none.",
            "MIGRATIONS are Flyway directories, Liquibase changelogs or .sql files, as for 'dbops lint'.",
            "Exit code: 0 nothing at or above --fail-on; 1 findings at or above it, or the schema differs from"
                    + " the snapshot; 2 usage or input error, or a migration that fails on PostgreSQL."
        })
final class CheckCommand implements Callable<Integer> {

    /** The seeder's random seed: the same migrations give the same rows, so two runs compare. */
    private static final long SEED = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MIGRATIONS", description = "Flyway directories, changelogs, .sql files.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "N",
            description = "The PostgreSQL major version to lint for and replay on, 14 to 18 (default 15).")
    private int pgVersion = LockTracer.DEFAULT_PG_VERSION;

    @Option(names = "--trace-from", paramLabel = "ID",
            description = "The first migration to trace on seeded tables (V7, 7, or file::id::author). Default: the"
                    + " newest migration, the one a deploy would run next.")
    private String traceFrom;

    @Option(names = "--rows", paramLabel = "N",
            description = "Synthetic rows per table before the traced migrations (default ${DEFAULT-VALUE}; 0: none).")
    private long rows = DataSeeder.DEFAULT_ROWS;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "The committed schema snapshot. Default: dbops-snapshot.json beside the first MIGRATIONS"
                    + " directory (src/main/resources/db/dbops-snapshot.json for db/migration, the path the Spring"
                    + " and Micronaut guards read). Written when it does not exist.")
    private Path snapshot;

    @Option(names = "--update-snapshot", description = "Rewrite the snapshot with the schema the migrations produce.")
    private boolean updateSnapshot;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            description = "Exit with 1 when a finding is at least this severe (default ${DEFAULT-VALUE}).")
    private TraceCommand.FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to this file instead.")
    private Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LintInputs.Inputs inputs = LintInputs.read(paths);
        List<InputProblem> problems = new ArrayList<>(inputs.problems());
        inputs.migrations().problems().forEach(p -> problems.add(new InputProblem(p.location(), p.line().orElse(0),
                p.message())));
        List<Migration> all = inputs.migrations().migrations();
        if (problems.isEmpty() && all.isEmpty()) {
            problems.add(new InputProblem(paths.get(0).toString(), 0, "no migrations found — name a Flyway"
                    + " directory, a Liquibase changelog or .sql files"));
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("dbops check: " + problem));
            err.println("dbops check: nothing was checked — fix the input above and run again");
            err.flush();
            return Dbops.ERROR;
        }
        int first = traceFrom == null ? all.size() - 1 : TraceCommand.firstTraced(all, traceFrom);
        // The migrations before the traced ones stand for what production has already run: linted with them,
        // the traced ones would see every table as created in the same run, and so as safe to lock.
        LintReport lint = MigrationLinter.builder().pgVersion(pgVersion).build()
                .lint(TraceCommand.set(all.subList(first, all.size())));
        Path snapshotFile = snapshotFile();
        AtomicReference<SchemaSnapshot> produced = new AtomicReference<>();
        LockTracer.Builder tracer = LockTracer.builder().pgVersion(pgVersion)
                .listener(new Progress(err, System.console() != null, produced));
        if (rows > 0 && first > 0) {
            tracer.seeder(Seeder.of(DataSeeder.builder().rows(rows).seed(SEED).build()));
        }
        TraceReport trace = tracer.build().trace(TraceCommand.set(all.subList(0, first)),
                TraceCommand.set(all.subList(first, all.size())));
        if (trace.failure().isPresent()) {
            Output.write(spec, output, CheckText.render(lint, trace, Optional.empty(), first));
            err.println("dbops check: " + trace.failure().get().describe());
            err.println("dbops check: the migration fails on PostgreSQL " + trace.serverVersion() + " — fix the"
                    + " statement and run again");
            err.flush();
            return Dbops.ERROR;
        }
        SnapshotResult snapshotResult = compare(produced.get(), snapshotFile);
        Output.write(spec, output, CheckText.render(lint, trace, Optional.of(snapshotResult), first));
        boolean fails = failOn.threshold.map(t -> lint.hasViolationsAtLeast(t) || trace.hasFindingsAtLeast(t))
                .orElse(false);
        return fails || !snapshotResult.differences().isEmpty() ? Dbops.FINDINGS : Dbops.OK;
    }

    private Path snapshotFile() {
        if (snapshot != null) {
            return snapshot;
        }
        Path firstPath = paths.get(0).toAbsolutePath().normalize();
        Path directory = Files.isDirectory(firstPath) ? firstPath : firstPath.getParent();
        Path parent = directory.getParent() == null ? directory : directory.getParent();
        return parent.resolve("dbops-snapshot.json");
    }

    private SnapshotResult compare(SchemaSnapshot actual, Path file) {
        if (updateSnapshot || !Files.exists(file)) {
            boolean existed = Files.exists(file);
            actual.write(file);
            return new SnapshotResult(file, existed ? "rewritten" : "written (there was none; commit it)", List.of());
        }
        SchemaSnapshot expected = SchemaSnapshot.read(file);
        List<Difference> differences = CheckText.SNAPSHOT_DIFF.compare(expected.schema(), actual.schema());
        return new SnapshotResult(file, differences.isEmpty() ? "matches" : differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s") + " — run again with --update-snapshot if they are intended",
                differences);
    }

    /** What happened to the snapshot: compared, written or rewritten. */
    record SnapshotResult(Path file, String outcome, List<Difference> differences) {
    }

    /** A progress line per migration on a terminal; reads the final schema before the scratch database goes. */
    private static final class Progress implements TraceListener {
        private final PrintWriter err;
        private final boolean terminal;
        private final AtomicReference<SchemaSnapshot> produced;

        Progress(PrintWriter err, boolean terminal, AtomicReference<SchemaSnapshot> produced) {
            this.err = err;
            this.terminal = terminal;
            this.produced = produced;
        }

        @Override
        public void applied(String migration, int number, int count) {
            line("applied " + migration + " (" + number + "/" + count + ")");
        }

        @Override
        public void seeded(TraceReport.Seeding seeding) {
            line("seeded " + seeding.summary() + " in " + seeding.took().toMillis() + " ms");
        }

        @Override
        public void traced(MigrationTrace migration, int number, int count) {
            line("traced " + migration.id() + " (" + number + "/" + count + ", " + migration.statements().size()
                    + " statement" + (migration.statements().size() == 1 ? "" : "s") + ")");
        }

        @Override
        public void finished(PostgresDatabase scratch) {
            produced.set(SchemaInspector.builder().build().snapshot(scratch.dataSource()));
        }

        private void line(String text) {
            if (terminal) {
                err.println("dbops check: " + text);
                err.flush();
            }
        }
    }
}
