package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresProvider;
import dev.dbops.trace.seed.DataSeeder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data seeder plugged into the trace: tables filled after the applied migrations, before the traced ones. */
class SeededTraceTest {

    @TempDir
    Path dir;

    @Test
    void tracesOnTheRowsTheDataSeederGeneratedBetweenTheAppliedAndTheTracedMigrations() {
        Seeder rows = Seeder.of(DataSeeder.builder().rows(3_000).rowsFor("public.customers", 100).seed(7).build());

        TraceReport report = LockTracer.builder().server(PostgresProvider.shared()).seeder(rows).build().trace(
                flyway(dir, "applied", 1, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n"
                        + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES"
                        + " customers (id), amount integer CHECK (amount >= 0));\n"),
                flyway(dir, "traced", 2, "ALTER TABLE orders ADD CONSTRAINT amount_small CHECK (amount < 1000000000);\n"));

        assertThat(report.seeding()).hasValueSatisfying(seeding -> {
            assertThat(seeding.summary()).isEqualTo("3,100 rows in 2 tables (seed 7)");
            assertThat(seeding.unsatisfied()).isEmpty();
        });
        assertThat(report.failure()).as(report.toText()).isEmpty();
        LockTrace check = report.statements().get(0);
        assertThat(check.scans()).singleElement().satisfies(scan -> {
            assertThat(scan.table()).isEqualTo("public.orders");
            assertThat(scan.rowsRead()).isEqualTo(3_000);
        });
        assertThat(report.findings()).anySatisfy(finding -> assertThat(finding.message())
                .startsWith("scanned public.orders (about 3,000 rows) while holding ACCESS EXCLUSIVE"));
        assertThat(report.toText()).contains("seeded: 3,100 rows in 2 tables (seed 7) in ");
    }
}
