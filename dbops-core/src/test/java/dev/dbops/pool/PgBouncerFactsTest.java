package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How console readings become the sizer's tier and findings, on recorded SHOW output. */
class PgBouncerFactsTest {

    private static Map<String, String> config(String... pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static PgBouncerPool pool(String database, int waiting, Duration maxWait, String mode) {
        return new PgBouncerPool(database, "app", 10, waiting, 8, 0, maxWait, mode);
    }

    @Test
    void tierTakesThePoolsOwnModeOverTheGlobalOneAndReadsTheSizes() {
        PgBouncerFacts facts = new PgBouncerFacts(new PgBouncerVersion(1, 22, 0),
                config("pool_mode", "session", "default_pool_size", "25", "max_client_conn", "500",
                        "max_prepared_statements", "0", "client_idle_timeout", "300"),
                List.of(pool("orders", 0, Duration.ZERO, "transaction")));

        PgBouncerTier tier = facts.tier("orders");

        assertThat(tier.poolMode()).isEqualTo(PoolMode.TRANSACTION);
        assertThat(tier.defaultPoolSize()).hasValue(25);
        assertThat(tier.maxClientConn()).hasValue(500);
        assertThat(tier.maxPreparedStatements()).hasValue(0);
        assertThat(tier.clientIdleTimeout()).hasValue(Duration.ofSeconds(300));
        assertThat(facts.tier("reports").poolMode()).isEqualTo(PoolMode.SESSION);
    }

    @Test
    void transactionPoolingWithoutPreparedStatementTrackingIsAnErrorForNamedStatements() {
        PgBouncerFacts zeroTracked = new PgBouncerFacts(new PgBouncerVersion(1, 22, 0),
                config("pool_mode", "transaction", "max_prepared_statements", "0"), List.of());
        PgBouncerFacts tracked = new PgBouncerFacts(new PgBouncerVersion(1, 24, 1),
                config("pool_mode", "transaction", "max_prepared_statements", "200"), List.of());

        assertThat(zeroTracked.findings("orders", 5)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS);
            assertThat(f.help()).contains("max_prepared_statements = 200");
        });
        assertThat(zeroTracked.findings("orders", 0)).isEmpty();
        assertThat(tracked.findings("orders", 5)).isEmpty();
    }

    @Test
    void clientsWaitingForAServerConnectionAreReported() {
        PgBouncerFacts facts = new PgBouncerFacts(new PgBouncerVersion(1, 24, 0), config("pool_mode", "transaction"),
                List.of(pool("orders", 7, Duration.ofMillis(1500), "transaction"),
                        pool("pgbouncer", 0, Duration.ZERO, "statement")));

        assertThat(facts.findings("orders", 5)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(PoolCheck.PGBOUNCER_CLIENTS_WAITING);
            assertThat(f.message()).contains("7 clients of app@orders wait", "the oldest has waited 1.5 s");
        });
    }
}
