package dev.dbops.lint;

import java.util.Objects;

/**
 * The ways a {@link LintReport} is written out: for people, for scripts, for GitHub code scanning and for
 * CI test reports. Every format is deterministic: the same report and options always give the same text.
 * The formats are described in {@code docs/lint.md}; the JSON format in {@code docs/lint-format.md}.
 *
 * <pre>{@code
 * MigrationLinter linter = MigrationLinter.builder().pgVersion(16).build();
 * LintReport report = linter.lint(scripts, List.of());
 * String sarif = LintFormat.SARIF.render(report, LintRenderOptions.builder().rules(linter.rules()).build());
 * }</pre>
 */
public enum LintFormat {

    /**
     * Compiler-style text: {@code file:line:col: severity[rule-id] message}, the statement with a caret
     * under its start, the lock and table impact, the fix and the help, then input problems and a summary.
     */
    TEXT,
    /** Versioned JSON ({@code "formatVersion": 1}), documented in {@code docs/lint-format.md}. */
    JSON,
    /** SARIF 2.1.0, one run, as GitHub code scanning accepts it (fingerprints included). */
    SARIF,
    /**
     * JUnit XML: a test suite per file, a test case per statement; violations at or above
     * {@link LintRenderOptions#failOn()} are failures, input problems are errors.
     */
    JUNIT;

    /** Renders {@code report} with the {@link LintRenderOptions#defaults()}. */
    public String render(LintReport report) {
        return render(report, LintRenderOptions.defaults());
    }

    /** Renders {@code report}; {@code options} name the rules that ran, the docs location and the failure threshold. */
    public String render(LintReport report, LintRenderOptions options) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(options, "options");
        return switch (this) {
            case TEXT -> new TextLintRenderer().render(report);
            case JSON -> new JsonLintRenderer(options).render(report);
            case SARIF -> new SarifLintRenderer(options).render(report);
            case JUNIT -> new JunitLintRenderer(options).render(report);
        };
    }
}
