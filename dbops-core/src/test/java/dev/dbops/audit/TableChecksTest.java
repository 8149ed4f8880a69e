package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.audit;
import static dev.dbops.audit.AuditTesting.auditUntil;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.execAndDisconnect;
import static dev.dbops.audit.AuditTesting.flags;
import static dev.dbops.audit.AuditTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TableChecksTest {

    private static final Consumer<AuditThresholds.Builder> ANY_BLOAT_SIZE =
            t -> t.set(AuditThreshold.TABLE_BLOAT_MIN_SIZE, 0L);

    @Test
    void flagsTablesWithoutPrimaryKeyAndPromotesAUniqueIndexOnNotNullColumns() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table keyed (id int primary key)",
                    "create table promotable (a int not null, b int)",
                    "create unique index promotable_a on promotable (a)",
                    "create table nullable_unique (a int, b int)",
                    "create unique index nullable_unique_a on nullable_unique (a)",
                    "create table parted (id int, v int) partition by range (id)",
                    "create table parted_1 partition of parted for values from (0) to (10)");

            AuditReport report = audit(connection, AuditCheck.TABLE_WITHOUT_PRIMARY_KEY);

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactly("public.nullable_unique", "public.parted", "public.promotable");
            AuditFinding promotable = only(report, "public.promotable");
            assertThat(promotable.evidence()).containsEntry("replicaIdentity", "default")
                    .containsEntry("uniqueIndexOnNotNullColumns", "promotable_a");
            assertThat(promotable.message()).contains("logical replication cannot publish its updates and deletes");
            assertThat(promotable.remediation()).hasValueSatisfying(sql -> assertThat(sql)
                    .contains("ALTER TABLE \"public\".\"promotable\" ADD PRIMARY KEY USING INDEX \"promotable_a\";"));
            assertThat(only(report, "public.nullable_unique").remediation()).isEmpty();

            applyRemediation(connection, promotable);
            assertThat(flags(audit(connection, AuditCheck.TABLE_WITHOUT_PRIMARY_KEY), "public.promotable")).isFalse();
        }
    }

    @Test
    void estimatesTableBloatAfterMassUpdatesWithAutovacuumOffAndMeasuresItWithPgstattuple() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table tb (id bigint, payload text) with (autovacuum_enabled = off)",
                    "insert into tb select g, repeat('x', 100) from generate_series(1, 20000) g",
                    "create table steady (id bigint, payload text) with (autovacuum_enabled = off)",
                    "insert into steady select g, repeat('x', 100) from generate_series(1, 20000) g",
                    "analyze");
            assertThat(audit(connection, AuditCheck.TABLE_BLOAT, ANY_BLOAT_SIZE).findings())
                    .as("freshly loaded tables are not bloated").isEmpty();

            exec(connection, "update tb set payload = repeat('y', 100)", "update tb set payload = repeat('z', 100)",
                    "analyze tb");
            AuditReport estimated = audit(connection, AuditCheck.TABLE_BLOAT, ANY_BLOAT_SIZE);

            AuditFinding estimate = only(estimated, "public.tb");
            assertThat(estimated.findings()).hasSize(1);
            assertThat(estimate.evidence()).containsEntry("method", "estimate").containsEntry("liveTuples", 20000L);
            assertThat(estimate.number("wastedRatio")).hasValueSatisfying(r -> assertThat(r).isBetween(0.55, 0.75));
            assertThat(estimate.remediation().orElseThrow()).contains("VACUUM (ANALYZE) \"public\".\"tb\";",
                    "-- VACUUM (FULL, ANALYZE) \"public\".\"tb\";");

            exec(connection, "create extension pgstattuple");
            AuditFinding measured = only(audit(connection, AuditCheck.TABLE_BLOAT, ANY_BLOAT_SIZE), "public.tb");
            assertThat(measured.evidence()).containsEntry("method", "pgstattuple_approx")
                    .containsEntry("liveTuples", 20000L);
            assertThat(measured.number("deadTuples")).as("the second update may prune the first one's dead rows")
                    .hasValueSatisfying(dead -> assertThat(dead).isBetween(20000.0, 40000.0));
            assertThat(measured.number("wastedRatio")).hasValueSatisfying(r -> assertThat(r).isBetween(0.55, 0.75));

            exec(connection, "vacuum (full, analyze) tb");
            assertThat(audit(connection, AuditCheck.TABLE_BLOAT, ANY_BLOAT_SIZE).findings()).isEmpty();
            exec(connection, "drop extension pgstattuple");
            assertThat(audit(connection, AuditCheck.TABLE_BLOAT, ANY_BLOAT_SIZE).findings()).isEmpty();
        }
    }

    @Test
    void flagsStaleStatisticsWithAutovacuumOffAndAnalyzeClearsThem() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            execAndDisconnect(database,
                    "create table changed (id bigint primary key, v int) with (autovacuum_enabled = off)",
                    "create table barely (id bigint primary key, v int) with (autovacuum_enabled = off)",
                    "create table never (id bigint primary key, v int) with (autovacuum_enabled = off)",
                    "insert into changed select g, g from generate_series(1, 1000) g",
                    "insert into barely select g, g from generate_series(1, 1000) g");
            AuditTesting.awaitInserts(connection, "changed", 1000);
            AuditTesting.awaitInserts(connection, "barely", 1000);
            exec(connection, "analyze changed", "analyze barely");
            execAndDisconnect(database,
                    "update changed set v = v + 1 where id <= 600",
                    "update barely set v = v + 1 where id <= 10",
                    "insert into never select g, g from generate_series(1, 1000) g");

            AuditReport report = auditUntil(connection, AuditCheck.STALE_STATISTICS, t -> { },
                    r -> flags(r, "public.changed") && flags(r, "public.never"));

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactly("public.changed", "public.never");
            AuditFinding changed = only(report, "public.changed");
            assertThat(changed.evidence()).containsEntry("modificationsSinceAnalyze", 600L)
                    .containsEntry("autoanalyzeThreshold", 150L).containsEntry("autovacuumEnabled", false);
            assertThat(only(report, "public.never").message()).contains("never analyzed");
            assertThat(changed.remediation().orElseThrow()).contains("ANALYZE \"public\".\"changed\";",
                    "ALTER TABLE \"public\".\"changed\" RESET (autovacuum_enabled);");

            applyRemediation(connection, changed);
            assertThat(auditUntil(connection, AuditCheck.STALE_STATISTICS, t -> { },
                    r -> !flags(r, "public.changed")).findings()).extracting(AuditFinding::object)
                    .containsExactly("public.never");
        }
    }

    @Test
    void flagsDeadTuplesAndUnvacuumedInsertsWithAutovacuumOffAndVacuumClearsThem() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            execAndDisconnect(database,
                    "create table churn (id bigint primary key, v int) with (autovacuum_enabled = off)",
                    "create table calm (id bigint primary key, v int) with (autovacuum_enabled = off)",
                    "insert into churn select g, g from generate_series(1, 10000) g",
                    "insert into calm select g, g from generate_series(1, 10000) g");
            AuditTesting.awaitInserts(connection, "churn", 10000);
            AuditTesting.awaitInserts(connection, "calm", 10000);
            exec(connection, "vacuum analyze churn", "vacuum analyze calm");
            execAndDisconnect(database,
                    "delete from churn where id <= 5000",
                    "delete from calm where id <= 100",
                    "create table appended (id bigint primary key) with (autovacuum_enabled = off)",
                    "insert into appended select g from generate_series(1, 5000) g");

            AuditReport report = auditUntil(connection, AuditCheck.VACUUM_OVERDUE, t -> { },
                    r -> flags(r, "public.churn") && flags(r, "public.appended"));

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactly("public.appended", "public.churn");
            AuditFinding churn = only(report, "public.churn");
            assertThat(churn.evidence()).containsEntry("deadTuples", 5000L).containsEntry("vacuumThreshold", 2050L)
                    .containsEntry("autovacuumEnabled", false);
            assertThat(churn.message()).contains("5000 dead tuples", "autovacuum is off for it");
            AuditFinding appended = only(report, "public.appended");
            assertThat(appended.evidence()).containsEntry("insertsSinceVacuum", 5000L)
                    .containsEntry("insertThreshold", 1000L);
            assertThat(appended.message()).contains("index-only scans visit the heap");

            applyRemediation(connection, churn);
            applyRemediation(connection, appended);
            assertThat(auditUntil(connection, AuditCheck.VACUUM_OVERDUE, t -> { }, r -> r.findings().isEmpty())
                    .findings()).isEmpty();
        }
    }

    @Test
    void flagsSequencesNearTheirLimitOrTheLimitOfTheColumnTheyFeed() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table orders (id serial primary key, v int)",
                    "select setval('orders_id_seq', 2000000000)",
                    "create sequence shared_ids",
                    "create table legacy (id int default nextval('shared_ids'), v int)",
                    "select setval('shared_ids', 1700000000)",
                    "create table roomy (id bigserial primary key)",
                    "select setval('roomy_id_seq', 1700000000)",
                    "create table tagged (id int generated always as identity, v int)",
                    "select setval(pg_get_serial_sequence('tagged', 'id'), 1000)",
                    "create sequence countdown as smallint increment by -1",
                    "select setval('countdown', -30000)",
                    "create sequence unused_yet as smallint");

            AuditReport report = audit(connection, AuditCheck.SEQUENCE_EXHAUSTION);

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactly("public.countdown", "public.orders_id_seq", "public.shared_ids");
            AuditFinding orders = only(report, "public.orders_id_seq");
            assertThat(orders.severity()).isEqualTo(AuditSeverity.CRITICAL);
            assertThat(orders.evidence()).containsEntry("limit", 2147483647L).containsEntry("valuesLeft", 147483647L)
                    .containsEntry("columns", "public.orders.id");
            assertThat(orders.remediation().orElseThrow()).contains(
                    "ALTER SEQUENCE \"public\".\"orders_id_seq\" AS bigint;",
                    "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"id\" TYPE bigint;");
            AuditFinding shared = only(report, "public.shared_ids");
            assertThat(shared.severity()).isEqualTo(AuditSeverity.WARNING);
            assertThat(shared.evidence()).containsEntry("sequenceType", "bigint")
                    .containsEntry("limitedBy", "column public.legacy.id (integer)");
            assertThat(shared.remediation().orElseThrow()).doesNotContain("ALTER SEQUENCE")
                    .contains("ALTER TABLE \"public\".\"legacy\" ALTER COLUMN \"id\" TYPE bigint;");
            assertThat(only(report, "public.countdown").evidence()).containsEntry("limit", -32768L);

            for (AuditFinding finding : report.findings()) {
                applyRemediation(connection, finding);
            }
            assertThat(audit(connection, AuditCheck.SEQUENCE_EXHAUSTION).findings()).isEmpty();
        }
    }
}
