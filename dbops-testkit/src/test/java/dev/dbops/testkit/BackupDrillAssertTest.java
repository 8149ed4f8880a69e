package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.backupDrill;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillListener;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BackupDrillAssertTest {

    @DbopsPostgres
    static PostgresDatabase source;

    @BeforeAll
    static void fillTheSource() throws SQLException {
        execute(source.url(), "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);"
                + " INSERT INTO items (name) SELECT 'item ' || n FROM generate_series(1, 1000) n");
    }

    private static void execute(PostgresUrl url, String sql) throws SQLException {
        try (Connection connection = PostgresConnector.open(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void passesWhenTheBackupRestoresIdenticallyWithinTheRto() {
        assertThat(backupDrill(source.dataSource())).restoresIdentically().withinRto(Duration.ofMinutes(5));
    }

    @Test
    void listsEveryMismatchWhenTheRestoredCopyDiffers() {
        BackupDrill drill = BackupDrill.builder().source(source.url()).listener(new DrillListener() {
            @Override
            public void restored(PostgresUrl scratch) {
                try {
                    execute(scratch, "DELETE FROM items WHERE id = 7");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }).build();

        assertThatThrownBy(() -> assertThat(drill).restoresIdentically())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the backup of " + source.url().masked() + " to restore identically"
                        + " (1 table, 1000 rows, 1 sequence compared),\nbut the restored copy differs in 1 way:\n"
                        + "  row count differs: public.items — expected 1000 rows, restored 999 rows (-1 rows)\n\n")
                .hasMessageNotContaining(source.url().password().orElseThrow());
    }

    @Test
    void failsWhenTheRestoreTakesLongerThanTheRto() {
        assertThatThrownBy(() -> assertThat(backupDrill(source)).restoresIdentically().withinRto(Duration.ofNanos(1)))
                .hasMessageStartingWith("Expecting the backup of " + source.url().masked() + " to restore within 0.000 s"
                        + " (RTO),\nbut the restore took ")
                .hasMessageMatching("(?s).*: create scratch database \\d+\\.\\d{3} s, restore pre-data \\d+\\.\\d{3} s,"
                        + " restore data \\d+\\.\\d{3} s, restore post-data \\d+\\.\\d{3} s\\.");
    }

    @Test
    void rejectsADataSourceThatDoesNotSayWhereItsDatabaseIs() {
        DataSource opaque = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.getName().equals("isWrapperFor")
                        ? Boolean.FALSE : null);

        assertThatThrownBy(() -> backupDrill(opaque))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("backupDrill needs the URL and credentials of the database for pg_dump, and a"
                        + " jdk.proxy");
    }
}
