package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.lint.InputProblem;
import dev.dbops.lint.Severity;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.trace.LockTracer;
import dev.dbops.trace.Seeder;
import dev.dbops.trace.TraceReport;
import dev.dbops.trace.Workload;
import dev.dbops.trace.seed.DataSeeder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbops trace MIGRATIONS…}: what the migrations really lock, rewrite and scan on a real PostgreSQL. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the migrations on a scratch database the way their tool would (Flyway: a transaction per script"
                    + " unless a statement cannot run in one; Liquibase: per changeset; plain .sql files: per file) and"
                    + " reports, per statement, the locks the migrating session held and for how long, the tables and"
                    + " indexes rewritten, the tables read in full, the time taken, and where the linter's declaration"
                    + " disagrees with what PostgreSQL did. The scratch database is dropped afterwards; nothing else"
                    + " is touched.",
            "MIGRATIONS are Flyway directories, Liquibase changelogs or .sql files, as for 'dbops lint'. With"
                    + " --trace-from, the migrations before it are applied untraced, then --seed-sql and --rows fill"
                    + " the tables, then the rest is traced on production-like volume.",
            "Exit code: 0 nothing at or above --fail-on (a disagreement with the linter is an error); 1 findings at"
                    + " or above it; 2 usage or input error, a migration that fails on the database (its file, line"
                    + " and PostgreSQL's error are on stderr), or a server that cannot be started or reached."
        })
