package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.json.Json;
import dev.dbops.lint.Severity;
import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as data, text and JSON: holds, findings, and a disagreement where the catalogue has a known gap. */
class TraceReportTest {

    private static final String SCHEMA = "CREATE TABLE orders (id bigint PRIMARY KEY, amount integer);\n"
            + "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\n";
    private static final Seeder ROWS = TraceFixture.seeding("1,000 orders",
            "insert into orders select g, g from generate_series(1, 1000) g",
            "insert into order_lines select g, g from generate_series(1, 1000) g");

    @TempDir
    Path dir;

    @Test
    void holdsALockFromTheStatementThatTookItUntilTheMigrationCommits() {
        TraceReport report = LockTracer.builder().server(PostgresProvider.shared()).seeder(ROWS)
                .longLockThreshold(Duration.ofMillis(150)).build().trace(flyway(dir, "applied", 1, SCHEMA),
                        flyway(dir, "traced", 2, "ALTER TABLE orders ADD COLUMN note text;\nSELECT pg_sleep(0.2);\n"));

        LockTrace alter = report.statements().get(0);
        LockTrace sleep = report.statements().get(1);
        ObservedLock taken = alter.acquiredLocks().stream().filter(lock -> lock.target().equals("public.orders"))
                .findFirst().orElseThrow();
        assertThat(taken.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(taken.heldFor()).isGreaterThanOrEqualTo(alter.took().plus(sleep.took()));
        assertThat(sleep.locks()).anySatisfy(lock -> {
            assertThat(lock.target()).isEqualTo("public.orders");
            assertThat(lock.acquiredHere()).isFalse();
        });
        assertThat(report.findings()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(TraceFinding.Kind.LONG_LOCK);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).startsWith("held ACCESS EXCLUSIVE on public.orders (blocks reads and writes) for");
        });
        assertThat(report.toText()).contains("still held ACCESS EXCLUSIVE on public.orders");
    }

    @Test
    void reportsWhereTheLintersCatalogueMissesALockAsADisagreementInTextAndJson() {
        TraceReport report = LockTracer.builder().server(PostgresProvider.shared()).seeder(ROWS).build()
                .trace(flyway(dir, "applied", 1, SCHEMA), flyway(dir, "traced", 2, "TRUNCATE orders CASCADE;\n"));

        LockTrace truncate = report.statements().get(0);
        assertThat(truncate.rewrites()).extracting(RelationRewrite::relation, RelationRewrite::change)
                .contains(org.assertj.core.api.Assertions.tuple("public.orders", RelationRewrite.Change.EMPTIED));
        assertThat(truncate.disagreements()).singleElement().satisfies(disagreement -> {
            assertThat(disagreement.relation()).isEqualTo("public.order_lines");
            assertThat(disagreement.fact()).isEqualTo(Disagreement.Fact.LOCK);
            assertThat(disagreement.describe()).isEqualTo("public.order_lines (lock): the linter declared no lock,"
                    + " the database took ACCESS EXCLUSIVE");
        });
        assertThat(report.findingsAtLeast(Severity.ERROR)).extracting(TraceFinding::kind)
                .contains(TraceFinding.Kind.DISAGREEMENT);
        assertThat(report.toText()).contains("DISAGREES: public.order_lines (lock)",
                "1 disagreement with the linter (PostgreSQL " + report.serverVersion());

        Map<?, ?> json = (Map<?, ?>) Json.parse(report.toJson());
        assertThat(json.get("formatVersion")).isEqualTo(1L);
        assertThat(json.get("pgVersion")).isEqualTo((long) report.pgVersion());
        assertThat(((Map<?, ?>) json.get("summary")).get("disagreements")).isEqualTo(1L);
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) json.get("migrations")).get(0))
                .get("statements")).get(0);
        assertThat(statement.keySet().stream().map(String::valueOf).toList()).containsExactly("file", "line", "statement", "execution", "tookMs", "locks",
                "rewrites", "scans", "predicted", "disagreements", "notCompared");
        assertThat(statement.get("execution")).isEqualTo("in-migration-transaction");
        assertThat((List<?>) statement.get("disagreements")).singleElement()
                .satisfies(d -> assertThat(((Map<?, ?>) d).get("fact")).isEqualTo("lock"));
        assertThat((List<?>) statement.get("locks")).anySatisfy(lock -> {
            assertThat(((Map<?, ?>) lock).get("target")).isEqualTo("public.order_lines");
            assertThat(((Map<?, ?>) lock).get("mode")).isEqualTo("ACCESS EXCLUSIVE");
        });
        assertThat(json.get("failure")).isSameAs(Json.NULL);
    }
}
