package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbops.json.Json;
import dev.dbops.pool.LocalPgBouncer;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolCommandTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void recommendsSettingsAndExplainsThemAsText() {
        Result result = run("pool", "--rate", "400", "--db-time-ms", "20", "--instances", "4", "--max-instances", "6");

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(result.out()).contains("maximumPoolSize = ", "decided by the target wait",
                "Connection budget (PostgreSQL defaults", "spring.datasource.hikari.maximum-pool-size=");
    }

    @Test
    void printsVersionedJson() {
        Result result = run("pool", "--rate", "400", "--db-time-ms", "20", "--db-time-p99-ms", "90",
                "--p99-wait-ms", "10", "--format", "json");

        Map<?, ?> json = (Map<?, ?>) Json.parse(result.out());
        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(json.get("formatVersion")).isEqualTo(1L);
        assertThat(((Map<?, ?>) json.get("workload")).get("targetWaitMs")).hasToString("10.0");
    }

    @Test
    void zeroRateExitsWithTwoAndSaysWhatToGive() {
        Result result = run("pool", "--rate", "0", "--db-time-ms", "20");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("the peak rate must be a positive number of transactions per second, was 0/s",
                "INVALID_CONFIGURATION");
    }

    @Test
    void negativeDbTimeExitsWithTwo() {
        Result result = run("pool", "--rate", "100", "--db-time-ms=-3");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("--db-time-ms must be positive milliseconds, was -3.0");
    }

    @Test
    void targetNoPoolWithinTheBudgetCanMeetExitsWithTwoAndSaysWhatWouldMeetIt() {
        Result result = run("pool", "--rate", "3000", "--db-time-ms", "20", "--p99-wait-ms", "5", "--instances", "10",
                "--max-connections", "100");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("cannot be met within the server's connection budget",
                "What would satisfy it: max_connections ≥ ", "PgBouncer in transaction mode", "POOL_TARGET_UNREACHABLE");
    }

    @Test
    void inconsistentServerFactsExitWithTwo() {
        Result result = run("pool", "--rate", "100", "--db-time-ms", "20", "--max-connections", "5",
                "--superuser-reserved", "5");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("leave none of max_connections (5) for ordinary clients");
    }

    @Test
    void nestedConnectionsWithoutThreadsExitWithTwo() {
        Result result = run("pool", "--rate", "100", "--db-time-ms", "20", "--connections-per-transaction", "2");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("needs --threads");
    }

    @Test
    void unparsableRateExitsWithTwo() {
        Result result = run("pool", "--rate", "lots", "--db-time-ms", "20");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("--rate");
    }

    @Test
    void oldPgBouncerInTransactionModeExitsWithOneAndPrintsTheFix() {
        Result result = run("pool", "--rate", "400", "--db-time-ms", "20", "--instances", "4",
                "--pgbouncer", "transaction", "--pgbouncer-version", "1.18");

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("pgbouncer-prepared-statements", "data-source-properties.prepareThreshold=0",
                "default_pool_size = ");
    }

    @Test
    void readsAnExistingPgBouncersSettingsFromItsAdminConsole() {
        Optional<Path> binary = LocalPgBouncer.findBinary();
        assumeTrue(binary.isPresent(), "PgBouncer is not installed (apt-get install pgbouncer to run this test)");
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
                LocalPgBouncer bouncer = LocalPgBouncer.builder(binary.get(), database.url()).defaultPoolSize(3).start()) {
            PostgresUrl admin = bouncer.adminUrl();

            Result result = run("pool", "--rate", "400", "--db-time-ms", "10", "--instances", "4", "--pgbouncer-admin",
                    "postgresql://" + admin.user().orElseThrow() + "@127.0.0.1:" + admin.port() + "/pgbouncer",
                    "--pgbouncer-database", database.name());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
            assertThat(result.out()).contains("PgBouncer (pool_mode = transaction)",
                    "PgBouncer's default_pool_size is 3, below the", "PgBouncer " + bouncer.version(),
                    "data-source-properties.prepareThreshold=0");
        }
    }

    @Test
    void pgBouncerOptionsWithoutAPgBouncerExitWithTwo() {
        Result result = run("pool", "--rate", "100", "--db-time-ms", "20", "--pgbouncer-pool-size", "20");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("add --pgbouncer transaction");
    }

    @Test
    void readsTheServersBudgetWithUrl() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
                Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('max_connections')::int")) {
            rs.next();
            long maxConnections = rs.getInt(1);

            Result result = run("pool", "--url", withCredentials(database.url()), "--rate", "100", "--db-time-ms", "20",
                    "--format", "json");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.OK);
            Map<?, ?> budget = (Map<?, ?>) ((Map<?, ?>) Json.parse(result.out())).get("budget");
            assertThat(budget.get("maxConnections")).isEqualTo(maxConnections);
            assertThat((String) budget.get("source")).startsWith("read from 127.0.0.1:");
            assertThat((Long) budget.get("otherConnections")).isGreaterThanOrEqualTo(1L);
        }
    }

    private static String withCredentials(PostgresUrl url) {
        return url.jdbcUrl() + (url.parameters().isEmpty() ? "?" : "&") + "user=" + url.user().orElseThrow()
                + "&password=" + url.password().orElseThrow();
    }
}
