package dev.dbops.benchmarks;

import dev.dbops.lint.InputProblem;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The whole-process side of the lint benchmark without the command line's parts:
 * {@code java -cp … dev.dbops.benchmarks.LintDirectory DIR} loads the directory as {@code dbops lint DIR}
 * does ({@link MigrationSource}: a Flyway location, each script with Flyway's transaction mode), lints it
 * with every built-in rule for PostgreSQL 15, and prints one line per violation, with none of picocli's
 * option handling and none of the text renderer. It stood in for {@code dbops lint} until that existed;
 * it now shows what the command line adds to a run. Exit code: 2 for input problems, 1 for errors, else 0.
 */
public final class LintDirectory {

    private LintDirectory() {
    }

    /** Lints the directory named by the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: LintDirectory DIR");
            System.exit(2);
        }
        MigrationSet migrations = MigrationSource.builder().location(Path.of(args[0])).build().load();
        LintReport report = MigrationLinter.builder().pgVersion(15).build().lint(migrations);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        for (Violation violation : report.violations()) {
            out.append(violation.location().display()).append(": ")
                    .append(violation.severity().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(violation.ruleId()).append(": ").append(violation.message()).append('\n')
                    .append("  help: ").append(violation.help()).append('\n');
        }
        for (InputProblem problem : report.problems()) {
            out.append(problem.toString()).append('\n');
        }
        out.append(Integer.toString(report.violations().size())).append(" violations in ")
                .append(Integer.toString(report.statements().size())).append(" statements of ")
                .append(Integer.toString(migrations.all().size())).append(" migrations\n");
        out.flush();
        System.exit(!report.problems().isEmpty() ? 2 : report.hasViolationsAtLeast(Severity.ERROR) ? 1 : 0);
    }
}
