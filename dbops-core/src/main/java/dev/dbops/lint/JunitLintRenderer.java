package dev.dbops.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link LintFormat#JUNIT}: JUnit XML as CI servers read it. One {@code <testsuite>} per file, one
 * {@code <testcase>} per statement; each violation at or above the failure threshold is a
 * {@code <failure type="rule-id">}, lower ones go to the test case's {@code <system-out>}; a statement
 * dbops could not inspect, and that nothing failed, is {@code <skipped>}; each input problem is a test case
 * with an {@code <error>}. Counts are of test cases, so {@code failures} never exceeds {@code tests}.
 */
final class JunitLintRenderer {

    /** How many characters of a statement name its test case, after "line N: ". */
    static final int NAME_LENGTH = 60;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final LintRenderOptions options;
    private final TextLintRenderer text = new TextLintRenderer();

    JunitLintRenderer(LintRenderOptions options) {
        this.options = options;
    }

    String render(LintReport report) {
        Map<String, Suite> suites = new LinkedHashMap<>();
        for (LintedStatement statement : report.statements()) {
            suites.computeIfAbsent(statement.location().file(), Suite::new).cases.add(statementCase(statement));
        }
        for (InputProblem problem : report.problems()) {
            suites.computeIfAbsent(problem.file(), Suite::new).cases.add(problemCase(problem));
        }
        int[] totals = new int[4];
        StringBuilder body = new StringBuilder();
        for (Suite suite : suites.values()) {
            int[] counts = suite.counts();
            for (int i = 0; i < totals.length; i++) {
                totals[i] += counts[i];
            }
            body.append("  <testsuite name=\"").append(Xml.attribute(suite.file)).append('"').append(counts(counts));
            if (suite.cases.isEmpty()) {
                body.append("/>\n");
                continue;
            }
            body.append(">\n");
            for (Case testCase : suite.cases) {
                testCase.appendTo(body, suite.file);
            }
            body.append("  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"dbops lint (PostgreSQL " + report.pgVersion() + ")\"" + counts(totals) + ">\n"
                + body + "</testsuites>\n";
    }

    private Case statementCase(LintedStatement statement) {
        Case testCase = new Case("line " + statement.location().line() + ": " + name(statement.text()));
        StringBuilder out = new StringBuilder();
        for (Violation violation : statement.violations()) {
            StringBuilder block = new StringBuilder();
            text.appendViolation(block, violation);
            if (options.fails(violation.severity())) {
                testCase.failures.add(new Outcome(violation.ruleId(), violation.message(), block.toString()));
            } else {
                out.append(out.isEmpty() ? "" : "\n").append(block);
            }
        }
        testCase.systemOut = out.toString();
        testCase.skipped = !statement.inspected() && testCase.failures.isEmpty();
        return testCase;
    }

    private static Case problemCase(InputProblem problem) {
        Case testCase = new Case(problem.line() > 0 ? "line " + problem.line() + ": input problem"
                : "input problem");
        testCase.error = new Outcome("input-problem", problem.message(), TextLintRenderer.problem(problem) + "\n");
        return testCase;
    }

    /** The first words of a statement on one line, cut at a word boundary, e.g. {@code CREATE INDEX i ON orders (a)}. */
    static String name(String statement) {
        String flat = WHITESPACE.matcher(statement.strip()).replaceAll(" ");
        if (flat.isEmpty()) {
            return "dbops:ignore comment";
        }
        if (flat.length() <= NAME_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', NAME_LENGTH);
        return flat.substring(0, cut > NAME_LENGTH / 2 ? cut : NAME_LENGTH) + " …";
    }

    private static String counts(int[] counts) {
        return " tests=\"" + counts[0] + "\" failures=\"" + counts[1] + "\" errors=\"" + counts[2] + "\" skipped=\""
                + counts[3] + "\"";
    }

    /** The test cases of one file. */
    private static final class Suite {
        final String file;
        final List<Case> cases = new ArrayList<>();

        Suite(String file) {
            this.file = file;
        }

        /** Tests, failed tests, tests in error, skipped tests. */
        int[] counts() {
            int[] counts = new int[4];
            for (Case testCase : cases) {
                counts[0]++;
                counts[1] += testCase.failures.isEmpty() ? 0 : 1;
                counts[2] += testCase.error == null ? 0 : 1;
                counts[3] += testCase.skipped ? 1 : 0;
            }
            return counts;
        }
    }

    /** A failure or an error: its type, its one-line message and the full text. */
    private record Outcome(String type, String message, String details) {
    }

    /** One test case: a statement or an input problem. */
    private static final class Case {
        final String name;
        final List<Outcome> failures = new ArrayList<>();
        Outcome error;
        boolean skipped;
        String systemOut = "";

        Case(String name) {
            this.name = name;
        }

        void appendTo(StringBuilder out, String file) {
            out.append("    <testcase classname=\"").append(Xml.attribute(file)).append("\" name=\"")
                    .append(Xml.attribute(name)).append('"');
            if (failures.isEmpty() && error == null && !skipped && systemOut.isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append(">\n");
            for (Outcome failure : failures) {
                appendOutcome(out, "failure", failure);
            }
            if (error != null) {
                appendOutcome(out, "error", error);
            }
            if (skipped) {
                out.append("      <skipped message=\"dbops could not inspect this statement\"/>\n");
            }
            if (!systemOut.isEmpty()) {
                out.append("      <system-out>").append(Xml.text(systemOut)).append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }

        private static void appendOutcome(StringBuilder out, String element, Outcome outcome) {
            out.append("      <").append(element).append(" type=\"").append(Xml.attribute(outcome.type))
                    .append("\" message=\"").append(Xml.attribute(outcome.message)).append("\">")
                    .append(Xml.text(outcome.details)).append("</").append(element).append(">\n");
        }
    }
}
