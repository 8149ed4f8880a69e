package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The source side of a drill: one exported snapshot for the table list, the schema, the hashes and the dump. */
class SourceFingerprintTest {

    private static final DrillOptions.FingerprintSettings SETTINGS =
            new DrillOptions.FingerprintSettings(2, false, Duration.ofMinutes(1), Duration.ofSeconds(10));

    @Test
    void holdsAccessShareLocksSoNoTableIsAlteredUntilTheFingerprintEnds() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (id int); insert into t values (1)");
            int versionNum = DrillFixture.SERVER.majorVersion() * 10_000;
            try (SourceFingerprint source = SourceFingerprint.open(database.url(), versionNum, SETTINGS)) {
                assertThatThrownBy(() -> alter(database, "alter table t add column note text"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("lock timeout");
            }

            alter(database, "alter table t add column note text");
        }
    }

    @Test
    void takesTablesSchemaAndHashesFromTheSnapshotNotFromLaterChanges() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (id int); insert into t values (1)");
            try (SourceFingerprint source = SourceFingerprint.open(database.url(), DrillFixture.SERVER.majorVersion() * 10_000,
                    SETTINGS)) {
                DrillFixture.execute(database.url(), "create table later (id int); insert into t values (2)");

                DataFingerprint fingerprint = source.finish(source.hashTables(DrillListener.NONE), true);

                assertThat(fingerprint.tables()).extracting(TableFingerprint::name).containsExactly("t");
                assertThat(fingerprint.table("public", "t").orElseThrow().rows()).isEqualTo(1);
                assertThat(fingerprint.schema().orElseThrow().schema().table("public", "later")).isEmpty();
                assertThat(fingerprint.schema().orElseThrow().schema().table("public", "t")).isPresent();
            }
        }
    }

    private static void alter(PostgresDatabase database, String sql) throws SQLException {
        try (Connection connection = PostgresConnector.open(database.url());
                Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '300ms'");
            statement.execute(sql);
        }
    }
}
