package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.trace.LockMatrixRows.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The self-verifying catalogue: for each row of the lock-safety catalogue, on each PostgreSQL version of
 * {@value #VERSIONS_PROPERTY} (default 15 and 18; the Maven profile {@code all-pg-versions} adds 14 and 17),
 * one representative statement is traced on seeded tables, and both the database and the linter must state the
 * row's facts: the database shows the row's lock, rewrite and scan, and the linter's declaration for that
 * version disagrees with the database on nothing.
 */
class LockMatrixTest {

    static final String VERSIONS_PROPERTY = "dbops.trace.matrix-versions";
    private static final Map<Integer, PostgresServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<Integer, Path> TABLESPACES = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Integer> versions = Arrays.stream(System.getProperty(VERSIONS_PROPERTY, "15,18").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        return versions.stream().flatMap(version -> LockMatrixRows.all().stream()
                .filter(row -> row.versions().test(version)).map(row -> Arguments.of(version, row, row.line())));
    }

    @ParameterizedTest(name = "PostgreSQL {0}: {1} (line {2})")
    @MethodSource("cases")
    void theDatabaseShowsTheRowsFactsAndTheLinterDeclaresTheSame(int version, Row row, int line) {
        Seeder seeder = dataSource -> {
            TraceFixture.run(dataSource, LockMatrixRows.SEED);
            row.background().ifPresent(sql -> Background.holdUntilMigrationWaits(dataSource, sql,
                    Duration.ofMillis(200)));
            return new Seeder.Outcome("matrix rows", List.of());
        };
        TraceReport report = trace(version, row, seeder, 0);
        // A statement outside a transaction is seen only by the second session's polls; on a loaded machine a
        // fast one (VACUUM FULL of 5,000 rows) can end before the first poll. Such a miss is the tracer saying
        // "not compared", not a wrong fact, so the row is traced again rather than passed or failed on it.
        for (int attempt = 1; attempt < 4 && missedByThePoller(report, line); attempt++) {
            report = trace(version, row, seeder, attempt);
        }
        String text = report.toText();
        if (row.failure().isPresent()) {
            assertThat(report.failure()).as(text).hasValueSatisfying(failure -> {
                assertThat(failure.sqlState()).isEqualTo(row.failure().get());
                assertThat(failure.line()).isEqualTo(line);
            });
            return;
        }
        assertThat(report.failure()).as(text).isEmpty();
        LockTrace statement = TraceFixture.statement(report, line);
        // The lock the statement took; the one held since an earlier statement when it took none of its own.
        LockMode taken = statement.acquiredLocks().stream().filter(l -> l.granted() && l.target().equals(row.relation()))
                .map(ObservedLock::mode).reduce(LockMode.NONE, LockMode::max);
        LockMode lock = taken != LockMode.NONE ? taken : statement.locks().stream()
                .filter(l -> l.granted() && l.target().equals(row.relation())).map(ObservedLock::mode)
                .reduce(LockMode.NONE, LockMode::max);
        assertThat(lock).as("lock on " + row.relation() + "\n" + text).isEqualTo(row.lock());
        assertThat(statement.rewrites().stream().anyMatch(r -> r.relation().equals(row.relation())
                && r.change() == RelationRewrite.Change.REWRITTEN)).as("rewrite of " + row.relation() + "\n" + text)
                .isEqualTo(row.rewrite());
        assertThat(statement.scans().stream().anyMatch(s -> s.table().equals(row.relation())))
                .as("scan of " + row.relation() + "\n" + text).isEqualTo(row.scan());
        if (row.id().equals("sql-not-inspectable")) {
            assertThat(statement.notCompared()).as(text).isPresent();
            assertThat(statement.predicted().inspected()).isFalse();
        } else {
            assertThat(statement.predicted().inspected()).as(text).isTrue();
            assertThat(statement.disagreements()).as(text).isEmpty();
        }
    }

    private TraceReport trace(int version, Row row, Seeder seeder, int attempt) {
        Path files = dir.resolve("attempt-" + attempt);
        return LockTracer.builder().server(server(version)).seeder(seeder).build()
                .trace(flyway(files, "applied", 1, LockMatrixRows.SCHEMA), flyway(files, "traced", 2, row.traced()));
    }

    private static boolean missedByThePoller(TraceReport report, int line) {
        if (report.failure().isPresent()) {
            return false;
        }
        LockTrace statement = TraceFixture.statement(report, line);
        return statement.execution() == Execution.OUTSIDE_TRANSACTION && statement.locks().isEmpty()
                && statement.notCompared().isPresent();
    }

    private static PostgresServer server(int version) {
        return SERVERS.computeIfAbsent(version, v -> {
            PostgresServer server = PostgresProvider.fromSpec("embedded:" + v);
            try {
                Path location = Files.createTempDirectory("dbops-trace-matrix-space");
                try (Connection admin = PostgresConnector.open(server.adminUrl());
                        Statement statement = admin.createStatement()) {
                    statement.execute("create tablespace trace_matrix_space location '" + location + "'");
                }
                TABLESPACES.put(v, location);
            } catch (IOException | java.sql.SQLException e) {
                server.close();
                throw new IllegalStateException("cannot create the matrix's tablespace on PostgreSQL " + v, e);
            }
            return server;
        });
    }

    @AfterAll
    static void stopServers() throws IOException {
        for (Map.Entry<Integer, PostgresServer> entry : SERVERS.entrySet()) {
            try (Connection admin = PostgresConnector.open(entry.getValue().adminUrl());
                    Statement statement = admin.createStatement()) {
                statement.execute("drop tablespace if exists trace_matrix_space");
            } catch (java.sql.SQLException e) {
                // The server and its data directory go away below anyway.
            }
            entry.getValue().close();
        }
        for (Path location : TABLESPACES.values()) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        SERVERS.clear();
        TABLESPACES.clear();
    }
}
