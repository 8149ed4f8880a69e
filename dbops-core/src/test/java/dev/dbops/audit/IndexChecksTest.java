package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.about;
import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.audit;
import static dev.dbops.audit.AuditTesting.auditUntil;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.execAndDisconnect;
import static dev.dbops.audit.AuditTesting.flags;
import static dev.dbops.audit.AuditTesting.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class IndexChecksTest {

    @Test
    void flagsForeignKeyWithoutIndexAndItsRemediationIndexClearsIt() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table parent (id bigint primary key, x int, y int, unique (x, y))",
                    "create table child (id bigint primary key, parent_id bigint references parent)",
                    "insert into parent select g, g, g from generate_series(1, 100) g",
                    "insert into child select g, g % 100 + 1 from generate_series(1, 1000) g",
                    "analyze");

            AuditReport report = audit(connection, AuditCheck.FOREIGN_KEY_WITHOUT_INDEX);

            AuditFinding finding = only(report, "public.child");
            assertThat(finding.severity()).isEqualTo(AuditSeverity.WARNING);
            assertThat(finding.message()).contains("child_parent_id_fkey", "public.parent");
            assertThat(finding.evidence()).containsEntry("columns", "parent_id")
                    .containsEntry("referencedTable", "public.parent").containsEntry("estimatedRows", 1000L);
            assertThat(finding.remediation()).contains("CREATE INDEX CONCURRENTLY ON \"public\".\"child\" (\"parent_id\");");

            applyRemediation(connection, finding);
            assertThat(audit(connection, AuditCheck.FOREIGN_KEY_WITHOUT_INDEX).findings()).isEmpty();
        }
    }

    @Test
    void acceptsAnIndexLeadingWithTheForeignKeyColumnsInAnyOrderButNotAPartialOrTrailingOne() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table pair (x int, y int, primary key (x, y))",
                    "create table swapped (id bigint primary key, x int, y int, foreign key (x, y) references pair)",
                    "create index on swapped (y, x, id)",
                    "create table partial (id bigint primary key, x int, y int, foreign key (x, y) references pair)",
                    "create index on partial (x, y) where x > 0",
                    "create table behind (id bigint primary key, x int, y int, foreign key (x, y) references pair)",
                    "create index on behind (id, x, y)",
                    "create table events (id bigint, x int, y int, foreign key (x, y) references pair)"
                            + " partition by range (id)",
                    "create table events_1 partition of events for values from (0) to (100)");

            AuditReport report = audit(connection, AuditCheck.FOREIGN_KEY_WITHOUT_INDEX);

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactly("public.behind", "public.events", "public.partial");
            assertThat(only(report, "public.events").remediation().orElseThrow())
                    .contains("CREATE INDEX \"events_x_y_idx\" ON ONLY \"public\".\"events\" (\"x\", \"y\");",
                            "CONCURRENTLY does not work on a partitioned table");
        }
    }

    @Test
    void flagsUnusedIndexesButNotScannedUniqueOrForeignKeyIndexes() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            execAndDisconnect(database,
                    "create table parent (id bigint primary key)",
                    "create table t (id bigint primary key, a int, b int, c int, parent_id bigint references parent)",
                    "insert into parent select g from generate_series(1, 10) g",
                    "insert into t select g, g, g, g, g % 10 + 1 from generate_series(1, 2000) g",
                    "create index t_a on t (a)",
                    "create index t_b on t (b)",
                    "create unique index t_c on t (c)",
                    "create index t_parent on t (parent_id)",
                    "analyze");
            execAndDisconnect(database, "set enable_seqscan = off", "select count(*) from t where b = 5");

            AuditReport report = auditUntil(connection, AuditCheck.UNUSED_INDEX,
                    t -> t.set(AuditThreshold.UNUSED_INDEX_MIN_SIZE, 0L), r -> !flags(r, "public.t_b")
                            && about(r, "public.t_a").stream().anyMatch(f -> f.evidence("tableWritesSinceReset")
                                    .filter(Long.valueOf(2000L)::equals).isPresent()));

            assertThat(report.findings()).extracting(AuditFinding::object).containsExactly("public.t_a");
            AuditFinding finding = only(report, "public.t_a");
            assertThat(finding.evidence()).containsEntry("scans", 0L).containsEntry("table", "public.t")
                    .containsEntry("tableWritesSinceReset", 2000L);
            assertThat(finding.message()).contains("scans on replicas are not counted here");
            assertThat(audit(connection, AuditCheck.UNUSED_INDEX).findings())
                    .as("the default minimum size of 1MB leaves these small indexes out").isEmpty();

            applyRemediation(connection, finding);
            assertThat(audit(connection, AuditCheck.UNUSED_INDEX,
                    t -> t.set(AuditThreshold.UNUSED_INDEX_MIN_SIZE, 0L)).findings()).isEmpty();
        }
    }

    @Test
    void flagsDuplicateIndexesKeepingTheOneBehindAConstraint() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table d (id bigint primary key, a int, b int)",
                    "create index d_id_copy on d (id)",
                    "create index d_a_first on d (a)",
                    "create index d_a_second on d (a)",
                    "create index d_b_desc on d (b desc)",
                    "create index d_b on d (b)",
                    "create index d_a_partial on d (a) where b > 0",
                    "create index d_a_hash on d using hash (a)");

            AuditReport report = audit(connection, AuditCheck.DUPLICATE_INDEX);

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactlyInAnyOrder("public.d_id_copy", "public.d_a_second", "public.d_b");
            assertThat(only(report, "public.d_id_copy").evidence()).containsEntry("duplicateOf", "public.d_pkey");
            assertThat(only(report, "public.d_a_second").evidence()).containsEntry("duplicateOf", "public.d_a_first");
            assertThat(only(report, "public.d_b").evidence())
                    .as("a btree read backwards gives the reverse order").containsEntry("duplicateOf", "public.d_b_desc");

            for (AuditFinding finding : report.findings()) {
                applyRemediation(connection, finding);
            }
            assertThat(audit(connection, AuditCheck.DUPLICATE_INDEX).findings()).isEmpty();
        }
    }

    @Test
    void flagsIndexCoveredByALongerIndexUnlessItIsUniqueOrHoldsColumnsTheOtherLacks() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table r (id bigint primary key, a int, b int, c int, d text)",
                    "create index r_a on r (a)",
                    "create index r_a_b on r (a, b)",
                    "create unique index r_b_unique on r (b)",
                    "create index r_b_c on r (b, c)",
                    "create index r_c_including_a on r (c) include (a)",
                    "create index r_c_b on r (c, b)",
                    "create index r_d on r (d)",
                    "create index r_d_c on r (d collate \"C\", c)",
                    "create index r_partial on r (id) where a > 0",
                    "create index r_id_a on r (id, a) where a > 0");

            AuditReport report = audit(connection, AuditCheck.REDUNDANT_INDEX);

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactlyInAnyOrder("public.r_a", "public.r_partial");
            assertThat(only(report, "public.r_a").evidence()).containsEntry("coveredBy", "public.r_a_b");
            assertThat(only(report, "public.r_a").remediation()).contains("DROP INDEX CONCURRENTLY \"public\".\"r_a\";");

            applyRemediation(connection, only(report, "public.r_a"));
            assertThat(audit(connection, AuditCheck.REDUNDANT_INDEX).findings()).extracting(AuditFinding::object)
                    .containsExactly("public.r_partial");
        }
    }

    @Test
    void flagsInvalidIndexLeftByAFailedConcurrentBuildAndRebuildsIt() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table users (id bigint primary key, email text)",
                    "insert into users values (1, 'a@example.com'), (2, 'a@example.com')");
            assertThatThrownBy(() -> exec(connection, "create unique index concurrently users_email_key on users (email)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("could not create unique index");

            AuditReport report = audit(connection, AuditCheck.INVALID_INDEX);

            AuditFinding finding = only(report, "public.users_email_key");
            assertThat(finding.evidence()).containsEntry("unique", true).containsEntry("table", "public.users");
            assertThat(finding.message()).contains("CREATE INDEX CONCURRENTLY failed", "duplicate values");
            assertThat(finding.remediation().orElseThrow()).contains(
                    "DROP INDEX CONCURRENTLY \"public\".\"users_email_key\";",
                    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);");

            exec(connection, "delete from users where id = 2");
            applyRemediation(connection, finding);
            assertThat(audit(connection, AuditCheck.INVALID_INDEX).findings()).isEmpty();
            assertThat(AuditTesting.queryLong(connection, "select count(*) from pg_index"
                    + " where indexrelid = 'users_email_key'::regclass and indisvalid")).isEqualTo(1);
        }
    }

    @Test
    void flagsIndexBloatedByAMassDeleteAndReindexClearsIt() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create table ib (id bigint, v int) with (autovacuum_enabled = off)",
                    "insert into ib select g, g from generate_series(1, 100000) g",
                    "create index ib_v on ib (v)",
                    "create index ib_id on ib (id)",
                    "analyze ib");
            AuditReport before = audit(connection, AuditCheck.INDEX_BLOAT,
                    t -> t.set(AuditThreshold.INDEX_BLOAT_MIN_SIZE, 0L));
            assertThat(before.findings()).as("freshly built indexes are not bloated").isEmpty();

            exec(connection, "delete from ib where id % 10 <> 0", "vacuum ib", "analyze ib");
            AuditReport report = audit(connection, AuditCheck.INDEX_BLOAT,
                    t -> t.set(AuditThreshold.INDEX_BLOAT_MIN_SIZE, 0L));

            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactlyInAnyOrder("public.ib_v", "public.ib_id");
            AuditFinding finding = only(report, "public.ib_v");
            assertThat(finding.number("estimatedWastedRatio")).hasValueSatisfying(r -> assertThat(r).isGreaterThan(0.8));
            assertThat(finding.evidence()).containsEntry("entries", 10000L).containsEntry("method", "estimate");
            assertThat(finding.remediation()).hasValueSatisfying(sql -> assertThat(sql)
                    .contains("REINDEX INDEX CONCURRENTLY \"public\".\"ib_v\";"));
            assertThat(audit(connection, AuditCheck.INDEX_BLOAT).findings())
                    .as("the default minimum of 10MB wasted leaves a 2MB index out").isEmpty();

            applyRemediation(connection, finding);
            assertThat(about(audit(connection, AuditCheck.INDEX_BLOAT,
                    t -> t.set(AuditThreshold.INDEX_BLOAT_MIN_SIZE, 0L)), "public.ib_v")).isEmpty();
        }
    }
}
