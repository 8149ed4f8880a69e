package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every check's queries run on each embedded PostgreSQL major dbops ships binaries for, against a
 * database built to trip the checks whose conditions a test can create cheaply.
 */
class VersionGatingTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "14", "15", "17", "18"})
    void everyCheckRunsAndFindsItsConditionOnEachVersion(String version) throws Exception {
        try (EmbeddedPostgres server = AuditServers.start(version);
             PostgresDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            exec(connection,
                    "create extension pg_stat_statements",
                    "create extension pgstattuple",
                    "create table parent (id bigint primary key)",
                    "create table child (id bigint primary key, parent_id bigint references parent)",
                    "create table no_key (a int)",
                    "create table dup (id bigint primary key, a int)",
                    "create index dup_a_1 on dup (a)",
                    "create index dup_a_2 on dup (a)",
                    "create index dup_a_id on dup (a, id)",
                    "create table counters (id serial primary key)",
                    "select setval('counters_id_seq', 2000000000)",
                    "create table users (id bigint primary key, email text)",
                    "insert into users values (1, 'x'), (2, 'x')",
                    "begin", "insert into no_key values (1)", "prepare transaction 'gating'",
                    "select pg_create_physical_replication_slot('idle_slot', true)");
            assertThatThrownBy(() -> exec(connection, "create unique index concurrently users_email on users (email)"))
                    .isInstanceOf(SQLException.class);
            AuditThresholds thresholds = AuditThresholds.builder()
                    .set(AuditThreshold.UNUSED_INDEX_MIN_SIZE, 0L)
                    .set(AuditThreshold.PREPARED_TRANSACTION_MAX_AGE, Duration.ofMillis(1))
                    .build();
            try {
                AuditReport report = DatabaseAudit.builder().thresholds(thresholds).build().run(connection);

                assertThat(report.serverVersionNum() / 10_000).isEqualTo(Integer.parseInt(version));
                assertThat(report.failedChecks()).as(report.toText()).isEmpty();
                assertThat(report.outcomes()).filteredOn(o -> o.status() == CheckOutcome.Status.SKIPPED)
                        .extracting(o -> o.check().id()).containsExactly("query-regression");
                assertThat(report.findings()).extracting(f -> f.check().id() + " " + f.object()).contains(
                        "foreign-key-without-index public.child",
                        "unused-index public.dup_a_1",
                        "duplicate-index public.dup_a_2",
                        "redundant-index public.dup_a_1",
                        "invalid-index public.users_email",
                        "table-without-primary-key public.no_key",
                        "sequence-exhaustion public.counters_id_seq",
                        "xmin-horizon prepared transaction gating",
                        "inactive-replication-slot slot idle_slot");
            } finally {
                exec(connection, "rollback prepared 'gating'", "select pg_drop_replication_slot('idle_slot')");
            }
        }
    }
}
