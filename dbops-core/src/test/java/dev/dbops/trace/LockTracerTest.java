package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the server, and the checks of the configuration. */
class LockTracerTest {

    @TempDir
    Path dir;

    @Test
    void reportsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> LockTracer.builder().pgVersion(13).url("mysql://db/app")
                .pollInterval(Duration.ZERO).longLockThreshold(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(DbopsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("choose one server", "PostgreSQL 13 cannot be traced",
                            "mysql://db/app", "poll interval must be 1 ms to 1 s", "long-lock threshold");
                });
        assertThatThrownBy(() -> Workload.builder().readsPerSecond(0).writesPerSecond(0).sessions(0).build())
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.getMessage())
                        .contains("not both zero", "sessions must be 1 to 100"));
    }

    @Test
    void tracesOnAServerGivenByUrlInAMarkedScratchDatabaseThatItDropsAfterwards() throws Exception {
        PostgresServer server = PostgresProvider.shared();
        PostgresUrl admin = server.adminUrl();
        String url = "postgresql://" + admin.user().orElseThrow() + ":" + admin.password().orElseThrow() + "@"
                + admin.hostAndPort() + "/postgres";
        AtomicReference<String> name = new AtomicReference<>();
        AtomicReference<String> marker = new AtomicReference<>();
        Seeder inspect = dataSource -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select current_database(),"
                            + " shobj_description(oid, 'pg_database') from pg_database"
                            + " where datname = current_database()")) {
                rs.next();
                name.set(rs.getString(1));
                marker.set(rs.getString(2));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Seeder.Outcome("nothing", List.of());
        };

        TraceReport report = LockTracer.builder().url(url).seeder(inspect).build()
                .trace(flyway(dir, "traced", 1, "CREATE TABLE t (id int);\n"));

        assertThat(report.pgVersion()).isEqualTo(server.majorVersion());
        assertThat(marker.get()).startsWith("dbops lock trace scratch database; dropped when its trace ends");
        try (dev.dbops.postgres.PostgresDatabase any = server.createDatabase()) {
            assertThat(Background.exists(any, name.get())).isFalse();
        }
    }

    @Test
    void tracesOnAnEmbeddedServerOfTheChosenMajorVersionAndStopsIt() {
        TraceReport report = LockTracer.builder().pgVersion(18).build()
                .trace(flyway(dir, "traced", 1, "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN note text;\n"));

        assertThat(report.pgVersion()).isEqualTo(18);
        assertThat(report.serverVersion()).startsWith("18.");
        assertThat(report.statements()).hasSize(2);
        assertThat(report.failure()).isEmpty();
    }
}
