package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class RefreshMatviewBlockingTest {

    private final LintFixture lint = LintFixture.rule("refresh-matview-blocking");

    @Test
    void flagsAPlainRefreshOfALiveView() {
        assertThat(lint.inTransaction("REFRESH MATERIALIZED VIEW daily_sales;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.ERROR);
                    assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(violation.impact()).isEqualTo(TableImpact.REWRITE);
                    assertThat(violation.message()).isEqualTo("REFRESH MATERIALIZED VIEW daily_sales takes ACCESS"
                            + " EXCLUSIVE lock (blocks reads and writes) on daily_sales while its whole query runs"
                            + " again and rewrites the table and its indexes: every read of daily_sales waits until it"
                            + " is done");
                    assertThat(violation.fix()).get().asString()
                            .contains("CREATE UNIQUE INDEX CONCURRENTLY daily_sales_key ON daily_sales")
                            .endsWith("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;");
                });
    }

    @Test
    void leavesOutTheIndexStepWhenAUniqueIndexWasCreatedEarlierInTheMigration() {
        assertThat(lint.outsideTransaction("""
                CREATE UNIQUE INDEX CONCURRENTLY daily_sales_day ON daily_sales (day, shop_id);
                REFRESH MATERIALIZED VIEW daily_sales;
                """)).singleElement().satisfies(violation ->
                        assertThat(violation.fix()).get().asString().doesNotContain("CREATE UNIQUE INDEX"));
    }

    @Test
    void keepsTheIndexStepWhenTheUniqueIndexIsOnAnExpression() {
        assertThat(lint.outsideTransaction("""
                CREATE UNIQUE INDEX CONCURRENTLY daily_sales_day ON daily_sales (date_trunc('day', at));
                REFRESH MATERIALIZED VIEW daily_sales;
                """)).singleElement().satisfies(violation ->
                        assertThat(violation.fix()).get().asString().contains("CREATE UNIQUE INDEX CONCURRENTLY"));
    }

    @Test
    void flagsRefreshWithNoDataAsEmptyingTheView() {
        assertThat(lint.inTransaction("REFRESH MATERIALIZED VIEW daily_sales WITH NO DATA;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
                    assertThat(violation.message()).contains("empties the view")
                            .contains("materialized view \"daily_sales\" has not been populated");
                });
    }

    @Test
    void acceptsRefreshConcurrently() {
        assertThat(lint.inTransaction("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;")).isEmpty();
    }

    @Test
    void acceptsAViewCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE MATERIALIZED VIEW daily_sales AS SELECT 1 AS day WITH NO DATA;")
                .inTransaction("REFRESH MATERIALIZED VIEW daily_sales;")).isEmpty();
    }
}