final class TraceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MIGRATIONS", description = "Flyway directories, changelogs, .sql files.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "N",
            description = "Trace on an embedded PostgreSQL of this major version, 14 to 18 (default 15).")
    private Integer pgVersion;

    @Option(names = "--url", paramLabel = "URL",
            description = "Trace on this existing server instead (postgresql://user:pass@host:port/db); its user"
                    + " needs CREATEDB: a marked scratch database is created there and dropped afterwards.")
    private String url;

    @Option(names = "--trace-from", paramLabel = "ID",
            description = "The first migration to trace (V3, 3, or a changeset's file::id::author); the earlier ones"
                    + " are applied untraced first, then --seed-sql runs. By default every migration is traced.")
    private String traceFrom;

    @Option(names = "--rows", paramLabel = "N",
            description = "Before the traced migrations, add N synthetic rows to every table the migrations before"
                    + " --trace-from created (generated from the column types, honouring keys, foreign keys and"
                    + " simple CHECKs; what cannot be honoured is reported). Needs --trace-from.")
    private Long rows;

    @Option(names = "--seed-sql", paramLabel = "FILE",
            description = "SQL run after the untraced migrations and before the traced ones, to give the tables"
                    + " production-like volume (e.g. INSERT … SELECT … FROM generate_series(1, 1000000)).")
    private Path seedSql;

    @Option(names = "--workload", description = "While each migration runs, run reads and writes on the tables it"
            + " locks in other sessions and report who waited and how long (40 reads and 10 writes per second).")
    private boolean workload;

    @Option(names = "--reads-per-second", paramLabel = "N", description = "The workload's reads per second.")
    private Integer reads;

    @Option(names = "--writes-per-second", paramLabel = "N", description = "The workload's writes per second.")
    private Integer writes;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (the default) or json (docs/trace.md).")
    private Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            description = "Exit with 1 when a finding is at least this severe (default ${DEFAULT-VALUE}).")
    private FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    private Path output;

    enum Format { text, json }

    enum FailOn {
        error(Optional.of(Severity.ERROR)), warning(Optional.of(Severity.WARNING)), never(Optional.empty());

        final Optional<Severity> threshold;

        FailOn(Optional<Severity> threshold) {
            this.threshold = threshold;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LintInputs.Inputs inputs = LintInputs.read(paths);
        List<InputProblem> problems = new ArrayList<>(inputs.problems());
        inputs.migrations().problems().forEach(p -> problems.add(new InputProblem(p.location(), p.line().orElse(0),
                p.message())));
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("dbops trace: " + problem));
            err.println("dbops trace: nothing was traced — fix the input above and run again");
            err.flush();
            return Dbops.ERROR;
        }
        List<Migration> all = inputs.migrations().migrations();
        int first = firstTraced(all, traceFrom);
        LockTracer.Builder tracer = LockTracer.builder();
        Optional.ofNullable(pgVersion).ifPresent(tracer::pgVersion);
        Optional.ofNullable(url).ifPresent(tracer::url);
        if (rows != null && traceFrom == null) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--rows fills the tables that the migrations"
                    + " before --trace-from create; without --trace-from every migration is traced from an empty"
                    + " database, so there is nothing to fill — add --trace-from <the first migration to trace>");
        }
        Optional<Seeder> sql = seedSql == null ? Optional.empty() : Optional.of(seeder(readSeed()));
        Optional<Seeder> synthetic = rows == null ? Optional.empty()
                : Optional.of(Seeder.of(DataSeeder.builder().rows(rows).build()));
        if (sql.isPresent() || synthetic.isPresent()) {
            tracer.seeder(both(sql, synthetic));
        }
        if (workload || reads != null || writes != null) {
            tracer.workload(Workload.builder().readsPerSecond(reads != null ? reads : Workload.DEFAULT_READS_PER_SECOND)
                    .writesPerSecond(writes != null ? writes : Workload.DEFAULT_WRITES_PER_SECOND).build());
        }
        TraceReport report = tracer.build().trace(set(all.subList(0, first)), set(all.subList(first, all.size())));
        Output.write(spec, output, format == Format.json ? report.toJson() : report.toText());
        if (report.failure().isPresent()) {
            err.println("dbops trace: " + report.failure().get().describe());
            err.println("dbops trace: the migration fails on PostgreSQL " + report.serverVersion() + "; the scratch"
                    + " database was dropped — fix the statement and run again");
            err.flush();
            return Dbops.ERROR;
        }
        boolean fails = failOn.threshold.map(report::hasFindingsAtLeast).orElse(false);
        return fails ? Dbops.FINDINGS : Dbops.OK;
    }

    /** The index of the migration {@code traceFrom} names (its id, version or file); 0 when it is null. */
    static int firstTraced(List<Migration> all, String traceFrom) {
        if (traceFrom == null) {
            return 0;
        }
        for (int i = 0; i < all.size(); i++) {
            Migration migration = all.get(i);
            if (migration.id().equals(traceFrom) || migration.version().filter(traceFrom::equals).isPresent()
                    || migration.location().equals(traceFrom)) {
                return i;
            }
        }
        throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--trace-from " + traceFrom + " names no migration;"
                + " the migrations are: " + String.join(", ", all.stream().map(Migration::id).toList()));
    }

    private String readSeed() {
        try {
            return Files.readString(seedSql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read --seed-sql " + seedSql + ": " + e.getMessage()
                    + " — check the path", e);
        }
    }

    private Seeder seeder(String sql) {
        return dataSource -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--seed-sql " + seedSql + " failed: "
                        + e.getMessage() + " — fix the file; it runs after the untraced migrations", e);
            }
            return new Seeder.Outcome("ran " + seedSql, List.of());
        };
    }

    /** The --seed-sql file first (its rows then serve as parents), then the synthetic rows. */
    private static Seeder both(Optional<Seeder> first, Optional<Seeder> second) {
        return dataSource -> {
            List<String> summaries = new ArrayList<>();
            List<String> unsatisfied = new ArrayList<>();
            for (Optional<Seeder> seeder : List.of(first, second)) {
                seeder.ifPresent(one -> {
                    Seeder.Outcome outcome = one.seed(dataSource);
                    summaries.add(outcome.summary());
                    unsatisfied.addAll(outcome.unsatisfied());
                });
            }
            return new Seeder.Outcome(String.join("; ", summaries), unsatisfied);
        };
    }

    static MigrationSet set(List<Migration> migrations) {
        return new MigrationSet(migrations, List.of(), List.of(), List.of());
    }
}
