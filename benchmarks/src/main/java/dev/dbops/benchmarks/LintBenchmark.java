package dev.dbops.benchmarks;

import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of linting the whole {@link LintCorpus} in process, loaded as {@code dbops lint} loads it
 * (every built-in rule, PostgreSQL 15),
 * and of its first two stages alone: splitting the scripts, and splitting plus parsing every statement.
 * Besides the corpus passes per second, JMH prints the secondary result {@code statements}: statements
 * per second, the figure DESIGN.md §6 sets at 50,000 or more.
 *
 * <p>Run {@code benchmarks/run jmh LintBenchmark}; it needs no database and no prepared files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {

    private MigrationLinter linter;
    private MigrationSet migrations;
    private List<String> scripts;

    /** Counts the statements each benchmark handled; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Statements {

        /** Statements handled in this iteration. */
        public long statements;

        /** Starts every iteration at zero. */
        @Setup(Level.Iteration)
        public void reset() {
            statements = 0;
        }
    }

    /** Generates the standard corpus, loads it as {@code dbops lint DIR} does and builds the linter. */
    @Setup
    public void load() throws IOException {
        Path directory = Files.createTempDirectory("dbops-lint-corpus");
        try {
            migrations = LintCorpus.standard().load(directory);
        } finally {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
        scripts = migrations.all().stream().map(Migration::sql).toList();
        linter = MigrationLinter.builder().pgVersion(15).build();
    }

    /** The whole lint run: split, parse, every rule, the report. */
    @Benchmark
    public LintReport lint(Statements counter) {
        LintReport report = linter.lint(migrations);
        counter.statements += report.statements().size();
        return report;
    }

    /** Only the splitter (lexing and statement boundaries). */
    @Benchmark
    public void split(Statements counter, Blackhole blackhole) {
        for (String script : scripts) {
            SqlScript split = SqlScript.parse(script);
            counter.statements += split.statements().size();
            blackhole.consume(split);
        }
    }

    /** The splitter and the statement parser, no rules. */
    @Benchmark
    public void parse(Statements counter, Blackhole blackhole) {
        for (String script : scripts) {
            for (SqlStatement statement : SqlScript.parse(script).statements()) {
                Statement parsed = StatementParser.parse(statement);
                blackhole.consume(parsed);
                counter.statements++;
            }
        }
    }
}
