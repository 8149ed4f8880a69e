package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static dev.dbops.trace.TraceFixture.seeding;
import static dev.dbops.trace.TraceFixture.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dbops.LockMode;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewrites and full scans as the database shows them, on the shared PostgreSQL 15 with 20,000 seeded rows. */
class RewriteAndScanTraceTest {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, amount integer, note varchar(20),"
            + " customer_id bigint);\nCREATE TABLE customers (id bigint PRIMARY KEY);\n";
    private static final Seeder ROWS = seeding("20,000 orders",
            "insert into customers select g from generate_series(1, 100) g",
            "insert into orders select g, g % 1000, 'n' || g, 1 + g % 100 from generate_series(1, 20000) g");

    @TempDir
    Path dir;

    private TraceReport trace(String... traced) {
        MigrationSet applied = flyway(dir, "applied", 1, ORDERS);
        return LockTracer.builder().server(PostgresProvider.shared()).seeder(ROWS).build()
                .trace(applied, flyway(dir, "traced", 2, traced));
    }

    @Test
    void seesTheTableRewrittenWhenAnIntegerColumnBecomesBigint() {
        TraceReport report = trace("ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n");

        LockTrace alter = statement(report, 1);
        assertThat(alter.rewrites()).extracting(RelationRewrite::relation, RelationRewrite::change)
                .contains(tuple("public.orders", RelationRewrite.Change.REWRITTEN),
                        tuple("public.orders_pkey", RelationRewrite.Change.REWRITTEN));
        assertThat(alter.acquiredLocks()).extracting(ObservedLock::target, ObservedLock::mode)
                .contains(tuple("public.orders", LockMode.ACCESS_EXCLUSIVE));
        assertThat(alter.disagreements()).as(report.toText()).isEmpty();
        assertThat(report.findings()).extracting(TraceFinding::kind).contains(TraceFinding.Kind.WORK_UNDER_LOCK);
    }

    @Test
    void seesNoRewriteWhenAVarcharColumnIsWidened() {
        TraceReport report = trace("ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);\n");

        LockTrace alter = statement(report, 1);
        assertThat(alter.rewrites()).isEmpty();
        assertThat(alter.scans()).isEmpty();
        assertThat(alter.acquiredLocks()).extracting(ObservedLock::target, ObservedLock::mode)
                .contains(tuple("public.orders", LockMode.ACCESS_EXCLUSIVE));
        assertThat(alter.disagreements()).as(report.toText()).isEmpty();
    }

    @Test
    void seesOneFullScanForSetNotNull() {
        TraceReport report = trace("ALTER TABLE orders ALTER COLUMN amount SET NOT NULL;\n");

        LockTrace alter = statement(report, 1);
        assertThat(alter.scans()).containsExactly(new TableScan("public.orders", 1, 20_000, 0));
        assertThat(alter.rewrites()).isEmpty();
        assertThat(alter.disagreements()).as(report.toText()).isEmpty();
    }

    @Test
    void seesAFullScanForValidateConstraintAndNoneForAddingItNotValid() {
        TraceReport report = trace("ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount >= 0) NOT VALID;\n",
                "ALTER TABLE orders VALIDATE CONSTRAINT amount_positive;\n");

        LockTrace add = report.migrations().get(0).statements().get(0);
        LockTrace validate = report.migrations().get(1).statements().get(0);
        assertThat(add.scans()).isEmpty();
        assertThat(validate.scans()).containsExactly(new TableScan("public.orders", 1, 20_000, 0));
        assertThat(validate.acquiredLocks()).extracting(ObservedLock::target, ObservedLock::mode)
                .contains(tuple("public.orders", LockMode.SHARE_UPDATE_EXCLUSIVE));
        assertThat(report.disagreements()).as(report.toText()).isEmpty();
    }

    @Test
    void seesTheReferencedTableLockedAndTheChildScannedForAForeignKey() {
        TraceReport report = trace("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                + " REFERENCES customers (id);\n");

        LockTrace add = statement(report, 1);
        assertThat(add.acquiredLocks()).extracting(ObservedLock::target, ObservedLock::mode)
                .contains(tuple("public.orders", LockMode.SHARE_ROW_EXCLUSIVE),
                        tuple("public.customers", LockMode.SHARE_ROW_EXCLUSIVE));
        assertThat(add.scans()).extracting(TableScan::table).contains("public.orders");
        System.out.println(report.toText());
    }
}
