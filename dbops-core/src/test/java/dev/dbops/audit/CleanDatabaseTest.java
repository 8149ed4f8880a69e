package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.awaitInserts;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.execAndDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class CleanDatabaseTest {

    @Test
    void aMaintainedDatabaseHasNoFindingsOnPostgres15() throws Exception {
        assertClean(PostgresProvider.shared());
    }

    @Test
    void aMaintainedDatabaseHasNoFindingsOnPostgres18() throws Exception {
        try (PostgresServer server = PostgresProvider.fromSpec("embedded:18")) {
            assertClean(server);
        }
    }

    private static void assertClean(PostgresServer server) throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            execAndDisconnect(database, Files.readString(Path.of("../examples/shop.sql"), StandardCharsets.UTF_8),
                    "insert into shop.customers (email, name) select 'c' || g || '@example.com', 'Customer ' || g"
                            + " from generate_series(1, 1000) g",
                    "insert into shop.orders (customer_id, total) select g % 1000 + 1, g from generate_series(1, 5000) g");
            awaitInserts(connection, "shop.orders", 5000);
            exec(connection, "vacuum analyze");

            AuditReport report = DatabaseAudit.builder().build().run(connection);

            assertThat(report.findings()).as(report.toText()).isEmpty();
            assertThat(report.outcomes()).hasSize(AuditCheck.values().length);
            assertThat(report.failedChecks()).isEmpty();
            assertThat(report.outcomes()).filteredOn(o -> o.status() == CheckOutcome.Status.SKIPPED)
                    .extracting(o -> o.check().id())
                    .containsExactlyInAnyOrder("archiver-failure", "slow-query", "query-regression");
            assertThat(report.serverVersionNum() / 10_000).isEqualTo(server.majorVersion());
        }
    }
}
