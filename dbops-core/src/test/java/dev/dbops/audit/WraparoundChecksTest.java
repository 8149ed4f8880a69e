package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.about;
import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.audit;
import static dev.dbops.audit.AuditTesting.burnXids;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.flags;
import static dev.dbops.audit.AuditTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WraparoundChecksTest {

    @Test
    void flagsTablesAndDatabasesWhoseTransactionIdAgePassedTheScaledFreezeMaxAge() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            exec(connection, "create table aged (id int)", "insert into aged values (1)");
            burnXids(connection, 3000);
            exec(connection, "create table young (id int)", "insert into young values (1)");
            long freezeMaxAge = AuditTesting.queryLong(connection,
                    "select current_setting('autovacuum_freeze_max_age')::bigint");
            // Scales the warning down to 1,500 transactions, so a test can get there.
            Consumer<AuditThresholds.Builder> scaled = t -> t.set(AuditThreshold.WRAPAROUND_WARNING_FACTOR,
                    1500.0 / freezeMaxAge);

            AuditReport report = audit(connection, AuditCheck.XID_WRAPAROUND, scaled);

            AuditFinding aged = only(report, "public.aged");
            assertThat(aged.severity()).isEqualTo(AuditSeverity.WARNING);
            assertThat(aged.number("age")).hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(3000));
            assertThat(aged.evidence()).containsEntry("freezeMaxAge", freezeMaxAge);
            assertThat(aged.remediation()).hasValueSatisfying(sql -> assertThat(sql)
                    .contains("VACUUM (FREEZE, VERBOSE) \"public\".\"aged\";"));
            assertThat(flags(report, "public.young")).isFalse();
            assertThat(flags(report, "database " + database.name())).isTrue();
            assertThat(about(audit(connection, AuditCheck.XID_WRAPAROUND), "public.aged"))
                    .as("the default warning is at 1.25 × autovacuum_freeze_max_age").isEmpty();
            assertThat(only(audit(connection, AuditCheck.XID_WRAPAROUND,
                    scaled.andThen(t -> t.set(AuditThreshold.WRAPAROUND_CRITICAL_AGE, 2000L))), "public.aged").severity())
                    .isEqualTo(AuditSeverity.CRITICAL);

            applyRemediation(connection, aged);
            assertThat(flags(audit(connection, AuditCheck.XID_WRAPAROUND, scaled), "public.aged")).isFalse();
        }
    }

    @Test
    void flagsTablesWhoseMultixactAgePassedTheScaledFreezeMaxAge() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect();
             Connection first = database.connect();
             Connection second = database.connect()) {
            exec(connection, "create table shared_rows (id int primary key)", "insert into shared_rows values (1)");
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // Two transactions share-locking the same row make PostgreSQL record a multixact as its locker.
            for (int i = 0; i < 40; i++) {
                exec(first, "select * from shared_rows where id = 1 for share");
                exec(second, "select * from shared_rows where id = 1 for share");
                first.commit();
                second.commit();
            }
            long multixactMaxAge = AuditTesting.queryLong(connection,
                    "select current_setting('autovacuum_multixact_freeze_max_age')::bigint");
            Consumer<AuditThresholds.Builder> scaled = t -> t.set(AuditThreshold.WRAPAROUND_WARNING_FACTOR,
                    30.0 / multixactMaxAge);

            AuditReport report = audit(connection, AuditCheck.MULTIXACT_WRAPAROUND, scaled);

            AuditFinding finding = only(report, "public.shared_rows");
            assertThat(finding.number("age")).hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(40));
            assertThat(finding.message()).contains("multixact ID age", "autovacuum_multixact_freeze_max_age");

            applyRemediation(connection, finding);
            assertThat(flags(audit(connection, AuditCheck.MULTIXACT_WRAPAROUND, scaled), "public.shared_rows"))
                    .isFalse();
        }
    }
}
