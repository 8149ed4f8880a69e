package dev.dbops.cli;

import dev.dbops.lint.InputProblem;
import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintRenderOptions;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbops lint PATH…}: static lock-safety lint of migration SQL, no database needed. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Lints migration SQL for lock safety without a database: which statements block reads or writes on a"
                    + " live table, rewrite it, or break it, and the safe alternative.",
            "PATH is a .sql file or a directory, whose .sql files are linted in name order (V2 before V10),"
                    + " subdirectories included. Suppress a finding with '-- dbops:ignore RULE reason'.",
            "Exit code: 0 nothing at or above --fail-on, 1 violations at or above it, 2 usage error or a file that"
                    + " could not be read (the other files are still linted and reported)."
        })
final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A .sql file or a directory of them.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "N",
            description = "The PostgreSQL major version the migrations will run on, 12 to 18 (default ${DEFAULT-VALUE}).")
    private int pgVersion = MigrationLinter.DEFAULT_PG_VERSION;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif|junit",
            description = "text (the default), json (docs/lint-format.md), sarif (SARIF 2.1.0 for GitHub code"
                    + " scanning) or junit (JUnit XML for CI test reports).")
    private Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            description = "Exit with 1 when a violation is at least this severe (default ${DEFAULT-VALUE});"
                    + " also what JUnit XML reports as failures.")
    private FailOn failOn;

    @Option(names = "--ignore", split = ",", paramLabel = "RULE",
            description = "Do not run these rules (comma-separated or repeated).")
    private List<String> ignoredRules = new ArrayList<>();

    @Option(names = "--lock-timeout-configured",
            description = "lock_timeout is already set for every migration (by the migration tool or"
                    + " ALTER ROLE … SET lock_timeout), so the migrations need not set it.")
    private boolean lockTimeoutConfigured;

    @Option(names = "--statement-timeout-configured",
            description = "statement_timeout is already set for every migration, so the migrations need not set it.")
    private boolean statementTimeoutConfigured;

    @Option(names = "--single-transaction",
            description = "Each file runs in one transaction (psql --single-transaction, most migration tools);"
                    + " by default statement by statement, as psql -f runs it.")
    private boolean singleTransaction;

    @Option(names = "--earlier-applied",
            description = "Judge each migration as it runs once the earlier ones are in production: a table an"
                    + " earlier migration created is live, and only one created earlier in the same migration is"
                    + " new. By default the files are judged as one batch run on an empty database, which excuses"
                    + " V9 locking the table V2 created.")
    private boolean earlierApplied;

    @Option(names = "--docs-base-uri", paramLabel = "URI",
            description = "Where the docs/ folder is published, for SARIF rule links (default ${DEFAULT-VALUE}).")
    private String docsBaseUri = LintRenderOptions.DEFAULT_DOCS_BASE_URI.toString();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    private Path output;

    enum Format {
        text(LintFormat.TEXT), json(LintFormat.JSON), sarif(LintFormat.SARIF), junit(LintFormat.JUNIT);

        final LintFormat lintFormat;

        Format(LintFormat lintFormat) {
            this.lintFormat = lintFormat;
        }
    }

    enum FailOn {
        error(Optional.of(Severity.ERROR)), warning(Optional.of(Severity.WARNING)), never(Optional.empty());

        final Optional<Severity> threshold;

        FailOn(Optional<Severity> threshold) {
            this.threshold = threshold;
        }
    }

    @Override
    public Integer call() {
        MigrationLinter linter = MigrationLinter.builder()
                .pgVersion(pgVersion)
                .ignoreRules(ignoredRules)
                .lockTimeoutConfigured(lockTimeoutConfigured)
                .statementTimeoutConfigured(statementTimeoutConfigured)
                .plainScriptsInTransaction(singleTransaction)
                .earlierMigrationsApplied(earlierApplied)
                .build();
        LintRenderOptions.Builder renderOptions = LintRenderOptions.builder().rules(linter.rules())
                .docsBaseUri(docsBaseUri);
        failOn.threshold.ifPresentOrElse(renderOptions::failOn, renderOptions::failOnNothing);
        LintRenderOptions options = renderOptions.build();

        LintInputs.Inputs inputs = LintInputs.read(paths);
        LintReport linted = linter.lint(inputs.migrations());
        List<InputProblem> problems = new ArrayList<>(inputs.problems());
        problems.addAll(linted.problems());
        LintReport report = new LintReport(linted.pgVersion(), linted.statements(), problems);
        Output.write(spec, output, format.lintFormat.render(report, options));

        if (!report.problems().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (InputProblem problem : report.problems()) {
                err.println("dbops lint: " + problem);
            }
            err.println("dbops lint: " + report.problems().size() + " input problem"
                    + (report.problems().size() == 1 ? "" : "s") + "; the other files were linted — fix the files"
                    + " above and run again");
            err.flush();
            return Dbops.ERROR;
        }
        boolean fails = failOn.threshold.map(report::hasViolationsAtLeast).orElse(false);
        return fails ? Dbops.FINDINGS : Dbops.OK;
    }
}
