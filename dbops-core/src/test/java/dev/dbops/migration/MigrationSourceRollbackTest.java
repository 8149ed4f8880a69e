package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourceRollbackTest {

    private static final String ROOT = "src/test/resources/migrations/liquibase/";

    @TempDir
    Path dir;

    private static List<ChangeSetRollback> rollbacks(String location) {
        return MigrationSource.builder().location(location).placeholders(Map.of("schema", "app")).build()
                .liquibaseRollbacks();
    }

    @Test
    void takesTheRollbackLinesOfAFormattedSqlChangeSetAsWritten() {
        List<ChangeSetRollback> rollbacks = rollbacks(ROOT + "sql/changelog.sql");

        assertThat(rollbacks).singleElement().satisfies(rollback -> {
            assertThat(rollback.changeSet()).isEqualTo(new ChangeSetRef("s1", "grace", "changelog.sql"));
            assertThat(rollback.sql()).isEqualTo("DROP TABLE invoices;\n");
            assertThat(rollback.generated()).isFalse();
            assertThat(rollback.location()).isEqualTo(ROOT + "sql/changelog.sql");
            assertThat(rollback.line()).isEqualTo(3);
            assertThat(rollback.transactionMode()).isEqualTo(TransactionMode.TRANSACTIONAL);
        });
    }

    @Test
    void generatesTheRollbackOfChangeTypesLastChangeFirst() {
        List<ChangeSetRollback> rollbacks = rollbacks(ROOT + "xml/master.xml");

        assertThat(rollbacks).filteredOn(r -> r.changeSet().file().equals("master.xml"))
                .extracting(r -> r.changeSet().id()).containsExactly("1", "2", "3", "6");
        ChangeSetRollback second = rollbacks.get(1);
        assertThat(second.generated()).isTrue();
        assertThat(second.line()).isEqualTo(17);
        assertThat(second.sql()).isEqualTo("DROP INDEX users_email_idx;\nALTER TABLE users DROP COLUMN name;\n");
        assertThat(rollbacks.get(0).sql()).isEqualTo("DROP TABLE users;\n");
    }

    @Test
    void leavesOutAChangeSetOfRawSqlWithoutRollback() {
        assertThat(rollbacks(ROOT + "xml/master.xml")).extracting(r -> r.changeSet().id()).doesNotContain("4");
    }

    @Test
    void keepsAnExplicitlyEmptyRollbackAndTheChangeSetsTransactionMode() throws IOException {
        Path changelog = dir.resolve("changelog.sql");
        Files.writeString(changelog, """
                --liquibase formatted sql

                --changeset ann:seed runInTransaction:false
                INSERT INTO settings VALUES ('a');
                --rollback not required
                """);

        assertThat(rollbacks(changelog.toString())).singleElement().satisfies(rollback -> {
            assertThat(rollback.sql()).isEmpty();
            assertThat(rollback.generated()).isFalse();
            assertThat(rollback.transactionMode()).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        });
    }

    @Test
    void findsNoRollbacksInFlywayLocations() {
        assertThat(rollbacks("src/test/resources/migrations/flyway/ordered")).isEmpty();
    }
}
