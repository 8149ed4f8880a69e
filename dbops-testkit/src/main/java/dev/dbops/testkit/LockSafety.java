package dev.dbops.testkit;

import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.LintRenderOptions;
import dev.dbops.lint.LintedStatement;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import dev.dbops.migration.MigrationSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The static lock-safety check of {@link MigrationsAssert#areLockSafe()}: lint, then the failure in full. */
final class LockSafety {

    private LockSafety() {
    }

    /**
     * Lints the migrations; a failure message when a violation reaches the threshold or a file could not
     * be linted, listing each as {@code dbops lint} prints it: file:line:column, the statement, the lock, the
     * fix and the rule's help. {@code earlierApplied}: whether the linter judges each migration after the
     * earlier ones (the default); the message says when it judged them as one batch instead.
     */
    static Optional<String> check(String source, MigrationSet set, MigrationLinter linter, Severity threshold,
            Collection<String> ignored, boolean earlierApplied) {
        LintReport report = linter.lint(set);
        List<Violation> failing = report.violationsAtLeast(threshold);
        if (failing.isEmpty() && report.problems().isEmpty()) {
            return Optional.empty();
        }
        List<LintedStatement> statements = report.statements().stream()
                .map(s -> new LintedStatement(s.location(), s.text(), s.inspected(),
                        s.violations().stream().filter(v -> v.severity().isAtLeast(threshold)).toList()))
                .toList();
        LintReport shown = new LintReport(report.pgVersion(), statements, report.problems());
        String rendered = LintFormat.TEXT.render(shown, LintRenderOptions.builder().rules(linter.rules())
                .failOn(threshold).build());
        int below = report.violations().size() - failing.size();
        StringBuilder message = new StringBuilder("Expecting the migrations at ").append(source)
                .append(" to be lock-safe on PostgreSQL ").append(report.pgVersion())
                .append(earlierApplied ? "" : ", the migrations judged as one batch on a fresh database")
                .append(" (failing on ")
                .append(name(threshold)).append(" or worse")
                .append(ignored.isEmpty() ? "" : ", ignoring " + String.join(", ", ignored)).append("),\nbut found ")
                .append(count(failing.size(), "violation"));
        if (!report.problems().isEmpty()) {
            message.append(" and ").append(count(report.problems().size(), "file that could not be linted",
                    "files that could not be linted"));
        }
        message.append(":\n\n").append(rendered);
        if (below > 0) {
            message.append("(").append(count(below, "violation")).append(" below ").append(name(threshold))
                    .append(below == 1 ? " is not shown: it does" : " are not shown: they do")
                    .append(" not fail the assertion)\n");
        }
        return Optional.of(message.toString());
    }

    static String name(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    private static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
