package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.SchemaInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot mode as a startup guard runs it: the snapshot is read while the live schema is inspected on the
 * caller's connection, on another thread; the connection is the caller's again when detect returns or throws.
 */
class DriftSnapshotModeTest {

    @TempDir
    Path dir;

    @Test
    void findsNoDifferenceWhenTheLiveSchemaMatchesTheSnapshotAndHandsTheConnectionBackIdle() throws Exception {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key, name text not null);\n"
                    + "create index items_name_idx on items (name);\n");
            scenario.flyway().migrate();
            Path snapshot = snapshotOf(scenario);
            DriftDetector detector = DriftDetector.builder().migrations(scenario.source()).snapshot(snapshot)
                    .gitHistory(false).build();

            try (Connection connection = scenario.live.connect()) {
                DriftReport report = detector.detect(connection);

                assertThat(report.schema().expected()).isEqualTo(ExpectedSchema.SNAPSHOT);
                assertThat(report.schema().differences()).isEmpty();
                assertThat(report.history().entries()).extracting(HistoryEntry::status)
                        .containsExactly(HistoryStatus.MATCHES);
                assertThat(report.hasDrift()).isFalse();
                assertIdleInAutoCommit(connection);
            }
        }
    }

    @Test
    void reportsAMalformedSnapshotOnlyOnceTheInspectionHasLetGoOfTheConnection() throws Exception {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n");
            scenario.flyway().migrate();
            Path snapshot = Files.writeString(dir.resolve("dbops-snapshot.json"), "{\"formatVersion\": 1, \"server\":");
            DriftDetector detector = DriftDetector.builder().migrations(scenario.source()).snapshot(snapshot)
                    .gitHistory(false).build();

            try (Connection connection = scenario.live.connect()) {
                assertThatThrownBy(() -> detector.detect(connection)).isInstanceOf(DbopsException.class)
                        .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT));
                assertIdleInAutoCommit(connection);
            }
        }
    }

    @Test
    void stillReportsEachDifferenceWhenTheSchemasDoNotAgree() throws Exception {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key, name text);\n");
            scenario.flyway().migrate();
            Path snapshot = snapshotOf(scenario);
            scenario.byHand("alter table items alter column name type varchar(80);");

            DriftReport report = scenario.detect(b -> DriftDetector.builder().migrations(scenario.source())
                    .snapshot(snapshot).gitHistory(false));

            assertThat(report.schema().differences()).extracting(d -> d.difference().object())
                    .containsExactly("public.items.name");
            assertThat(report.hasDrift()).isTrue();
        }
    }

    private static Path snapshotOf(DriftScenario scenario) throws Exception {
        Path snapshot = scenario.migrations.getParent().resolve("dbops-snapshot.json");
        try (Connection connection = scenario.live.connect()) {
            SchemaInspector.builder().build().snapshot(connection).write(snapshot);
        }
        return snapshot;
    }

    /** The inspection's read-only transaction is over and nothing else uses the connection. */
    private static void assertIdleInAutoCommit(Connection connection) throws Exception {
        assertThat(connection.getAutoCommit()).isTrue();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_catalog.current_setting('transaction_read_only'),"
                        + " pg_catalog.txid_current_if_assigned() is null")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("off");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }
}
