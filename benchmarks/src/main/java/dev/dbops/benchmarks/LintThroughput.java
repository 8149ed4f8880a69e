package dev.dbops.benchmarks;

import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm in-process lint throughput on a corpus loaded as {@code dbops lint} loads it
 * ({@link MigrationLinter#lint(MigrationSet)}), and where the time goes: the whole lint run (every rule)
 * next to its first two stages alone, splitting ({@link SqlScript#parse}) and splitting plus statement
 * parsing ({@link StatementParser#parse}). What the full run takes beyond the second is the rules and
 * the engine around them (transaction tracking, history, suppressions, building the report).
 *
 * <p>Each stage is warmed up on its own first; the timed runs then take turns (split, parse, lint, split,
 * …) so that a burst of other work on the machine falls on all three alike.
 */
final class LintThroughput {

    /** Where results go so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private final MigrationSet migrations;
    private final List<String> scripts;
    private final int statements;
    private final MigrationLinter linter;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Lints {@code migrations}, the {@code corpus} as {@code dbops lint} loads it, with {@code linter}. */
    LintThroughput(LintCorpus corpus, MigrationSet migrations, MigrationLinter linter) {
        this.migrations = migrations;
        this.scripts = migrations.all().stream().map(Migration::sql).toList();
        this.statements = corpus.statements();
        this.linter = linter;
    }

    /**
     * The measured figures.
     *
     * @param statements statements in the corpus
     * @param split wall times of splitting every script
     * @param parse wall times of splitting and parsing every statement
     * @param lint wall times of the whole lint run
     * @param lintCpu this thread's CPU time of each lint run (garbage collection in other threads excluded)
     * @param allocatedBytes the bytes one lint run allocates (the last run)
     * @param report the report of the last lint run
     */
    record Figures(int statements, Samples split, Samples parse, Samples lint, Samples lintCpu, long allocatedBytes,
            LintReport report) {

        /** Statements per second of the median lint run. */
        double statementsPerSecond() {
            return statements / (Samples.millis(lint.median()) / 1000.0);
        }

        /** Statements per second of the median lint run's CPU time. */
        double statementsPerCpuSecond() {
            return statements / (Samples.millis(lintCpu.median()) / 1000.0);
        }
    }

    /** Warms every stage for {@code warmup} at least, then times {@code runs} rounds. */
    Figures measure(Duration warmup, int runs) {
        warm(this::split, warmup.dividedBy(4));
        warm(this::parse, warmup.dividedBy(4));
        warm(this::lint, warmup.dividedBy(2));
        List<Duration> split = new ArrayList<>(runs);
        List<Duration> parse = new ArrayList<>(runs);
        List<Duration> lint = new ArrayList<>(runs);
        List<Duration> lintCpu = new ArrayList<>(runs);
        LintReport report = null;
        long allocated = 0;
        for (int i = 0; i < runs; i++) {
            split.add(time(this::split));
            parse.add(time(this::parse));
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            report = lint();
            lint.add(Duration.ofNanos(System.nanoTime() - started));
            lintCpu.add(Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpu));
            allocated = threads.getCurrentThreadAllocatedBytes() - bytes;
        }
        return new Figures(statements, new Samples(split), new Samples(parse), new Samples(lint),
                new Samples(lintCpu), allocated, report);
    }

    private void warm(Runnable stage, Duration atLeast) {
        long until = System.nanoTime() + atLeast.toNanos();
        for (int i = 0; i < 10 || System.nanoTime() < until; i++) {
            stage.run();
        }
    }

    private Duration time(Runnable stage) {
        long started = System.nanoTime();
        stage.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void split() {
        int count = 0;
        for (String script : scripts) {
            count += SqlScript.parse(script).statements().size();
        }
        check(count);
    }

    private void parse() {
        int count = 0;
        for (String script : scripts) {
            for (SqlStatement statement : SqlScript.parse(script).statements()) {
                Statement parsed = StatementParser.parse(statement);
                sink = parsed;
                count++;
            }
        }
        check(count);
    }

    private LintReport lint() {
        LintReport report = linter.lint(migrations);
        check(report.statements().size());
        sink = report;
        return report;
    }

    private void check(int count) {
        if (count != statements) {
            throw new IllegalStateException("the corpus has " + statements + " statements but " + count
                    + " were split; the generator and the splitter disagree");
        }
    }
}
