package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** An inspection inside a snapshot that another transaction exported, as a backup drill's fingerprint takes it. */
class SchemaInspectorExportedSnapshotTest {

    private static final PostgresServer SERVER = PostgresProvider.shared();

    @Test
    void readsTheSchemaAsTheExportingTransactionSeesItNotAsItIsNow() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase();
                Connection exporter = database.connect();
                Connection other = database.connect()) {
            try (Statement statement = other.createStatement()) {
                statement.execute("create table before_export (id int primary key)");
            }
            exporter.setAutoCommit(false);
            String snapshot;
            try (Statement statement = exporter.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
                try (ResultSet rs = statement.executeQuery("select pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
            }
            try (Statement statement = other.createStatement()) {
                statement.execute("create table after_export (id int); alter table before_export add column note text");
            }

            for (int connections = 1; connections <= 3; connections++) {
                Schema inSnapshot = SchemaInspector.builder().exportedSnapshot(snapshot).connections(connections)
                        .build().inspect(database.url());
                assertThat(inSnapshot.table("public", "after_export")).as("on %d connections", connections).isEmpty();
                assertThat(inSnapshot.table("public", "before_export").orElseThrow().columns())
                        .extracting(Column::name).containsExactly("id");
            }
            assertThat(SchemaInspector.builder().build().inspect(database.url()).table("public", "after_export"))
                    .isPresent();
            exporter.rollback();
        }
    }

    @Test
    void namesTheSnapshotWhenItsExportingTransactionHasEnded() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection exporter = database.connect()) {
            exporter.setAutoCommit(false);
            String snapshot;
            try (Statement statement = exporter.createStatement();
                    ResultSet rs = statement.executeQuery("select pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            exporter.rollback();

            assertThatThrownBy(() -> SchemaInspector.builder().exportedSnapshot(snapshot).build()
                    .inspect(database.url())).isInstanceOfSatisfying(DbopsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INSPECTION_FAILED);
                        assertThat(e.getMessage()).contains(snapshot, "exporting transaction must still be open");
                    });
        }
    }

    @Test
    void refusesSomethingThatIsNotASnapshotIdentifier() {
        assertThatThrownBy(() -> SchemaInspector.builder().exportedSnapshot("x'; drop table t; --").build())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }
}
